package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;

/** The update installer ended with an exit code other than success; its log says why. */
public class UpdateInstallFailedException extends DeploymentException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String logLocation;

  /** The installer on {@code server} exited with {@code exitCode}; its log is at {@code logLocation}. */
  public UpdateInstallFailedException(Fqdn server, int exitCode, String logLocation) {
    super("install update", server, "the installer exited with code " + exitCode + "; see its log at " + logLocation);
    this.exitCode = exitCode;
    this.logLocation = logLocation;
  }

  /** The installer's exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** Where the installer wrote its log. */
  public String logLocation() {
    return logLocation;
  }
}
