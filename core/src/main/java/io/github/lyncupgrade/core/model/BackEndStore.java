package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Back End SQL Server store of an Enterprise Edition pool: the SQL Server's FQDN, an
 * optional named instance, and the databases collocated on it (PROCEDURE T-3).
 *
 * <p>Immutable and thread-safe; built and validated by {@link Pool.Builder#backEnd}.
 */
public final class BackEndStore {
  private final Fqdn sqlServer;
  private final String instanceName;
  private final Set<CollocatedDatabase> collocatedDatabases;
  private final BackEndHighAvailability highAvailability;
  private final Fqdn partner;

  BackEndStore(Fqdn sqlServer, String instanceName, Set<CollocatedDatabase> collocatedDatabases,
      BackEndHighAvailability highAvailability, Fqdn partner) {
    this.sqlServer = requireNonNull(sqlServer, "sqlServer");
    this.instanceName = instanceName;
    this.highAvailability = requireNonNull(highAvailability, "highAvailability");
    this.partner = partner;
    this.collocatedDatabases = collocatedDatabases.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(collocatedDatabases));
  }

  /** The SQL Server's FQDN, the value of {@code Install-CsDatabase -SqlServerFqdn}. */
  public Fqdn sqlServer() {
    return sqlServer;
  }

  /** The named SQL Server instance, or empty for the default instance. */
  public Optional<String> instanceName() {
    return Optional.ofNullable(instanceName);
  }

  /** The databases collocated with the pool's own; empty when there are none. */
  public Set<CollocatedDatabase> collocatedDatabases() {
    return collocatedDatabases;
  }

  /** Whether any other database is collocated on this SQL Server (PROCEDURE BE-11b). */
  public boolean hasCollocatedDatabases() {
    return !collocatedDatabases.isEmpty();
  }

  /** How the store is made highly available. */
  public BackEndHighAvailability highAvailability() {
    return highAvailability;
  }

  /** The mirror SQL Server of a {@link BackEndHighAvailability#MIRRORED} store, if known. */
  public Optional<Fqdn> mirror() {
    return highAvailability == BackEndHighAvailability.MIRRORED ? Optional.ofNullable(partner) : Optional.empty();
  }

  /** The availability group listener of an {@link BackEndHighAvailability#ALWAYS_ON} store. */
  public Optional<Fqdn> listener() {
    return highAvailability == BackEndHighAvailability.ALWAYS_ON ? Optional.of(partner) : Optional.empty();
  }

  /**
   * What {@code Install-CsDatabase} and {@code Test-CsDatabase} target with {@code -SqlServerFqdn}:
   * the availability group's listener for AlwaysOn, the SQL Server otherwise.
   */
  public Fqdn databaseTarget() {
    return listener().orElse(sqlServer);
  }

  /** {@code sql01.contoso.com} or {@code sql01.contoso.com\RTC}. */
  public String storeName() {
    return instanceName == null ? sqlServer.toString() : sqlServer + "\\" + instanceName;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BackEndStore that
        && sqlServer.equals(that.sqlServer)
        && Objects.equals(instanceName, that.instanceName)
        && collocatedDatabases.equals(that.collocatedDatabases)
        && highAvailability == that.highAvailability
        && Objects.equals(partner, that.partner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sqlServer, instanceName, collocatedDatabases, highAvailability, partner);
  }

  @Override
  public String toString() {
    String availability = switch (highAvailability) {
      case STANDALONE -> "";
      case MIRRORED -> " (mirrored" + (partner == null ? "" : " to " + partner) + ")";
      case ALWAYS_ON -> " (AlwaysOn, listener " + partner + ")";
    };
    return storeName() + availability
        + (collocatedDatabases.isEmpty() ? "" : " (collocated: " + collocatedDatabases + ")");
  }
}
