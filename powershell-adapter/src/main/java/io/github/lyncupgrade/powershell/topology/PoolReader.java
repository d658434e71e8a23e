package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.powershell.topology.PoolDraft.Domain;
import io.github.lyncupgrade.powershell.topology.PoolDraft.FrontEnd;
import io.github.lyncupgrade.powershell.topology.PoolDraft.Located;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Dependency;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Machine;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Service;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.SqlInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one user pool (a cluster hosting {@code UserServices} and a user Registrar) from a
 * document: its product (the services' {@code ServiceVersion}), its edition (Standard Edition when
 * its {@code UserStore} is on a SQL instance of its own cluster, never by how many machines it
 * has), its Front Ends in topology order in their upgrade domains, and its Back End: the SQL
 * Server (the AlwaysOn primary, the availability group's listener being the SQL cluster), the
 * instance, and the Archiving and Monitoring stores on that instance (BE-11b). A pool the
 * document does not describe completely is a problem, never a guess.
 */
final class PoolReader {
  private final DocumentIndex index;
  private final Findings findings;
  private final DocumentShape shape;

  PoolReader(DocumentIndex index, Findings findings, DocumentShape shape) {
    this.index = index;
    this.findings = findings;
    this.shape = shape;
  }

  /** The pool on {@code cluster}, or empty when the document does not say enough (each reason reported). */
  Optional<PoolDraft> read(Cluster cluster) {
    List<Service> userServices = index.servicesOn(cluster, Roles.USER_SERVICES);
    List<Service> registrars = index.servicesOn(cluster, Roles.REGISTRAR);
    boolean complete = true;
    if (userServices.size() > 1) {
      findings.problem(cluster.location(), "the cluster hosts " + userServices.size() + " UserServices; a pool has one");
      complete = false;
    }
    if (registrars.isEmpty()) {
      findings.problem(cluster.location(), "the cluster hosts UserServices but no Registrar, a shape not seen in Lync's"
          + " documents; nothing is guessed");
      complete = false;
    } else if ("true".equalsIgnoreCase(registrars.get(0).isDirector())) {
      findings.problem(registrars.get(0).location(), "the cluster hosts UserServices, but its Registrar says"
          + " IsDirector=\"true\": a Director has no users; nothing is guessed");
      complete = false;
    }
    Optional<ProductVersion> product = product(userServices.get(0), registrars);
    Optional<Service> store = userStore(userServices.get(0));
    Optional<SqlInstance> instance = store.flatMap(this::storeInstance);
    Optional<Cluster> sqlCluster = instance.flatMap(this::sqlCluster);
    if (!complete || product.isEmpty() || sqlCluster.isEmpty()) {
      return Optional.empty();
    }
    boolean standard = sqlCluster.get().key().equals(cluster.key());
    PoolDraft pool = new PoolDraft(cluster.fqdn(), cluster.location(), standard, product.get(), store.get().location());
    pool.storeInstanceKey = instance.get().key();
    if (standard) {
      return standardServer(pool, cluster) ? Optional.of(pool) : Optional.empty();
    }
    backEnd(pool, cluster, instance.get(), sqlCluster.get());
    return frontEnds(pool, cluster) ? Optional.of(pool) : Optional.empty();
  }

  private Optional<ProductVersion> product(Service userServices, List<Service> registrars) {
    Optional<ProductVersion> product = Roles.product(userServices.serviceVersion());
    if (product.isEmpty()) {
      findings.problem(userServices.location(), "the pool's UserServices " + Roles.unknownProduct(userServices.serviceVersion()));
      return product;
    }
    for (Service registrar : registrars) {
      Optional<ProductVersion> registrarProduct = Roles.product(registrar.serviceVersion());
      if (!registrarProduct.equals(product)) {
        findings.problem(registrar.location(), "the pool's Registrar " + (registrarProduct.isEmpty()
            ? Roles.unknownProduct(registrar.serviceVersion())
            : "runs " + registrarProduct.get()) + ", but its UserServices runs " + product.get() + "; nothing is guessed");
        return Optional.empty();
      }
    }
    return product;
  }

  /** The one {@code UserStore} the pool's user services depend on: where its Back End is. */
  private Optional<Service> userStore(Service userServices) {
    List<Service> stores = new ArrayList<>();
    for (Dependency dependency : userServices.dependencies()) {
      Optional<Service> target = index.target(dependency);
      if (target.isEmpty()) {
        findings.warn(dependency.location(), "the dependency names a service the document does not define; ignored");
      } else if (Roles.USER_STORE.equals(target.get().role())) {
        stores.add(target.get());
      }
    }
    if (stores.size() != 1) {
      findings.problem(userServices.location(), stores.isEmpty()
          ? "the pool's UserServices depends on no UserStore, so its Back End is not in the document"
          : "the pool's UserServices depends on " + stores.size() + " UserStores; a pool has one Back End store");
      return Optional.empty();
    }
    return Optional.of(stores.get(0));
  }

  private Optional<SqlInstance> storeInstance(Service store) {
    Optional<SqlInstance> instance = index.instance(store.installedOn());
    if (instance.isEmpty() && index.cluster(store.installedOn()).isPresent()) {
      findings.problem(store.location(), "the UserStore is installed on a cluster, not on a SQL instance");
    }
    return instance;
  }

  private Optional<Cluster> sqlCluster(SqlInstance instance) {
    Optional<Cluster> cluster = index.cluster(instance.clusterKey());
    if (cluster.isEmpty()) {
      findings.problem(instance.location(), "the SQL instance belongs to no cluster the document defines");
    }
    return cluster;
  }

  private boolean standardServer(PoolDraft pool, Cluster cluster) {
    if (cluster.machines().size() != 1) {
      findings.problem(cluster.location(), "a Standard Edition server (its UserStore is on its own SQL instance) is one"
          + " machine, but the cluster has " + cluster.machines().size());
      return false;
    }
    Machine machine = cluster.machines().get(0);
    if (machine.fqdn() != null) {
      pool.server = new Located(machine.fqdn(), machine.location());
    }
    if (Boolean.FALSE.equals(cluster.singleMachineOnly())) {
      findings.warn(cluster.location(), "IsSingleMachineOnly=\"false\", but the pool's UserStore is on its own SQL"
          + " instance: read as a Standard Edition server");
    }
    return true;
  }

  /** The Front Ends in topology order, in their upgrade domains (T-2: read, never invented). */
  private boolean frontEnds(PoolDraft pool, Cluster cluster) {
    if (Boolean.TRUE.equals(cluster.singleMachineOnly())) {
      findings.warn(cluster.location(), "IsSingleMachineOnly=\"true\", but the pool's UserStore is on another cluster's"
          + " SQL instance: read as an Enterprise Edition pool");
    }
    Optional<List<Machine>> ordered = topologyOrder(cluster);
    if (ordered.isEmpty()) {
      return false;
    }
    if (ordered.get().isEmpty()) {
      findings.problem(cluster.location(), "the Enterprise Edition pool has no Machine");
      return false;
    }
    Map<String, List<FrontEnd>> domains = new LinkedHashMap<>();
    List<FrontEnd> order = new ArrayList<>();
    boolean everyOneHasADomain = true;
    for (Machine machine : ordered.get()) {
      FrontEnd frontEnd = new FrontEnd(machine.fqdn() == null ? cluster.fqdn() : machine.fqdn(), machine.location());
      if (machine.upgradeDomain() == null || machine.upgradeDomain().isBlank()) {
        findings.problem(machine.location(), "Front End " + Shown.value(frontEnd.fqdn()) + " of pool "
            + Shown.value(cluster.fqdn()) + " has no UpgradeDomain; upgrade domains come from Topology Builder and are"
            + " never invented (T-2)");
        everyOneHasADomain = false;
        continue;
      }
      order.add(frontEnd);
      domains.computeIfAbsent(machine.upgradeDomain(), name -> new ArrayList<>()).add(frontEnd);
    }
    domains.forEach((name, frontEnds) -> pool.domains.add(new Domain(name, frontEnds)));
    return everyOneHasADomain && domainsKeepTheQuorumOrder(pool, cluster, order);
  }

  /**
   * Machines in topology order: {@code OrdinalInCluster} in the published shape (each must have a
   * distinct one), document order in a {@code .tbxml}.
   */
  private Optional<List<Machine>> topologyOrder(Cluster cluster) {
    if (shape == DocumentShape.TOPOLOGY_BUILDER || cluster.machines().size() < 2) {
      return Optional.of(cluster.machines());
    }
    Map<Machine, Integer> ordinals = new LinkedHashMap<>();
    Set<Integer> seen = new HashSet<>();
    boolean ordered = true;
    for (Machine machine : cluster.machines()) {
      Integer ordinal = parseOrdinal(machine.ordinal());
      if (ordinal == null || !seen.add(ordinal)) {
        findings.problem(machine.location(), (ordinal == null ? "OrdinalInCluster '" + Shown.value(machine.ordinal())
            + "' is not a number" : "OrdinalInCluster " + ordinal + " is given twice") + "; it is the topology order"
            + " Microsoft's quorum table counts in (\"the first 7\")");
        ordered = false;
      }
      ordinals.put(machine, ordinal);
    }
    if (!ordered) {
      return Optional.empty();
    }
    return Optional.of(cluster.machines().stream().sorted(Comparator.comparing(ordinals::get)).toList());
  }

  private static Integer parseOrdinal(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The model keeps an upgrade domain's servers together in topology order. A document that
   * interleaves domains is read domain by domain only when that leaves Microsoft's quorum
   * counting the same servers ("any 4 of the first 7"); otherwise the pool is refused.
   */
  private boolean domainsKeepTheQuorumOrder(PoolDraft pool, Cluster cluster, List<FrontEnd> order) {
    List<FrontEnd> grouped = pool.domains.stream().flatMap(domain -> domain.frontEnds().stream()).toList();
    if (grouped.equals(order) || order.size() > pool.product.maxFrontEnds()) {
      return true;
    }
    PoolQuorum quorum = PoolQuorum.of(pool.product, order.size());
    String listed = order.stream().map(frontEnd -> Shown.value(frontEnd.fqdn()) + " (" + domainOf(pool, frontEnd) + ")")
        .collect(Collectors.joining(", "));
    if (firstServers(order, quorum).equals(firstServers(grouped, quorum))) {
      findings.warn(cluster.location(), "the topology order interleaves upgrade domains: " + listed + "; the plan takes"
          + " them domain by domain, which leaves Microsoft's quorum (" + quorum + ") counting the same servers");
      return true;
    }
    findings.problem(cluster.location(), "the topology order interleaves upgrade domains: " + listed + "; taken domain"
        + " by domain, other servers would be 'the first " + quorum.amongFirst() + "' that Microsoft's quorum table"
        + " counts (" + quorum + "), and lync-upgrade keeps a domain's servers together, so this pool is refused rather"
        + " than planned on a guess");
    return false;
  }

  private static String domainOf(PoolDraft pool, FrontEnd frontEnd) {
    return pool.domains.stream().filter(domain -> domain.frontEnds().contains(frontEnd)).findFirst()
        .map(domain -> Shown.value(domain.name())).orElseThrow();
  }

  private static Set<String> firstServers(List<FrontEnd> order, PoolQuorum quorum) {
    return order.stream().limit(quorum.amongFirst()).map(frontEnd -> frontEnd.fqdn().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private void backEnd(PoolDraft pool, Cluster cluster, SqlInstance instance, Cluster sqlCluster) {
    String primary = instance.alwaysOnPrimaryNode();
    if (primary != null && !primary.isBlank()) {
      pool.sqlServer = new Located(primary, instance.alwaysOnLocation());
      pool.listener = new Located(sqlCluster.fqdn(), sqlCluster.location());
    } else {
      pool.sqlServer = new Located(sqlCluster.fqdn(), sqlCluster.location());
    }
    if (!instance.name().isEmpty()) {
      pool.sqlInstance = new Located(instance.name(), instance.location());
    }
    for (Service store : index.servicesOn(instance)) {
      CollocatedDatabase collocated = Roles.COLLOCATED_STORES.get(store.role());
      if (collocated != null) {
        pool.collocated.add(collocated);
      }
    }
    for (SqlInstance other : index.instancesOf(sqlCluster)) {
      for (Service store : other.equals(instance) ? List.<Service>of() : index.servicesOn(other)) {
        if (Roles.COLLOCATED_STORES.containsKey(store.role())) {
          findings.warn(store.location(), "the " + store.role() + " is on instance '" + Shown.value(other.name())
              + "' of " + Shown.value(sqlCluster.fqdn()) + ", not on the instance '" + Shown.value(instance.name())
              + "' of pool " + Shown.value(cluster.fqdn()) + "'s databases, so it is not counted as collocated with"
              + " them (BE-11b); if it should be, say so in the overlay");
        }
      }
    }
  }
}
