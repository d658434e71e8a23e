package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * BE-1: the account that updates the server is a member of the {@code CsAdministrator} role.
 * Automation checks the membership instead of logging on interactively.
 *
 * @param scope the Back End or Standard Edition server
 */
public record CheckAdministratorRole(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public CheckAdministratorRole {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.CHECK_ADMINISTRATOR_ROLE;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.BE_1;
  }

  @Override
  public String action() {
    return "check-administrator-role";
  }

  @Override
  public String description() {
    return "Check that the account updating " + target() + " is a member of the CsAdministrator role";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
