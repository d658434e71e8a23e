package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

/**
 * BE-2: copy the update to the server and extract it to its local disk.
 *
 * @param scope the Back End or Standard Edition server
 */
public record StageUpdate(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public StageUpdate {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.STAGE_UPDATE;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.BE_2;
  }

  @Override
  public String action() {
    return "stage-update";
  }

  @Override
  public String description() {
    return "Copy the update to " + target() + " and extract it to the local disk";
  }
}
