package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * The pool's fabric (CR-2, CR-3): the routing groups' replicas, and the registrar's reset when
 * replicas are missing. Plans need it for the settle wait between domains and for the fabric check
 * before each Skype for Business Front End's failover.
 */
public non-sealed interface PoolFabric extends DeploymentCapability {

  /** {@code Get-CsPoolFabricState -PoolFqdn}: the routing groups' replicas (CR-2, CR-3). */
  PoolFabricState fabricState(Fqdn pool);

  /**
   * {@code Reset-CsPoolRegistrarState -PoolFqdn -ResetType QuorumLossRecovery} (CR-3); called only
   * when the plan's options allow it explicitly.
   */
  void resetRegistrarState(Fqdn pool);
}
