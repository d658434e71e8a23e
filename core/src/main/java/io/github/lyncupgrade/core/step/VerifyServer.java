package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * Check that a server accepts new connections again (its Lync services run): FE-2c on a Front
 * End, SDK-2 on a Standard Edition server.
 *
 * @param scope the server
 * @param rule FE-2c, SDK-2 or CR-3c
 */
public record VerifyServer(StepScope scope, ProcedureRule rule) implements ServerStep {
  /** Rejects nulls and rules this step does not carry out. */
  public VerifyServer {
    requireNonNull(scope, "scope");
    RuleCheck.requireOneOf("VerifyServer", rule, ProcedureRule.FE_2C, ProcedureRule.SDK_2, ProcedureRule.CR_3C);
  }

  @Override
  public StepKind kind() {
    return StepKind.VERIFY_SERVER;
  }

  /** The id of the verify step of {@code scope}'s server. */
  public static StepId idOf(StepScope scope) {
    return scope.stepId("verify");
  }

  @Override
  public String action() {
    return "verify";
  }

  @Override
  public String description() {
    return "Check that " + target() + " accepts new connections (Get-CsWindowsService: all services running)";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
