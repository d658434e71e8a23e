package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * BE-10: {@code net start w3svc}.
 *
 * @param scope the Back End or Standard Edition server
 */
public record StartWebService(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public StartWebService {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.START_WEB_SERVICE;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.BE_10;
  }

  @Override
  public String action() {
    return "start-web-service";
  }

  @Override
  public String description() {
    return "net start w3svc on " + target() + ": restart the World Wide Web service";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
