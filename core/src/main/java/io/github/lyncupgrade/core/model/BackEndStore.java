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

  BackEndStore(Fqdn sqlServer, String instanceName, Set<CollocatedDatabase> collocatedDatabases) {
    this.sqlServer = requireNonNull(sqlServer, "sqlServer");
    this.instanceName = instanceName;
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

  /** {@code sql01.contoso.com} or {@code sql01.contoso.com\RTC}. */
  public String storeName() {
    return instanceName == null ? sqlServer.toString() : sqlServer + "\\" + instanceName;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BackEndStore that
        && sqlServer.equals(that.sqlServer)
        && Objects.equals(instanceName, that.instanceName)
        && collocatedDatabases.equals(that.collocatedDatabases);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sqlServer, instanceName, collocatedDatabases);
  }

  @Override
  public String toString() {
    return collocatedDatabases.isEmpty()
        ? storeName()
        : storeName() + " (collocated: " + collocatedDatabases + ")";
  }
}
