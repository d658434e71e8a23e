package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * Copy the update to the server and extract it to its local disk: BE-2 inside the Back End
 * procedure, or ahead of the pool's first stop on every server (SDK-5), where the copy costs no
 * downtime and an unreachable server or a full disk shows before anything stops.
 *
 * @param scope the server
 * @param ahead whether it runs ahead of the pool's procedure (SDK-5) rather than as a step of it
 */
public record StageUpdate(StepScope scope, boolean ahead) implements ServerStep {
  /** Rejects nulls. */
  public StageUpdate {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.STAGE_UPDATE;
  }

  /** BE-2 on a Back End or Standard Edition server; SDK-5 on a Front End, which the seed topic never stages. */
  @Override
  public ProcedureRule rule() {
    return scope.isBackEnd() ? ProcedureRule.BE_2 : ProcedureRule.SDK_5;
  }

  @Override
  public String action() {
    return "stage-update";
  }

  @Override
  public boolean runsAhead() {
    return ahead;
  }

  @Override
  public String description() {
    return "Copy the update to " + target() + " and extract it to the local disk"
        + (ahead ? ", before any service of the pool stops" : "");
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
