package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a step's work between its journal records: records the start, does the work, records
 * how it ended. A deployment failure fails the step with its message; a journal failure or a crash
 * goes up, because nothing more may be recorded.
 */
final class RecordedWork {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

  /** A step's work. */
  @FunctionalInterface
  interface Work {
    StepResult perform() throws InterruptedException;
  }

  private final StepRecorder recorder;
  private final BackEndWatch backEnd;
  private final UpgradeClock clock;

  RecordedWork(StepRecorder recorder, BackEndWatch backEnd, UpgradeClock clock) {
    this.recorder = recorder;
    this.backEnd = backEnd;
    this.clock = clock;
  }

  StepResult act(Step step, Work work) {
    recorder.started(step);
    backEnd.stepStarting(step, clock.now());
    StepResult result;
    try {
      result = work.perform();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Interrupted();
    } catch (DeploymentException e) {
      result = failure(step, e.getMessage());
    } catch (StepRecorder.RunIsDead | JournalException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("{} threw unexpectedly", step.id(), e);
      result = failure(step, "unexpected " + e);
    }
    if (result instanceof StepResult.Done done) {
      recorder.succeeded(step, done.detail());
      backEnd.stepDone(step, clock.now());
    } else if (result instanceof StepResult.Failed failed) {
      recorder.failed(step, failed.reason());
    }
    return result;
  }

  static StepResult failure(Step step, String reason) {
    return new StepResult.Failed(reason, new RunOutcome.StepFailed(step.id(), step.target(), reason));
  }
}
