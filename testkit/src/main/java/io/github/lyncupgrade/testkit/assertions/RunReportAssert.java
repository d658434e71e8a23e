package io.github.lyncupgrade.testkit.assertions;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.run.Progress;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepId;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link RunReport}, with failures that say how the run ended and where it stands. */
public final class RunReportAssert extends AbstractAssert<RunReportAssert, RunReport> {

  RunReportAssert(RunReport actual) {
    super(actual, RunReportAssert.class);
  }

  /** The run completed: every step is done. */
  public RunReportAssert completed() {
    return endedWith(RunOutcome.Kind.COMPLETED);
  }

  /** The run ended with an outcome of {@code kind}. */
  public RunReportAssert endedWith(RunOutcome.Kind kind) {
    isNotNull();
    if (actual.outcome().kind() != kind) {
      failWithMessage("Expected the run to end %s, but it ended %s: %s", kind, actual.outcome().kind(),
          actual.outcome().describe());
    }
    return this;
  }

  /** The run stopped because step {@code stepId} failed. */
  public RunReportAssert failedAt(String stepId) {
    isNotNull();
    if (!(actual.outcome() instanceof RunOutcome.StepFailed failed) || !failed.step().equals(new StepId(stepId))) {
      failWithMessage("Expected the run to fail at %s, but it ended %s: %s", stepId, actual.outcome().kind(),
          actual.outcome().describe());
    }
    return this;
  }

  /** The run stopped on a problem of pool {@code pool} (FE-1b) without failing it over. */
  public RunReportAssert stoppedOnAProblemOf(String pool) {
    return stoppedOnAProblemOf(Fqdn.of(pool));
  }

  /** See {@link #stoppedOnAProblemOf(String)}. */
  public RunReportAssert stoppedOnAProblemOf(Fqdn pool) {
    isNotNull();
    if (!(actual.outcome() instanceof RunOutcome.PoolProblem problem) || !problem.pool().equals(pool)) {
      failWithMessage("Expected the run to stop on a problem of pool %s, but it ended %s: %s", pool,
          actual.outcome().kind(), actual.outcome().describe());
    }
    return this;
  }

  /** Server {@code server} stands at {@code state} in every group it belongs to. */
  public RunReportAssert hasServer(String server, Progress.State state) {
    return hasServer(Fqdn.of(server), state);
  }

  /** See {@link #hasServer(String, Progress.State)}. */
  public RunReportAssert hasServer(Fqdn server, Progress.State state) {
    isNotNull();
    boolean found = false;
    for (Progress.PoolProgress pool : actual.progress().pools()) {
      for (Progress.GroupProgress group : pool.groups()) {
        for (Progress.ServerProgress progress : group.servers()) {
          if (progress.server().equals(server)) {
            found = true;
            if (progress.state() != state) {
              failWithMessage("Expected %s to be %s in %s of %s, but it is %s (%d of %d steps done)", server, state,
                  group.group(), pool.pool(), progress.state(), progress.stepsDone(), progress.steps());
            }
          }
        }
      }
    }
    if (!found) {
      failWithMessage("Expected the report to know server %s, but no step of the plan acts on it", server);
    }
    return this;
  }
}
