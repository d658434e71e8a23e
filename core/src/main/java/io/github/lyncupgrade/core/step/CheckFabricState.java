package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.Optional;

/**
 * CR-3: before a Front End is failed over, {@code Get-CsPoolFabricState -PoolFqdn} must show every
 * routing group with its replicas. When replicas are missing the run stops and tells the operator
 * about {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery}; it runs that itself only
 * when the plan's options say so explicitly ({@link PlanOptions#resetRegistrarStateOnMissingReplicas()}).
 *
 * @param scope the Front End about to be failed over (the check runs before it goes down)
 * @param resetOnMissingReplicas whether the plan allows the reset to run automatically
 */
public record CheckFabricState(StepScope scope, boolean resetOnMissingReplicas) implements ServerStep {
  /** Rejects nulls. */
  public CheckFabricState {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.CHECK_FABRIC_STATE;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_3;
  }

  @Override
  public String action() {
    return "check-fabric-state";
  }

  /** A gate before the server's procedure, not part of it. */
  @Override
  public Optional<StepScope> serverProcedure() {
    return Optional.empty();
  }

  @Override
  public String description() {
    return "Run Get-CsPoolFabricState -PoolFqdn " + pool() + " before " + target()
        + ": go on when every routing group has its replicas; if any are missing, "
        + (resetOnMissingReplicas
            ? "run Reset-CsPoolRegistrarState -PoolFqdn " + pool() + " -ResetType QuorumLossRecovery (allowed by"
                + " the plan's options) and check again"
            : "stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery");
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
