package io.github.lyncupgrade.powershell.topology;

import java.util.List;

/**
 * What a parser took from a document of either shape, as the document says it, before anything
 * is checked: clusters with their machines, SQL instances, and services with their dependencies,
 * each with its location. References are opaque keys: (SiteId, Number) and (SiteId, RoleName,
 * Instance) in the published shape, UniqueIds in a {@code .tbxml}.
 */
record TopologyDocument(DocumentShape shape, List<Cluster> clusters, List<SqlInstance> sqlInstances,
    List<Service> services) {

  /**
   * A cluster: a pool, or a single server (Standard Edition, SQL, file, Office Web Apps...).
   *
   * @param singleMachineOnly the {@code .tbxml}'s {@code IsSingleMachineOnly}, null when absent
   * @param machines in topology order: the published shape's {@code OrdinalInCluster} (kept in
   *     each machine for the mapper to check), a {@code .tbxml}'s document order
   */
  record Cluster(String key, String fqdn, boolean inBranchSite, Boolean singleMachineOnly, List<Machine> machines,
      SourceLocation location) {}

  /**
   * A machine of a cluster.
   *
   * @param fqdn null when a {@code .tbxml} leaves it out (the cluster's FQDN then)
   * @param ordinal the published shape's {@code OrdinalInCluster} as written, null in a {@code .tbxml}
   */
  record Machine(String fqdn, String upgradeDomain, String ordinal, SourceLocation location) {}

  /**
   * A SQL Server instance of the cluster {@code clusterKey}; {@code name} is "" for the default
   * instance. {@code location} is where its name is written, {@code alwaysOnLocation} where its
   * {@code AlwaysOnPrimaryNodeFqdn} is (the same element in a {@code .tbxml}).
   */
  record SqlInstance(String key, String clusterKey, String name, String alwaysOnPrimaryNode, SourceLocation location,
      SourceLocation alwaysOnLocation) {}

  /**
   * A service.
   *
   * @param installedOn the key of a cluster or a SQL instance; null when the document names none
   * @param isDirector {@code RegistrarService@IsDirector}, null when absent
   * @param centralManagementActive {@code CentralMgmtService@IsActive}, null when absent
   */
  record Service(String key, String role, String serviceVersion, String installedOn, List<Dependency> dependencies,
      String isDirector, String centralManagementActive, SourceLocation location) {}

  /** A dependency of a service on the service {@code serviceKey}. */
  record Dependency(String serviceKey, String usage, SourceLocation location) {}
}
