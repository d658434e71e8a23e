/**
 * What an executor needs from the real world: the service provider interface. Start with
 * {@link io.github.lyncupgrade.core.deployment.LyncDeployment}: the operations of Microsoft's seed procedure, and the
 * optional {@link io.github.lyncupgrade.core.deployment.DeploymentCapability}s the companion rules add
 * ({@link io.github.lyncupgrade.core.deployment.PoolFabric}, {@link io.github.lyncupgrade.core.deployment.ComputerFailover},
 * ...), with the values they answer ({@link io.github.lyncupgrade.core.deployment.PoolReadiness},
 * {@link io.github.lyncupgrade.core.deployment.ServerStatus}, ...) and the failures they throw
 * ({@link io.github.lyncupgrade.core.deployment.DeploymentException}). {@link io.github.lyncupgrade.core.deployment.UpgradeClock}
 * is the only way the SDK tells time and waits. The adapter's {@code PowerShellDeployment} and the testkit's
 * {@code FakeDeployment} implement it.
 */
package io.github.lyncupgrade.core.deployment;
