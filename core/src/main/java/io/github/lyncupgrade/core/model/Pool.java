package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Front End pool: an {@link EnterprisePool} or a {@link StandardEditionPool} (PROCEDURE T-1).
 *
 * <p>Pools are immutable and thread-safe. They are built with {@link #enterprise(String)} or
 * {@link #standard(String)}, and validated when built: see {@link Builder#build()}.
 */
public sealed interface Pool permits EnterprisePool, StandardEditionPool {

  /** The pool's FQDN. */
  Fqdn fqdn();

  /** The pool's edition. */
  Edition edition();

  /** The server product the pool runs; {@link ProductVersion#LYNC_SERVER_2013} unless built otherwise. */
  ProductVersion product();

  /** Every Front End server of the pool, in topology order (upgrade domain by domain). */
  List<Server> frontEnds();

  /**
   * The server on which the Back End procedure (BE-1..BE-11) runs: the SQL Server of an
   * Enterprise pool, the server itself for Standard Edition.
   */
  Fqdn backEndHost();

  /**
   * What {@code Install-CsDatabase} and {@code Test-CsDatabase} target with {@code -SqlServerFqdn}:
   * an Enterprise store's {@link BackEndStore#databaseTarget()} (the AlwaysOn listener where there
   * is one), the server itself for Standard Edition.
   */
  Fqdn databaseTarget();

  /** The pool paired with this one for disaster recovery (PROCEDURE T-4), if any. */
  Optional<Fqdn> partnerPool();

  /** A builder for an Enterprise Edition pool named {@code fqdn}. */
  static Builder enterprise(String fqdn) {
    return new Builder(Edition.ENTERPRISE, fqdn);
  }

  /**
   * A builder for a Standard Edition pool. Its one server defaults to the pool's FQDN, as in
   * Topology Builder; name it with {@link Builder#server(String)} when it differs.
   */
  static Builder standard(String fqdn) {
    return new Builder(Edition.STANDARD, fqdn);
  }

  /**
   * Collects a pool's parts as given, so that validation can name every problem at once.
   * Not thread-safe; {@link #build()} (or {@link Topology.Builder#build()}) copies what it needs.
   */
  final class Builder {
    final Edition edition;
    final String fqdn;
    final List<DomainDraft> upgradeDomains = new ArrayList<>();
    final List<String> servers = new ArrayList<>();
    String sqlServer;
    String sqlInstance;
    final Set<CollocatedDatabase> collocated = EnumSet.noneOf(CollocatedDatabase.class);
    String partnerPool;
    ProductVersion product = ProductVersion.LYNC_SERVER_2013;
    BackEndHighAvailability highAvailability = BackEndHighAvailability.STANDALONE;
    String storePartner;
    /** Both a mirror and an AlwaysOn listener were named: the validator refuses it rather than keep the last. */
    boolean mirroredAndAlwaysOn;

    private Builder(Edition edition, String fqdn) {
      this.edition = edition;
      this.fqdn = fqdn;
    }

    /** Adds an upgrade domain with its Front End servers, in topology order (T-2). */
    public Builder upgradeDomain(String name, String... serverFqdns) {
      return upgradeDomain(name, Arrays.asList(requireNonNull(serverFqdns, "serverFqdns")));
    }

    /** Adds an upgrade domain with its Front End servers, in topology order (T-2). */
    public Builder upgradeDomain(String name, List<String> serverFqdns) {
      upgradeDomains.add(new DomainDraft(name, new ArrayList<>(serverFqdns)));
      return this;
    }

    /** Names the server of a Standard Edition pool when it differs from the pool's FQDN. */
    public Builder server(String serverFqdn) {
      servers.add(serverFqdn);
      return this;
    }

    /** Sets the Enterprise pool's Back End SQL Server and the databases collocated on it (T-3). */
    public Builder backEnd(String sqlServerFqdn, CollocatedDatabase... collocatedDatabases) {
      this.sqlServer = sqlServerFqdn;
      collocated.addAll(Arrays.asList(requireNonNull(collocatedDatabases, "collocatedDatabases")));
      return this;
    }

    /** Sets the named SQL Server instance of the back end (the default instance when not set). */
    public Builder sqlInstance(String instanceName) {
      this.sqlInstance = instanceName;
      return this;
    }

    /** The server product the pool runs (Lync Server 2013 unless set). */
    public Builder product(ProductVersion product) {
      this.product = requireNonNull(product, "product");
      return this;
    }

    /**
     * Marks the Back End store as mirrored (SQL Server mirroring) to {@code mirrorSqlServerFqdn},
     * or to an unnamed mirror when null. A store is mirrored or AlwaysOn, not both: naming both is
     * a problem of the topology ({@link TopologyProblem.Kind#MIRRORED_AND_ALWAYS_ON}).
     */
    public Builder mirroredTo(String mirrorSqlServerFqdn) {
      mirroredAndAlwaysOn |= highAvailability == BackEndHighAvailability.ALWAYS_ON;
      this.highAvailability = BackEndHighAvailability.MIRRORED;
      this.storePartner = mirrorSqlServerFqdn;
      return this;
    }

    /**
     * Marks the Back End store as an AlwaysOn availability group reached through
     * {@code listenerFqdn}; {@code Install-CsDatabase} targets the listener.
     */
    public Builder alwaysOnListener(String listenerFqdn) {
      mirroredAndAlwaysOn |= highAvailability == BackEndHighAvailability.MIRRORED;
      this.highAvailability = BackEndHighAvailability.ALWAYS_ON;
      this.storePartner = listenerFqdn;
      return this;
    }

    /** Pairs this pool with a backup pool for disaster recovery (T-4); it must pair back. */
    public Builder partnerPool(String partnerFqdn) {
      this.partnerPool = partnerFqdn;
      return this;
    }

    /**
     * Validates and builds the pool on its own. A partner pool is only checked for its form
     * here; {@link Topology.Builder#build()} also checks that it exists and pairs back.
     *
     * @throws InvalidTopologyException listing every problem found, each with its path
     */
    public Pool build() {
      return new TopologyValidator().buildPool("pool", this);
    }

    static Builder from(Pool pool) {
      Builder builder = new Builder(pool.edition(), pool.fqdn().toString());
      builder.product(pool.product());
      pool.partnerPool().ifPresent(partner -> builder.partnerPool(partner.toString()));
      if (pool instanceof EnterprisePool enterprise) {
        for (UpgradeDomain domain : enterprise.upgradeDomains()) {
          builder.upgradeDomain(domain.name(),
              domain.servers().stream().map(Server::toString).toList());
        }
        BackEndStore store = enterprise.backEnd();
        builder.sqlServer = store.sqlServer().toString();
        builder.sqlInstance = store.instanceName().orElse(null);
        builder.collocated.addAll(store.collocatedDatabases());
        builder.highAvailability = store.highAvailability();
        builder.storePartner = store.mirror().or(store::listener).map(Fqdn::toString).orElse(null);
      } else if (pool instanceof StandardEditionPool standard) {
        builder.server(standard.server().toString());
      }
      return builder;
    }

    record DomainDraft(String name, List<String> servers) {}
  }
}
