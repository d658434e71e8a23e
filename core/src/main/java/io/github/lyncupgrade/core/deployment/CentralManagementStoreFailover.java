package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;

/**
 * Moving the Central Management Store (CR-9): what plans need when the pool that hosts it may fail
 * over.
 */
public non-sealed interface CentralManagementStoreFailover extends DeploymentCapability {

  /**
   * {@code Invoke-CsManagementServerFailover} (CR-9), run on {@code runOn}, a server of the pool
   * that takes the store: moves the Central Management Store that {@code pool} hosts to
   * {@code backupStore} ({@code fqdn} or {@code fqdn\instance}), in the planned form or, with
   * {@link PoolFailoverMode#DISASTER}, the disaster-recovery form; does nothing when it is there already.
   */
  void failOverCentralManagementStore(Fqdn pool, String backupStore, Fqdn runOn, PoolFailoverMode mode);
}
