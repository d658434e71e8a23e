package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.PoolFabric;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.CheckFabricState;

/**
 * CR-3 before each Skype for Business Front End's failover: every routing group must have its
 * replicas; {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} runs only when the plan
 * allows it, and otherwise the run stops naming it.
 */
final class FabricCheck {
  private final RunContext run;

  FabricCheck(RunContext run) {
    this.run = run;
  }

  StepResult check(CheckFabricState step) {
    PoolFabric poolFabric = run.capabilities().fabric();
    PoolFabricState fabric = poolFabric.fabricState(step.pool());
    if (!fabric.hasMissingReplicas()) {
      return new StepResult.Done(fabric.routingGroups().size() + " routing groups, none missing replicas");
    }
    if (step.resetOnMissingReplicas()) {
      poolFabric.resetRegistrarState(step.pool());
      PoolFabricState after = poolFabric.fabricState(step.pool());
      if (!after.hasMissingReplicas()) {
        return new StepResult.Done("replicas were missing in " + fabric.missingReplicas()
            + "; Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery ran (allowed by the plan) and repaired them");
      }
      fabric = after;
    }
    String reason = "Get-CsPoolFabricState reports replicas missing in routing groups " + fabric.missingReplicas()
        + " of " + step.pool() + " (CR-3); no Front End is failed over while replicas are missing. "
        + (step.resetOnMissingReplicas()
            ? "Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery ran and did not repair them: investigate"
                + " the pool before resuming"
            : "Run Reset-CsPoolRegistrarState -PoolFqdn " + step.pool() + " -ResetType QuorumLossRecovery once you"
                + " have checked the pool, then resume (or plan with resetRegistrarStateOnMissingReplicas to let the"
                + " run do it)");
    return new StepResult.Failed(reason, new RunOutcome.SafetyStop(step.id(), reason));
  }
}
