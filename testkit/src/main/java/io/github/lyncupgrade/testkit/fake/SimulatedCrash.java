package io.github.lyncupgrade.testkit.fake;

/**
 * The controlling process "crashed" here: thrown by a {@link FakeDeployment} right after the
 * call named by {@link Fault#crashAfterCall} took effect, before its caller saw the result.
 * It is an {@link Error} so that code which handles deployment failures does not swallow it,
 * as a real crash would not be. A test catches it, then resumes the run from its journal
 * against the same fake, whose servers kept their state.
 */
public final class SimulatedCrash extends Error {
  private static final long serialVersionUID = 1L;

  private final int call;

  SimulatedCrash(int call, String operation) {
    super("simulated crash of the controlling process after call " + call + " (" + operation + ")");
    this.call = call;
  }

  /** The call after which the crash happened, from 1. */
  public int call() {
    return call;
  }
}
