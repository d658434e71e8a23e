package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.DomainReadiness;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.powershell.ProbeReport.Check;
import io.github.lyncupgrade.powershell.ProbeReport.Outcome;
import io.github.lyncupgrade.powershell.ProbeReport.Shape;
import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The first thing to run against a lab: every read-only operation the SDK will rely on, each
 * reply read exactly as a run reads it (the same scripts and contracts), compared with the
 * topology, and one report of what matched, what is missing or unreadable, and the properties
 * and types the cmdlets really returned. It runs pre-flight; the readiness cmdlet on a Front End
 * of each Enterprise pool, with its upgrade domains; the fabric state of each Enterprise pool;
 * each server's services, web service, build and CsAdministrator membership; {@code Test-CsDatabase}
 * for each pool's store, and {@code -LocalService} in a remote session on each Standard Edition
 * server (BE-11c's second hop); each pool's backup relationship; the Central Management Store's
 * location; and discovery. It changes nothing on any server and needs no update package.
 */
public final class Probe {
  private final Topology topology;
  private final PowerShellSession session;
  private final PowerShellDeployment deployment;
  private final List<Check> checks = new ArrayList<>();
  private final Map<String, Shape> shapes = new LinkedHashMap<>();

  private Probe(PowerShellSession session, Topology topology) {
    this.session = session;
    this.topology = topology;
    this.deployment = PowerShellDeployment.probing(session, this::shapesOf);
  }

  /** Probes the deployment of {@code topology} through {@code session}, which stays open. */
  public static ProbeReport run(PowerShellSession session, Topology topology) {
    requireNonNull(session, "session");
    requireNonNull(topology, "topology");
    return new Probe(session, topology).probe();
  }

  /** A reply that reads but disagrees with the topology. */
  private static final class Differs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Differs(String message) {
      super(message, null, false, false);
    }
  }

  private ProbeReport probe() {
    check("pre-flight (PowerShell, the Lync module, CsAdministrator, WinRM)", "this machine", this::preflight);
    Set<Fqdn> servers = new LinkedHashSet<>();
    for (Pool pool : topology.pools()) {
      if (pool instanceof EnterprisePool enterprise) {
        Fqdn runOn = enterprise.frontEnds().get(0).fqdn();
        check("pool-readiness (" + pool.product().readinessCmdlet() + ") for " + pool.fqdn(), runOn.toString(),
            () -> readiness(enterprise, runOn));
        check("fabric-state (Get-CsPoolFabricState)", pool.fqdn().toString(), () -> fabric(pool.fqdn()));
      }
      pool.frontEnds().forEach(server -> servers.add(server.fqdn()));
      servers.add(pool.backEndHost());
    }
    for (Fqdn server : servers) {
      check("server-status (Get-CsWindowsService, W3SVC, RtcHost.exe)", server.toString(), () -> status(server));
      check("is-administrator (CsAdministrator)", server.toString(), () -> deployment.isCsAdministrator(server)
          ? "a member of CsAdministrator" : "not a member of CsAdministrator: BE-1 will stop a run here");
    }
    for (Pool pool : topology.pools()) {
      check("test-databases (Test-CsDatabase -ConfiguredDatabases)", pool.databaseTarget().toString(),
          () -> databases(pool));
      if (pool instanceof StandardEditionPool) {
        check("local-databases (Test-CsDatabase -LocalService in a remote session, BE-11c)",
            pool.backEndHost().toString(), () -> localDatabases(pool.backEndHost()));
      }
      check("backup-relationship (Get-CsPoolBackupRelationship)", pool.fqdn().toString(), () -> partner(pool));
    }
    Fqdn storeLabel = topology.centralManagementStorePool().orElse(topology.pools().get(0).fqdn());
    check("cms-location (Get-CsConfigurationStoreLocation)", "the Central Management Store", () -> store(storeLabel));
    check("topology (discovery)", "the deployment", this::discovery);
    return new ProbeReport(checks, List.copyOf(shapes.values()));
  }

  private void check(String what, String target, Supplier<String> read) {
    try {
      checks.add(new Check(what, target, Outcome.MATCHED, read.get(), List.of()));
    } catch (UnreadableReplyException e) {
      checks.add(new Check(what, target, Outcome.UNREADABLE, "the reply does not hold what the SDK reads; nothing was"
          + " read from it", e.problems()));
    } catch (Differs e) {
      checks.add(new Check(what, target, Outcome.DIFFERS, e.getMessage(), List.of()));
    } catch (DeploymentException | PowerShellException e) {
      checks.add(new Check(what, target, Outcome.FAILED, e.getMessage(), List.of()));
    }
  }

  private String preflight() {
    Preflight.Report report = Preflight.check(session, topology);
    if (!report.passed()) {
      throw new Differs(String.join("; ", report.problems()));
    }
    Set<Fqdn> servers = new TreeSet<>();
    topology.pools().forEach(pool -> {
      pool.frontEnds().forEach(server -> servers.add(server.fqdn()));
      servers.add(pool.backEndHost());
    });
    return "passed, WinRM reaching all " + servers.size() + " servers";
  }

  private String readiness(EnterprisePool pool, Fqdn runOn) {
    PoolReadiness readiness = deployment.poolReadiness(pool.fqdn(), runOn, pool.product());
    Map<String, Set<Fqdn>> expected = new LinkedHashMap<>();
    for (UpgradeDomain domain : pool.upgradeDomains()) {
      expected.put(domain.name(), domain.servers().stream().map(Server::fqdn).collect(Collectors.toCollection(TreeSet::new)));
    }
    Map<String, Set<Fqdn>> reported = new LinkedHashMap<>();
    for (DomainReadiness domain : readiness.upgradeDomains()) {
      reported.put(domain.name(), new TreeSet<>(domain.frontEnds()));
    }
    if (!expected.equals(reported)) {
      throw new Differs("the pool reports upgrade domains " + reported + "; the topology has " + expected);
    }
    if (readiness.frontEndCount() != pool.frontEnds().size()) {
      throw new Differs("the pool reports " + readiness.frontEndCount() + " Front Ends; the topology has "
          + pool.frontEnds().size());
    }
    String state = switch (readiness.state()) {
      case READY -> "Ready";
      case BUSY -> "Busy";
      case INSUFFICIENT_ACTIVE_FRONT_ENDS -> "InsufficientActiveFrontEnds";
    };
    return state + ", " + readiness.activeFrontEnds() + " of " + readiness.frontEndCount()
        + " Front Ends active, " + reported.size() + " upgrade domains as the topology has them ("
        + readiness.upgradeDomains().stream().filter(DomainReadiness::readyForUpgrade).count() + " ReadyForUpgrade)";
  }

  private String fabric(Fqdn pool) {
    PoolFabricState fabric = deployment.fabricState(pool);
    return fabric.routingGroups().size() + " routing groups with their replicas, "
        + fabric.missingReplicas().size() + " with replicas missing";
  }

  private String status(Fqdn server) {
    ServerStatus status = deployment.serverStatus(server);
    return (status.servicesRunning() ? "every Lync service running" : "not every Lync service running")
        + ", W3SVC " + (status.webServiceRunning() ? "running" : "stopped") + ", build " + status.installedVersion();
  }

  private String databases(Pool pool) {
    List<DatabaseCheck> checks = deployment.testDatabases(pool.fqdn(), pool.databaseTarget());
    return checks.size() + " databases, " + checks.stream().filter(DatabaseCheck::isCurrent).count()
        + " at their expected version";
  }

  private String localDatabases(Fqdn server) {
    int databases = deployment.query(ScriptContracts.LocalDatabases.CONTRACT, "Test-CsDatabase -LocalService", server,
        PowerShellDeployment.invocation("local-databases").with("Server", server))
        .all(ScriptContracts.LocalDatabases.DATABASE).size();
    return databases + " local databases answered in a remote session: Install-CsDatabase -LocalDatabases (BE-11c)"
        + " can read what it needs there";
  }

  private String partner(Pool pool) {
    BackupRelationships.Answer answer = BackupRelationships.read(deployment.query(
        ScriptContracts.BackupRelationship.CONTRACT, BackupRelationships.CMDLET, pool.fqdn(),
        PowerShellDeployment.invocation("backup-relationship").with("Pool", pool.fqdn())), pool.fqdn());
    if (answer.partner().equals(pool.partnerPool())) {
      return answer.evidence() + ", as the topology " + (pool.partnerPool().isPresent() ? "pairs it" : "has it");
    }
    throw new Differs("the cmdlet reports " + answer.evidence() + "; the topology " + pool.partnerPool()
        .map(partner -> "pairs it with " + partner).orElse("names no partner"));
  }

  private String store(Fqdn label) {
    String location = deployment.query(ScriptContracts.CmsLocation.CONTRACT, "Get-CsConfigurationStoreLocation", label,
        PowerShellDeployment.invocation("cms-location")).one(ScriptContracts.CmsLocation.STORE)
        .get(ScriptContracts.CmsLocation.LOCATION);
    String server = location.split("[\\\\/]")[0].toLowerCase(java.util.Locale.ROOT);
    Optional<Pool> host = topology.pools().stream()
        .filter(pool -> storeServers(pool).stream().anyMatch(fqdn -> fqdn.toString().equals(server))).findFirst();
    Optional<Fqdn> named = topology.centralManagementStorePool();
    if (host.map(Pool::fqdn).equals(named)) {
      return "at " + location + (named.map(pool -> ", the Back End of " + pool + " as the topology has it")
          .orElse(", outside the topology's pools"));
    }
    if (named.isEmpty() && host.get().partnerPool().isEmpty()) {
      return "at " + location + ", the Back End of " + host.get().fqdn() + ", which has no partner to fail over to";
    }
    throw new Differs("the store is at " + location + (host.map(pool -> ", the Back End of " + pool.fqdn())
        .orElse(", outside the topology's pools")) + "; the topology " + named.map(pool -> "says " + pool + " hosts it")
        .orElse("names no pool hosting it (centralManagementStore), so CR-9 would not move it before a failover"));
  }

  /** The SQL Servers a pool's store is known by: its own, its AlwaysOn listener, its mirror. */
  private static Set<Fqdn> storeServers(Pool pool) {
    Set<Fqdn> servers = new LinkedHashSet<>(List.of(pool.backEndHost(), pool.databaseTarget()));
    if (pool instanceof EnterprisePool enterprise) {
      enterprise.backEnd().mirror().ifPresent(servers::add);
    }
    return servers;
  }

  private String discovery() {
    Topology discovered;
    try {
      discovered = TopologyDiscovery.discover(session).topology();
    } catch (IllegalArgumentException e) {
      throw new Differs("discovery reads a topology the SDK refuses: " + e.getMessage());
    }
    Set<Fqdn> file = topology.pools().stream().map(Pool::fqdn).collect(Collectors.toCollection(TreeSet::new));
    List<String> differences = new ArrayList<>();
    for (Pool pool : discovered.pools()) {
      Optional<Pool> same = topology.pool(pool.fqdn());
      if (same.isEmpty()) {
        differences.add(pool.fqdn() + " is not in the topology");
      } else if (!same.get().equals(pool)) {
        differences.add(pool.fqdn() + " is discovered as " + described(pool) + ", the topology has "
            + described(same.get()));
      }
      file.remove(pool.fqdn());
    }
    file.forEach(pool -> differences.add(pool + " is not discovered"));
    if (!discovered.centralManagementStorePool().equals(topology.centralManagementStorePool())) {
      differences.add("discovery names " + discovered.centralManagementStorePool().map(Fqdn::toString).orElse("no pool")
          + " as the Central Management Store's");
    }
    if (differences.isEmpty()) {
      return "discovery reads the same " + discovered.pools().size() + " pools as the topology";
    }
    throw new Differs("discovery reads another topology: " + String.join("; ", differences));
  }

  /** A pool in one phrase: its product, partner, and domains and Back End, or its Standard Edition server. */
  private static String described(Pool pool) {
    String common = pool.fqdn() + " (" + pool.product() + ", partner " + pool.partnerPool().map(Fqdn::toString)
        .orElse("none");
    if (pool instanceof EnterprisePool enterprise) {
      return common + ", domains " + enterprise.upgradeDomains() + ", Back End " + enterprise.backEnd() + ")";
    }
    return common + ", Standard Edition on " + pool.backEndHost() + ")";
  }

  /** The probe's Shape records in every reply, readable or not. */
  private void shapesOf(PowerShellDeployment.Exchange exchange) {
    for (Map<String, PsValue> record : exchange.reply().output()) {
      PsValue kind = record.get(ScriptContract.KIND);
      if (kind != null && ScriptContracts.Shapes.SHAPE.name().equals(kind.text())) {
        Shape shape = new Shape(exchange.script(), exchange.target().toString(), text(record, "Of"),
            text(record, "Property"), text(record, "Type"));
        shapes.putIfAbsent(shape.script() + "/" + shape.of() + "/" + shape.property(), shape);
      }
    }
  }

  private static String text(Map<String, PsValue> record, String name) {
    PsValue value = record.get(name);
    return value == null ? "?" : value.isNull() ? "$null" : value.text();
  }
}
