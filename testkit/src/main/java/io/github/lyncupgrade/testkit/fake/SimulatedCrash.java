package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * The controlling process "crashed" here: thrown by a {@link FakeDeployment} right after the
 * call a crash fault names ({@link Fault#crashAfter}, {@link Fault#crashAfterCall}) took effect,
 * before its caller saw the result. It is an {@link Error} so that code which handles deployment
 * failures does not swallow it, as a real crash would not be. A test catches it, then resumes
 * the run from its journal against the same fake, whose servers kept their state.
 */
public final class SimulatedCrash extends Error {
  private static final long serialVersionUID = 1L;

  private final int call;
  private final Operation operation;
  private final String target; // Fqdn is not Serializable; an Error is

  SimulatedCrash(int call, Operation operation, Fqdn target) {
    super("simulated crash of the controlling process after call " + call + " (" + operation + ")");
    this.call = call;
    this.operation = operation;
    this.target = target.toString();
  }

  /** The call after which the crash happened, from 1. */
  public int call() {
    return call;
  }

  /** What that call was. */
  public Operation operation() {
    return operation;
  }

  /** The server or pool that call was made against. */
  public Fqdn target() {
    return Fqdn.of(target);
  }
}
