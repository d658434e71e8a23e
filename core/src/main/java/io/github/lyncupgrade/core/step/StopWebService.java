package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * BE-5: {@code net stop w3svc}.
 *
 * @param scope the Back End or Standard Edition server
 */
public record StopWebService(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public StopWebService {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.STOP_WEB_SERVICE;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.BE_5;
  }

  @Override
  public String action() {
    return "stop-web-service";
  }

  @Override
  public String description() {
    return "net stop w3svc on " + target() + ": stop the World Wide Web service";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
