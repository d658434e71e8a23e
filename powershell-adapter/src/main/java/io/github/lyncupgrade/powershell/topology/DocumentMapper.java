package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.TopologyProblem;
import io.github.lyncupgrade.powershell.topology.PoolDraft.Located;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Service;
import io.github.lyncupgrade.powershell.topology.TopologyOverlay.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a parsed document and its overlay into the validated {@link Topology}: the user pools
 * in document order ({@link PoolReader}), the Central Management Store's pool, what the overlay
 * adds, and the clusters skipped. Every problem, the document's and the core model's, is
 * collected with its location; the topology exists only when there is none.
 */
final class DocumentMapper {
  private final TopologyDocument document;
  private final TopologyOverlay overlay;
  private final Findings findings;
  private final SourceLocation documentLocation;
  private final DocumentIndex index;
  private final Map<String, PoolDraft> pools = new LinkedHashMap<>();
  /** Lower-case FQDNs of user pools that could not be read: their problems are already reported. */
  private final Set<String> unreadPools = new HashSet<>();
  private Located centralManagementStore;

  /** The result: the topology (null when there were problems) and the clusters skipped. */
  record Mapped(Topology topology, List<SkippedCluster> skipped) {}

  DocumentMapper(TopologyDocument document, TopologyOverlay overlay, Findings findings, SourceLocation documentLocation) {
    this.document = document;
    this.overlay = overlay;
    this.findings = findings;
    this.documentLocation = documentLocation;
    this.index = new DocumentIndex(document, findings);
  }

  Mapped map() {
    PoolReader reader = new PoolReader(index, findings, document.shape());
    for (Cluster cluster : index.clusters()) {
      if (!index.servicesOn(cluster, Roles.USER_SERVICES).isEmpty()) {
        reader.read(cluster).ifPresentOrElse(pool -> pools.put(cluster.key(), pool),
            () -> unreadPools.add(lower(cluster.fqdn())));
      }
    }
    List<SkippedCluster> skipped = skipped();
    centralManagementStore();
    warnAboutUnknownRoles();
    applyOverlay();
    if (pools.isEmpty() && unreadPools.isEmpty()) {
      findings.problem(documentLocation, "the document has no user pool (a cluster with UserServices and a user"
          + " Registrar); " + SkippedCluster.summary(skipped));
    }
    return new Mapped(pools.isEmpty() ? null : build(), skipped);
  }

  private List<SkippedCluster> skipped() {
    Set<String> backEnds = new HashSet<>();
    for (PoolDraft pool : pools.values()) {
      index.instance(pool.storeInstanceKey).ifPresent(instance -> backEnds.add(instance.clusterKey()));
    }
    List<SkippedCluster> skipped = new ArrayList<>();
    for (Cluster cluster : index.clusters()) {
      boolean userPool = !index.servicesOn(cluster, Roles.USER_SERVICES).isEmpty();
      if (!userPool && !backEnds.contains(cluster.key())) {
        skipped.add(SkippedClusters.of(cluster, index));
      }
    }
    return skipped;
  }

  /** The pool that hosts the active Central Management service (CR-9); its database should be that pool's Back End. */
  private void centralManagementStore() {
    List<Service> active = index.services().stream()
        .filter(service -> Roles.CENTRAL_MANAGEMENT.equals(service.role())
            && "true".equalsIgnoreCase(service.centralManagementActive()))
        .toList();
    if (active.size() > 1) {
      active.forEach(service -> findings.problem(service.location(), "one of " + active.size() + " active Central"
          + " Management services; a deployment has one"));
      return;
    }
    if (active.isEmpty()) {
      boolean named = overlay.entries().stream().anyMatch(entry -> entry.field() == TopologyOverlay.Field.CENTRAL_MANAGEMENT_STORE);
      if (!named) {
        findings.warn(documentLocation, "no active Central Management service (CentralMgmtService IsActive=\"true\"),"
            + " as in a topology never published: if the store lives in one of these pools, name it in the overlay,"
            + " or the plan cannot protect it (CR-9)");
      }
      return;
    }
    Service service = active.get(0);
    Optional<Cluster> cluster = index.cluster(service.installedOn());
    PoolDraft pool = cluster.map(Cluster::key).map(pools::get).orElse(null);
    if (pool == null) {
      if (cluster.isPresent() && !unreadPools.contains(lower(cluster.get().fqdn()))) {
        findings.warn(service.location(), "the Central Management service is on " + Shown.value(cluster.get().fqdn())
            + ", which is no user pool; no pool of the plan hosts the store (CR-9)");
      }
      return;
    }
    if (Fqdn.problemWith(pool.fqdn).isPresent()) {
      return; // the pool's name is reported where the pool is
    }
    centralManagementStore = new Located(pool.fqdn, service.location());
    // The store the active service depends on: a disaster-recovery pair also has a backup store on the partner.
    service.dependencies().stream().map(index::target).flatMap(Optional::stream)
        .filter(store -> Roles.CENTRAL_MANAGEMENT_STORE.equals(store.role()))
        .filter(store -> !pool.storeInstanceKey.equals(store.installedOn())).forEach(store ->
            findings.warn(store.location(), "the Central Management Store's database is not on the Back End of "
                + Shown.value(pool.fqdn) + ", the pool that hosts its service; the plan treats that pool as the"
                + " store's (CR-9)"));
  }

  private void warnAboutUnknownRoles() {
    Map<String, PoolDraft> byStoreInstance = new HashMap<>();
    pools.values().forEach(pool -> byStoreInstance.put(pool.storeInstanceKey, pool));
    for (Service service : index.services()) {
      if (Roles.isUnknownStore(service.role())) {
        PoolDraft pool = byStoreInstance.get(service.installedOn());
        findings.warn(service.location(), "a store of unknown role '" + Shown.value(service.role()) + "'"
            + (pool == null || pool.standard ? "; ignored" : " on the Back End of " + Shown.value(pool.fqdn)
                + ": if it is a database collocated with the pool's (Persistent Chat's?), BE-11b applies: name it in"
                + " the overlay's \"collocated\""));
      } else if (service.role() == null || !Roles.isKnown(service.role())) {
        findings.warn(service.location(), "service role " + (service.role() == null ? "missing" : "'"
            + Shown.value(service.role()) + "'") + " not understood; ignored");
      }
    }
  }

  private void applyOverlay() {
    Map<String, PoolDraft> byFqdn = new HashMap<>();
    pools.values().forEach(pool -> byFqdn.put(lower(pool.fqdn), pool));
    for (Entry entry : overlay.entries()) {
      switch (entry.field()) {
        case CENTRAL_MANAGEMENT_STORE -> overlayCentralManagementStore(entry);
        case PARTNER_POOL -> overlayPool(entry, byFqdn).filter(pool -> !unreadPools.contains(lower(entry.value())))
            .ifPresent(pool -> pool.partner = once(pool.partner, entry, "a disaster-recovery partner"));
        case MIRROR -> overlayPool(entry, byFqdn).filter(pool -> enterprise(pool, entry)).ifPresent(pool -> {
          if (pool.listener != null) {
            findings.problem(entry.location(), "the document says the Back End of " + Shown.value(pool.fqdn)
                + " is an AlwaysOn availability group (listener " + Shown.value(pool.listener.value()) + "); it is not"
                + " also mirrored");
          } else {
            pool.mirror = once(pool.mirror, entry, "a mirror");
          }
        });
        case COLLOCATED -> overlayPool(entry, byFqdn).filter(pool -> enterprise(pool, entry))
            .ifPresent(pool -> pool.collocated.add(CollocatedDatabase.valueOf(entry.value())));
      }
    }
  }

  /** The pool an overlay entry adds to; empty when it is a pool already reported, or none of the document's. */
  private Optional<PoolDraft> overlayPool(Entry entry, Map<String, PoolDraft> byFqdn) {
    if (unreadPools.contains(lower(entry.pool()))) {
      return Optional.empty();
    }
    PoolDraft pool = byFqdn.get(lower(entry.pool()));
    if (pool == null) {
      findings.problem(entry.location(), "pool '" + Shown.value(entry.pool()) + "' is not a user pool of "
          + documentLocation.source() + " (its user pools: " + pools.values().stream().map(draft -> Shown.value(draft.fqdn))
          .collect(Collectors.joining(", ")) + ")");
    }
    return Optional.ofNullable(pool);
  }

  private void overlayCentralManagementStore(Entry entry) {
    if (centralManagementStore == null) {
      centralManagementStore = new Located(entry.value(), entry.location());
    } else if (!lower(centralManagementStore.value()).equals(lower(entry.value()))) {
      findings.problem(entry.location(), "the document says the Central Management Store is in "
          + Shown.value(centralManagementStore.value()) + " (" + centralManagementStore.location() + "); the overlay"
          + " cannot move it to " + Shown.value(entry.value()));
    }
  }

  private Located once(Located current, Entry entry, String what) {
    if (current != null) {
      findings.problem(entry.location(), "the overlay gives pool " + Shown.value(entry.pool()) + " " + what
          + " twice (" + current.location() + ")");
      return current;
    }
    return new Located(entry.value(), entry.location());
  }

  private boolean enterprise(PoolDraft pool, Entry entry) {
    if (pool.standard) {
      findings.problem(entry.location(), Shown.value(pool.fqdn) + " is a Standard Edition server: its databases are"
          + " its own (BE-11c), with no mirror and nothing collocated");
    }
    return !pool.standard;
  }

  /** The topology, or null when the document or the core model found a problem (each reported at its location). */
  private Topology build() {
    Locations locations = new Locations(documentLocation);
    Topology.Builder topology = Topology.builder();
    int i = 0;
    for (PoolDraft pool : pools.values()) {
      topology.pool(pool.toBuilder("pools[" + i++ + "]", locations));
    }
    if (centralManagementStore != null) {
      locations.put("centralManagementStore", centralManagementStore.location(), centralManagementStore.value());
      topology.centralManagementStore(centralManagementStore.value());
    }
    try {
      Topology built = topology.build();
      return findings.hasProblems() ? null : built;
    } catch (InvalidTopologyException e) {
      for (TopologyProblem problem : e.problems()) {
        findings.problem(locations.of(problem.path()), problem.message() + templateHint(locations.value(problem.path())));
      }
      return null;
    }
  }

  /** A value that starts with {@code $} is most likely a template's PowerShell variable. */
  private static String templateHint(String value) {
    return value != null && value.startsWith("$")
        ? " (a template's PowerShell variable?)"
        : "";
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
