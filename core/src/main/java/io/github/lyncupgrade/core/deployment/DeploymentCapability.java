package io.github.lyncupgrade.core.deployment;

/**
 * An optional part of the deployment SPI: operations that only some plans need, added by the
 * companion rules (CR-2 to CR-9), each its own interface so that a deployment offers what it can
 * and the executor refuses a plan that needs more before anything runs. Ask a deployment with
 * {@link LyncDeployment#capability}. The family is closed; the SDK adds members as rules come.
 */
public sealed interface DeploymentCapability
    permits PoolFabric, ComputerFailover, DatabaseTests, TopologyPublishing, CentralManagementStoreFailover {
}
