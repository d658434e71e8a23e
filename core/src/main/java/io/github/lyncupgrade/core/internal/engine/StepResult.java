package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.Step;
import java.util.List;

/** What performing one step came to. */
sealed interface StepResult {

  /** The step did its work; {@code alsoSkipped} were recorded as not needed on the way. */
  record Done(String detail, List<Step> alsoSkipped) implements StepResult {
    Done(String detail) {
      this(detail, List.of());
    }
  }

  /** The step, and the rest of its chain, were not needed; each skipped step is already recorded. */
  record Skipped(List<Step> steps, String reason) implements StepResult {}

  /** The step failed; the run stops with this outcome. */
  record Failed(String reason, RunOutcome outcome) implements StepResult {}

  /** The run was cancelled while the step waited; the step stays started and is redone on resume. */
  record Interrupted() implements StepResult {}
}
