package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * CR-3c: {@code Invoke-CsComputerFailBack -ComputerName <fe>} enables and starts the patched
 * server's services and gives it its routing groups back.
 *
 * @param scope the Front End
 */
public record FailBackServer(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public FailBackServer {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.FAIL_BACK_SERVER;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_3C;
  }

  @Override
  public String action() {
    return "fail-back-server";
  }

  @Override
  public String description() {
    return "Invoke-CsComputerFailBack -ComputerName " + target() + ": enable and start its services";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
