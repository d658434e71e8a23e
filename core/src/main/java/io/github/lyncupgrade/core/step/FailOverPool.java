package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * PROCEDURE FE-1c, contingent: when a readiness check or settle wait of the pool finds a problem
 * (FE-1b), fail the pool over to its disaster-recovery partner, then go on updating its servers.
 * Or, {@code beforeUpdate} (SDK-7), not contingent: a single-server pool, whose users cannot stay
 * served while it is updated, is failed over to its partner, in the planned form, before anything
 * of it stops.
 *
 * @param pool the pool to fail over
 * @param partner its backup pool
 * @param mode planned (the default: the pool still runs) or disaster mode
 * @param beforeUpdate whether the failover always runs, before the pool's update (SDK-7)
 */
public record FailOverPool(Fqdn pool, Fqdn partner, PoolFailoverMode mode, boolean beforeUpdate) implements Step {
  /** Rejects nulls, and disaster mode before an update: a pool failed over for its update still runs. */
  public FailOverPool {
    requireNonNull(pool, "pool");
    requireNonNull(partner, "partner");
    requireNonNull(mode, "mode");
    if (beforeUpdate && mode == PoolFailoverMode.DISASTER) {
      throw new IllegalArgumentException("a failover before the update (SDK-7) is planned: " + pool + " still runs");
    }
  }

  /** The contingent failover of FE-1c, in {@code mode}. */
  public FailOverPool(Fqdn pool, Fqdn partner, PoolFailoverMode mode) {
    this(pool, partner, mode, false);
  }

  /** The id of {@code pool}'s failover step. */
  public static StepId idOf(Fqdn pool) {
    return new StepId(pool + "/fail-over");
  }

  @Override
  public StepKind kind() {
    return StepKind.FAIL_OVER_POOL;
  }

  @Override
  public StepId id() {
    return idOf(pool);
  }

  @Override
  public ProcedureRule rule() {
    return beforeUpdate ? ProcedureRule.SDK_7 : ProcedureRule.FE_1C;
  }

  @Override
  public Fqdn target() {
    return partner;
  }

  @Override
  public boolean isContingent() {
    return !beforeUpdate;
  }

  @Override
  public String description() {
    return beforeUpdate
        ? "Fail " + pool + " over to " + partner + " (" + mode.poolCommand() + ") before its update: a single server"
            + " cannot keep its users served while it is updated (SDK-7)"
        : "Only if a readiness check or settle wait finds a pool problem (FE-1b): fail " + pool + " over to "
            + partner + " (" + mode.poolCommand() + "), then update its servers";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
