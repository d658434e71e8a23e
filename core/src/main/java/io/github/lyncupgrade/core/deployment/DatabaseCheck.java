package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

/**
 * One database as {@code Test-CsDatabase -ConfiguredDatabases} reports it (CR-7).
 *
 * @param name the database, for example {@code rtcxds}
 * @param sqlServer the SQL Server store that holds it
 * @param expectedVersion the schema version the installed update expects
 * @param installedVersion the schema version installed
 */
public record DatabaseCheck(String name, String sqlServer, String expectedVersion, String installedVersion) {
  /** Rejects nulls. */
  public DatabaseCheck {
    requireNonNull(name, "name");
    requireNonNull(sqlServer, "sqlServer");
    requireNonNull(expectedVersion, "expectedVersion");
    requireNonNull(installedVersion, "installedVersion");
  }

  /** Whether the installed version is the expected one. */
  public boolean isCurrent() {
    return expectedVersion.equals(installedVersion);
  }

  @Override
  public String toString() {
    return name + " on " + sqlServer + " (expected " + expectedVersion + ", installed " + installedVersion + ")";
  }
}
