package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.run.CustomAction;
import io.github.lyncupgrade.core.step.CustomStep;
import java.util.Map;

/** SDK-6: a step the plan's user added runs the action they registered; what it throws fails the step, with its message. */
final class CustomSteps {
  private final RunContext run;
  private final Map<String, CustomAction> actions;

  CustomSteps(RunContext run, Map<String, CustomAction> actions) {
    this.run = run;
    this.actions = actions;
  }

  StepResult perform(CustomStep step) {
    try {
      String detail = actions.get(step.action()).perform(step, run.deployment());
      return new StepResult.Done(detail == null || detail.isBlank() ? "done" : detail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Interrupted();
    } catch (Exception e) {
      return RecordedWork.failure(step, "the custom action '" + step.action() + "' failed: " + e.getMessage());
    }
  }
}
