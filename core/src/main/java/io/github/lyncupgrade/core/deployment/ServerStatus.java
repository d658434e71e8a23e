package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;

/**
 * A server as it is now: its Lync services ({@code Get-CsWindowsService}), its World Wide Web
 * service, and the build installed on it.
 *
 * @param server the server
 * @param servicesRunning whether every Lync service runs, so it accepts new connections (FE-2c)
 * @param webServiceRunning whether w3svc runs (BE-5, BE-10)
 * @param installedVersion the Lync Server build installed
 */
public record ServerStatus(Fqdn server, boolean servicesRunning, boolean webServiceRunning,
    BuildVersion installedVersion) {
  /** Rejects nulls. */
  public ServerStatus {
    requireNonNull(server, "server");
    requireNonNull(installedVersion, "installedVersion");
  }
}
