package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * A {@link LyncDeployment} operation failed. Subclasses say how; every one names the operation
 * and the server or pool it concerned.
 */
public class DeploymentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final transient Fqdn target;

  /** An operation on {@code target} failed for the reason {@code message}. */
  public DeploymentException(String operation, Fqdn target, String message) {
    super(operation + " on " + target + " failed: " + message);
    this.operation = requireNonNull(operation, "operation");
    this.target = requireNonNull(target, "target");
  }

  /** The operation, for example {@code Stop-CsWindowsService}. */
  public String operation() {
    return operation;
  }

  /** The server or pool the operation concerned. */
  public Fqdn target() {
    return target;
  }
}
