package io.github.lyncupgrade.core.procedure;

/**
 * How FE-1c fails a pool over, and with it the Central Management Store it hosts (CR-9).
 * Microsoft's reference keeps {@code Invoke-CsPoolFailOver -DisasterMode} for a pool that is no
 * longer accessible; without it the pool still runs and the failover is the administrator's
 * choice, "for example ... to do hardware or software upgrades". A readiness check that finds a
 * problem (FE-1b) has just been answered by the pool, so the SDK fails over in the planned form
 * unless the operator plans otherwise.
 */
public enum PoolFailoverMode {
  /**
   * The default: {@code Invoke-CsPoolFailOver -PoolFqdn <pool>} without {@code -DisasterMode},
   * and {@code Invoke-CsManagementServerFailover} without target parameters (the store is still
   * available; the cmdlet waits for replication and moves it to the backup the topology names).
   */
  PLANNED("Invoke-CsPoolFailOver", "Invoke-CsManagementServerFailover"),
  /**
   * For operators who treat a pool with a problem as lost: {@code Invoke-CsPoolFailOver -DisasterMode},
   * and {@code Invoke-CsManagementServerFailover -BackupSqlServerFqdn <sql> [-BackupSqlInstanceName <name>] -Force},
   * which does not wait for replication.
   */
  DISASTER("Invoke-CsPoolFailOver -DisasterMode", "Invoke-CsManagementServerFailover -BackupSqlServerFqdn -Force");

  private final String poolCommand;
  private final String storeCommand;

  PoolFailoverMode(String poolCommand, String storeCommand) {
    this.poolCommand = poolCommand;
    this.storeCommand = storeCommand;
  }

  /** The pool failover's command as the plan describes it, for example {@code Invoke-CsPoolFailOver -DisasterMode}. */
  public String poolCommand() {
    return poolCommand;
  }

  /** The store failover's command as the plan describes it. */
  public String storeCommand() {
    return storeCommand;
  }
}
