package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;

/** A server does not answer: it is down, did not come back from a restart, or cannot be reached. */
public class ServerUnreachableException extends DeploymentException {
  private static final long serialVersionUID = 1L;

  /** {@code server} did not answer {@code operation}. */
  public ServerUnreachableException(String operation, Fqdn server) {
    super(operation, server, server + " does not answer; check that it is up and reachable");
  }
}
