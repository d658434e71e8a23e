package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * Install the cumulative update on a server: FE-2b on a Front End, BE-7 in the Back End
 * procedure.
 *
 * @param scope the server
 * @param rule FE-2b, BE-7 or CR-3b
 */
public record InstallUpdate(StepScope scope, ProcedureRule rule) implements ServerStep {
  /** Rejects nulls and rules this step does not carry out. */
  public InstallUpdate {
    requireNonNull(scope, "scope");
    RuleCheck.requireOneOf("InstallUpdate", rule, ProcedureRule.FE_2B, ProcedureRule.BE_7, ProcedureRule.CR_3B);
  }

  @Override
  public StepKind kind() {
    return StepKind.INSTALL_UPDATE;
  }

  @Override
  public String action() {
    return "install-update";
  }

  @Override
  public String description() {
    return "Run the update installer with /silentmode on " + target() + " (exit 0, or 3010: restart required; CR-8)";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
