package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * Restart a Front End server after its update: FE-2c in an upgrade domain, CR-3b while it is
 * failed over (its services stay stopped until failback).
 *
 * @param scope the server
 * @param rule FE-2c or CR-3b
 */
public record RestartServer(StepScope scope, ProcedureRule rule) implements ServerStep {
  /** Rejects nulls and rules this step does not carry out. */
  public RestartServer {
    requireNonNull(scope, "scope");
    RuleCheck.requireOneOf("RestartServer", rule, ProcedureRule.FE_2C, ProcedureRule.CR_3B);
  }

  @Override
  public StepKind kind() {
    return StepKind.RESTART_SERVER;
  }

  @Override
  public String action() {
    return "restart";
  }

  @Override
  public String description() {
    return "Restart " + target() + " and wait for it to come back";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
