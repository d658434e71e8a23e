package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Dependency;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Service;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.SqlInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed document's references resolved: which services are installed on each cluster and SQL
 * instance, which instances each cluster holds, what each dependency names. Two things with one
 * key, and a service installed on nothing the document defines, are reported here once.
 */
final class DocumentIndex {
  /** Roles without which a pool cannot be read: their dangling references are problems, others' warnings. */
  private static final Set<String> POOL_ROLES = Set.of(Roles.USER_SERVICES, Roles.REGISTRAR, Roles.USER_STORE);

  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, SqlInstance> instances = new LinkedHashMap<>();
  private final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<String, List<Service>> onCluster = new LinkedHashMap<>();
  private final Map<String, List<Service>> onInstance = new LinkedHashMap<>();
  private final Map<String, List<SqlInstance>> instancesOf = new LinkedHashMap<>();

  DocumentIndex(TopologyDocument document, Findings findings) {
    for (Cluster cluster : document.clusters()) {
      unique(clusters, cluster.key(), cluster, cluster.location(), findings);
    }
    for (SqlInstance instance : document.sqlInstances()) {
      if (unique(instances, instance.key(), instance, instance.location(), findings)) {
        instancesOf.computeIfAbsent(instance.clusterKey(), key -> new ArrayList<>()).add(instance);
      }
    }
    for (Service service : document.services()) {
      if (!unique(services, service.key(), service, service.location(), findings)) {
        continue;
      }
      String on = service.installedOn();
      if (on != null && clusters.containsKey(on)) {
        onCluster.computeIfAbsent(on, key -> new ArrayList<>()).add(service);
      } else if (on != null && instances.containsKey(on)) {
        onInstance.computeIfAbsent(on, key -> new ArrayList<>()).add(service);
      } else {
        String message = "the service is installed on " + (on == null ? "nothing" : "'" + Shown.value(on) + "'")
            + ", which the document does not define";
        if (POOL_ROLES.contains(service.role())) {
          findings.problem(service.location(), message);
        } else {
          findings.warn(service.location(), message + "; ignored");
        }
      }
    }
  }

  private static <T> boolean unique(Map<String, T> map, String key, T value, SourceLocation at, Findings findings) {
    if (map.putIfAbsent(key, value) != null) {
      findings.problem(at, "a second element with the identity '" + Shown.value(key) + "': references to it are ambiguous");
      return false;
    }
    return true;
  }

  List<Cluster> clusters() {
    return List.copyOf(clusters.values());
  }

  List<Service> services() {
    return List.copyOf(services.values());
  }

  Optional<Cluster> cluster(String key) {
    return Optional.ofNullable(key == null ? null : clusters.get(key));
  }

  Optional<SqlInstance> instance(String key) {
    return Optional.ofNullable(key == null ? null : instances.get(key));
  }

  List<Service> servicesOn(Cluster cluster) {
    return onCluster.getOrDefault(cluster.key(), List.of());
  }

  List<Service> servicesOn(SqlInstance instance) {
    return onInstance.getOrDefault(instance.key(), List.of());
  }

  List<SqlInstance> instancesOf(Cluster cluster) {
    return instancesOf.getOrDefault(cluster.key(), List.of());
  }

  /** The services of {@code role} on {@code cluster}. */
  List<Service> servicesOn(Cluster cluster, String role) {
    return servicesOn(cluster).stream().filter(service -> role.equals(service.role())).toList();
  }

  /** The service a dependency names, if the document defines it. */
  Optional<Service> target(Dependency dependency) {
    return Optional.ofNullable(dependency.serviceKey() == null ? null : services.get(dependency.serviceKey()));
  }
}
