package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;
import java.time.Duration;

/**
 * One Front End's failover and failback (CR-3a, CR-3c), from Skype for Business Server 2015 on:
 * what plans that patch server by server need.
 */
public non-sealed interface ComputerFailover extends DeploymentCapability {

  /**
   * {@code Invoke-CsComputerFailOver -ComputerName -DrainingTimeout} (CR-3a): drains the server
   * within {@code drainingTimeout}, then stops and disables its services.
   */
  void failOverComputer(Fqdn server, Duration drainingTimeout);

  /** {@code Invoke-CsComputerFailBack -ComputerName} (CR-3c): enables and starts the server's services. */
  void failBackComputer(Fqdn server);
}
