package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * Publishing the topology again (CR-6): what plans with an AlwaysOn Back End need after its databases
 * are updated through the listener.
 */
public non-sealed interface TopologyPublishing extends DeploymentCapability {

  /** Publishes the current topology again and enables it (CR-6), after {@code pool}'s AlwaysOn databases were updated. */
  void publishTopology(Fqdn pool);
}
