package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * SDK-2: {@code Start-CsWindowsService} on a Standard Edition server after its databases are
 * updated. The Back End procedure stops the services (BE-4, BE-9) and never starts them again;
 * a Standard Edition server is also the pool's only Front End, so its users wait for this step.
 *
 * @param scope the Standard Edition server
 */
public record StartServices(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public StartServices {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.START_SERVICES;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.SDK_2;
  }

  @Override
  public String action() {
    return "start-services";
  }

  @Override
  public String description() {
    return "Start-CsWindowsService on " + target() + ": the Back End procedure leaves the services stopped";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
