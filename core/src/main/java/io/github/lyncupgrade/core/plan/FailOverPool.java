package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * PROCEDURE FE-1c, contingent: when any readiness check of the pool finds a problem (FE-1b),
 * fail the pool over to its disaster-recovery partner, then go on updating its servers.
 *
 * @param pool the pool to fail over
 * @param partner its backup pool
 * @param mode planned (the default: the pool still runs) or disaster mode
 */
public record FailOverPool(Fqdn pool, Fqdn partner, PoolFailoverMode mode) implements Step {
  /** Rejects nulls. */
  public FailOverPool {
    requireNonNull(pool, "pool");
    requireNonNull(partner, "partner");
    requireNonNull(mode, "mode");
  }

  @Override
  public StepKind kind() {
    return StepKind.FAIL_OVER_POOL;
  }

  @Override
  public StepId id() {
    return new StepId(pool + "/fail-over");
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.FE_1C;
  }

  @Override
  public Fqdn target() {
    return partner;
  }

  @Override
  public boolean isContingent() {
    return true;
  }

  @Override
  public String description() {
    return "Only if a readiness check finds a pool problem (FE-1b): fail " + pool + " over to " + partner
        + " (" + mode.poolCommand() + "), then update its servers";
  }
}
