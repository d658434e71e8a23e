package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.powershell.topology.SkippedCluster.Kind;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Service;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a cluster that is neither a user pool nor a pool's Back End is, by the roles installed on it. */
final class SkippedClusters {
  private SkippedClusters() {}

  static SkippedCluster of(Cluster cluster, DocumentIndex index) {
    Set<String> roles = new LinkedHashSet<>();
    index.servicesOn(cluster).stream().map(Service::role).forEach(roles::add);
    String fqdn = cluster.fqdn() == null ? "" : cluster.fqdn();
    return new SkippedCluster(kind(cluster, roles, !index.instancesOf(cluster).isEmpty()), fqdn,
        Math.max(1, cluster.machines().size()), List.copyOf(roles), cluster.location());
  }

  private static Kind kind(Cluster cluster, Set<String> roles, boolean holdsSqlInstances) {
    if (cluster.inBranchSite()) {
      return Kind.BRANCH_APPLIANCE;
    }
    if (roles.contains(Roles.REGISTRAR)) {
      return Kind.DIRECTOR;
    }
    if (roles.contains(Roles.EDGE)) {
      return Kind.EDGE;
    }
    if (roles.contains(Roles.OFFICE_WEB_APPS)) {
      return Kind.OFFICE_WEB_APPS;
    }
    if (roles.contains(Roles.PSTN_GATEWAY)) {
      return Kind.PSTN_GATEWAY;
    }
    if (roles.contains(Roles.MEDIATION)) {
      return Kind.MEDIATION;
    }
    if (roles.stream().anyMatch(role -> !Roles.isKnown(role))) {
      return Kind.OTHER_ROLE;
    }
    if (roles.contains(Roles.FILE_STORE)) {
      return Kind.FILE_STORE;
    }
    if (holdsSqlInstances) {
      return Kind.SQL_SERVER;
    }
    return roles.isEmpty() ? Kind.NO_ROLE : Kind.OTHER_ROLE;
  }
}
