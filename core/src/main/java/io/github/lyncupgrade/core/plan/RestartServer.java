package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

/**
 * FE-2c: restart a Front End server after its update.
 *
 * @param scope the server
 */
public record RestartServer(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public RestartServer {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.RESTART_SERVER;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.FE_2C;
  }

  @Override
  public String action() {
    return "restart";
  }

  @Override
  public String description() {
    return "Restart " + target() + " and wait for it to come back";
  }
}
