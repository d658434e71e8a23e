package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * CR-9, contingent: before the pool that hosts the Central Management Store is failed over
 * (FE-1c), the store is moved to the partner's Back End with {@code Invoke-CsManagementServerFailover},
 * which Microsoft's reference says to run on a server of the pool that takes the store: planned
 * (no target parameters: the store is still available, replication is waited for) or, in
 * {@link PoolFailoverMode#DISASTER}, {@code -BackupSqlServerFqdn <fqdn> [-BackupSqlInstanceName <name>] -Force}.
 * Not contingent when the pool fails over before its update (SDK-7). It stays there after the pool
 * fails back; moving it home is the operator's choice.
 *
 * @param pool the pool that hosts the store
 * @param partner its disaster-recovery partner
 * @param backupStore the partner's store that takes the Central Management Store
 *     ({@code sql.contoso.com} or {@code sql.contoso.com\INSTANCE})
 * @param runOn a server of the partner pool, where the cmdlet runs
 * @param mode planned or disaster, as the pool's failover
 * @param beforeUpdate whether the pool's failover always runs, before its update (SDK-7), and so this step too
 */
public record FailOverCentralManagementStore(Fqdn pool, Fqdn partner, String backupStore, Fqdn runOn,
    PoolFailoverMode mode, boolean beforeUpdate) implements Step {
  /** Rejects nulls. */
  public FailOverCentralManagementStore {
    requireNonNull(pool, "pool");
    requireNonNull(partner, "partner");
    requireNonNull(backupStore, "backupStore");
    requireNonNull(runOn, "runOn");
    requireNonNull(mode, "mode");
  }

  /** The contingent store failover that comes before FE-1c's. */
  public FailOverCentralManagementStore(Fqdn pool, Fqdn partner, String backupStore, Fqdn runOn,
      PoolFailoverMode mode) {
    this(pool, partner, backupStore, runOn, mode, false);
  }

  /** The id of the store's failover step of {@code pool}. */
  public static StepId idOf(Fqdn pool) {
    return new StepId(pool + "/fail-over-central-management-store");
  }

  @Override
  public StepKind kind() {
    return StepKind.FAIL_OVER_CENTRAL_MANAGEMENT_STORE;
  }

  @Override
  public StepId id() {
    return idOf(pool);
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_9;
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
    return (beforeUpdate ? "Before " + pool + " fails over (SDK-7)" : "Only if " + pool + " must fail over (FE-1c)")
        + ": first move the Central Management Store it hosts to " + backupStore + " (" + mode.storeCommand()
        + ", on " + runOn + ")";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
