package io.github.lyncupgrade.powershell.fakeshell;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.plan.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.run.DomainReadiness;
import io.github.lyncupgrade.core.run.PoolFabricState;
import io.github.lyncupgrade.core.run.PoolReadiness;
import io.github.lyncupgrade.core.run.RoutingGroup;
import io.github.lyncupgrade.core.run.ServerStatus;
import io.github.lyncupgrade.core.run.UpdateInstallFailedException;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Answers the SDK's deployment scripts from a {@link FakeDeployment} of the sample topology, or
 * of {@link SampleTopologies#skypeForBusiness2015()} with {@code --sample=skype-2015}
 * (instant timings: this process's virtual clock is not the caller's). Faults come from flags:
 * {@code --fault=install:<server>}, {@code --fault=restart-required:<server>} (exit 3010),
 * {@code --fault=lost:<server>} (never comes back),
 * {@code --fault=busy:<pool>:<checks>}, {@code --fault=insufficient:<pool>:<checks>},
 * {@code --fault=replicas:<pool>}, {@code --fault=stale:<pool>:<database>}; {@code --failover-state-unknown} answers the failover
 * state as the SDK's own script does on a real deployment; {@code --state=FILE} keeps the servers' state across
 * shells ({@link FakeShellState}). A fake exception becomes a PowerShell error whose FullyQualifiedErrorId is the
 * exception's simple name.
 */
final class DeploymentScripts implements BiFunction<String, Map<String, String>, List<Map<String, String>>> {
  private final FakeDeployment fake;
  private final boolean failoverStateUnknown;
  private final List<String> flags;
  private final Path state;

  DeploymentScripts(List<String> flags) {
    this.flags = List.copyOf(flags);
    failoverStateUnknown = flags.contains("--failover-state-unknown");
    List<Fault> faults = new ArrayList<>();
    for (String flag : flags) {
      if (flag.startsWith("--fault=")) {
        String[] parts = flag.substring(8).split(":");
        faults.add(switch (parts[0]) {
          case "install" -> Fault.installFails(parts[1]);
          case "lost" -> Fault.neverComesBack(parts[1]);
          case "busy" -> Fault.busy(parts[1], Integer.parseInt(parts[2]));
          case "insufficient" -> Fault.insufficientActiveFrontEnds(parts[1], Integer.parseInt(parts[2]));
          case "synthetic" -> Fault.syntheticTransactionsFail(parts[1]);
          case "restart-required" -> Fault.installRequiresRestart(parts[1]);
          case "replicas" -> Fault.replicasMissing(parts[1]);
          case "stale" -> Fault.databaseUpdateIncomplete(parts[1], parts[2]);
          default -> throw new IllegalArgumentException("unknown fault " + flag);
        });
      }
    }
    Topology topology = flags.contains("--sample=skype-2015") ? SampleTopologies.skypeForBusiness2015()
        : SampleTopologies.contoso();
    FakeDeployment.Builder builder = FakeDeployment.builder(topology).timings(FakeTimings.instant())
        .faults(FaultSchedule.of(faults));
    state = flags.stream().filter(flag -> flag.startsWith("--state=")).map(flag -> Path.of(flag.substring(8)))
        .findFirst().orElse(null);
    if (state != null) {
      FakeShellState.load(state, builder);
    }
    fake = builder.build();
  }

  @Override
  public List<Map<String, String>> apply(String script, Map<String, String> p) {
    try {
      return answer(script, p);
    } finally {
      if (state != null) {
        FakeShellState.save(state, fake);
      }
    }
  }

  private List<Map<String, String>> answer(String script, Map<String, String> p) {
    return switch (script) {
      case "pool-readiness" -> readiness(fake.poolReadiness(fqdn(p, "Pool"), fqdn(p, "Server"),
          ProductVersion.valueOf(p.get("Product"))));
      case "fabric-state" -> fabric(fake.fabricState(fqdn(p, "Pool")));
      case "reset-registrar-state" -> none(() -> fake.resetRegistrarState(fqdn(p, "Pool")));
      case "computer-failover" -> none(() -> fake.failOverComputer(fqdn(p, "Server"),
          Duration.ofSeconds(Long.parseLong(p.get("DrainingTimeout")))));
      case "computer-failback" -> none(() -> fake.failBackComputer(fqdn(p, "Server")));
      case "test-databases" -> databases(p);
      case "publish-topology" -> none(() -> fake.publishTopology(fake.topology().centralManagementStorePool()
          .orElse(fake.topology().pools().get(0).fqdn())));
      case "cms-failover" -> none(() -> fake.failOverCentralManagementStore(fqdn(p, "Pool"),
          p.get("SqlInstance").isEmpty() ? p.get("SqlServer") : p.get("SqlServer") + "\\" + p.get("SqlInstance")));
      case "stop-services" -> none(() -> fake.stopServices(fqdn(p, "Server"), Boolean.parseBoolean(p.get("Graceful"))));
      case "start-services" -> none(() -> fake.startServices(fqdn(p, "Server")));
      case "server-status" -> status(fake.serverStatus(fqdn(p, "Server")));
      case "is-administrator" -> List.of(Map.of("Member", String.valueOf(fake.isCsAdministrator(fqdn(p, "Server")))));
      case "stage-update" -> none(() -> fake.stageUpdate(fqdn(p, "Server"), update(p)));
      case "install-update" -> install(p);
      case "restart" -> none(() -> fake.restart(fqdn(p, "Server")));
      case "web-service" -> none(() -> {
        if ("start".equals(p.get("Action"))) {
          fake.startWebService(fqdn(p, "Server"));
        } else {
          fake.stopWebService(fqdn(p, "Server"));
        }
      });
      case "update-databases" -> none(() -> fake.updateDatabases(fqdn(p, "Pool"),
          DatabaseUpdateVariant.valueOf(p.get("Variant")), fqdn(p, "SqlServer")));
      case "fail-over" -> none(() -> fake.failOver(fqdn(p, "Pool"), fqdn(p, "Partner")));
      case "fail-back" -> none(() -> fake.failBack(fqdn(p, "Pool"), fqdn(p, "Partner")));
      case "failover-state" -> List.of(Map.of("FailedOver", failoverStateUnknown ? "Unknown"
          : fake.isFailedOver(fqdn(p, "Pool")) ? "True" : "False"));
      case "synthetic-transactions" -> fake.syntheticTransactions(fqdn(p, "Pool")).stream()
          .map(result -> Map.of("Test", result.test(), "Result", result.passed() ? "Success" : "Failure",
              "Detail", result.detail()))
          .toList();
      case "topology" -> topology();
      case "preflight" -> preflight(p.get("Servers"));
      default -> throw new IllegalArgumentException("the fake shell does not know the script " + script);
    };
  }

  private List<Map<String, String>> preflight(String servers) {
    List<Map<String, String>> records = new ArrayList<>();
    records.add(Map.of("Kind", "Shell", "PSVersion", flags.contains("--old-shell") ? "4.0" : "5.1.17763.1",
        "LyncModule", flags.contains("--no-lync-module") ? "False" : "True",
        "CsAdministrator", flags.contains("--not-administrator") ? "False" : "True"));
    for (String server : servers.split(",")) {
      records.add(Map.of("Kind", "Server", "Name", server,
          "Reachable", flags.contains("--unreachable=" + server) ? "False" : "True"));
    }
    return records;
  }

  /** The fake's topology as the discovery script reports one. */
  private List<Map<String, String>> topology() {
    List<Map<String, String>> records = new ArrayList<>();
    fake.topology().centralManagementStorePool().ifPresent(pool ->
        records.add(Map.of("Kind", "CentralManagementStore", "Pool", pool.toString())));
    for (Pool pool : fake.topology().pools()) {
      Map<String, String> record = new LinkedHashMap<>();
      record.put("Kind", "Pool");
      record.put("Fqdn", pool.fqdn().toString());
      record.put("Edition", pool instanceof EnterprisePool ? "Enterprise" : "Standard");
      record.put("Servers", pool.frontEnds().stream().map(Server::toString).collect(Collectors.joining(",")));
      record.put("Partner", pool.partnerPool().map(Fqdn::toString).orElse(""));
      record.put("Version", switch (pool.product()) {
        case LYNC_SERVER_2013 -> "6";
        case SKYPE_FOR_BUSINESS_SERVER_2015 -> "7";
        case SKYPE_FOR_BUSINESS_SERVER_2019 -> "8";
      });
      if (pool instanceof EnterprisePool enterprise) {
        record.put("SqlServer", enterprise.backEnd().sqlServer().toString());
        record.put("SqlInstance", enterprise.backEnd().instanceName().orElse(""));
        record.put("Mirror", enterprise.backEnd().mirror().map(Fqdn::toString).orElse(""));
        record.put("Collocated", enterprise.backEnd().collocatedDatabases().stream()
            .map(database -> database == CollocatedDatabase.MONITORING ? "Monitoring" : database == CollocatedDatabase.ARCHIVING
                ? "Archiving" : database == CollocatedDatabase.PERSISTENT_CHAT ? "PersistentChat" : "PersistentChatCompliance")
            .collect(Collectors.joining(",")));
      }
      records.add(record);
      if (pool instanceof EnterprisePool enterprise) {
        for (UpgradeDomain domain : enterprise.upgradeDomains()) {
          records.add(Map.of("Kind", "Domain", "Pool", pool.fqdn().toString(), "Name", domain.name(),
              "FrontEnds", domain.servers().stream().map(Server::toString).collect(Collectors.joining(","))));
        }
      }
    }
    return records;
  }

  /** {@code Test-CsDatabase} answers for a store; the fake knows which pool's store it is. */
  private List<Map<String, String>> databases(Map<String, String> p) {
    Fqdn sqlServer = fqdn(p, "SqlServer");
    Pool pool = fake.topology().pools().stream()
        .filter(candidate -> candidate.databaseTarget().equals(sqlServer))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no store on " + sqlServer));
    return fake.testDatabases(pool.fqdn(), sqlServer).stream()
        .map(check -> Map.of("Name", check.name(), "SqlServer", check.sqlServer(), "Expected", check.expectedVersion(),
            "Installed", check.installedVersion()))
        .toList();
  }

  private static List<Map<String, String>> fabric(PoolFabricState fabric) {
    List<Map<String, String>> groups = new ArrayList<>();
    for (RoutingGroup group : fabric.routingGroups()) {
      groups.add(Map.of("Kind", fabric.missingReplicas().contains(group.id()) ? "Missing" : "Group", "Id", group.id(),
          "Primary", group.primary().toString(),
          "Secondaries", group.secondaries().stream().map(Fqdn::toString).collect(Collectors.joining(","))));
    }
    fabric.missingReplicas().stream().filter(id -> fabric.routingGroups().stream().noneMatch(g -> g.id().equals(id)))
        .forEach(id -> groups.add(Map.of("Kind", "Missing", "Id", id, "Primary", "", "Secondaries", "")));
    return groups;
  }

  private List<Map<String, String>> install(Map<String, String> p) {
    try {
      boolean restartRequired = fake.installUpdate(fqdn(p, "Server"), update(p));
      return List.of(Map.of("ExitCode", restartRequired ? "3010" : "0", "Log", "C:\\LyncUpgrade on " + p.get("Server")));
    } catch (UpdateInstallFailedException e) {
      return List.of(Map.of("ExitCode", String.valueOf(e.exitCode()), "Log", e.logLocation()));
    }
  }

  private static List<Map<String, String>> readiness(PoolReadiness readiness) {
    List<Map<String, String>> objects = new ArrayList<>();
    Map<String, String> pool = new LinkedHashMap<>();
    pool.put("Kind", "Pool");
    pool.put("State", switch (readiness.state()) {
      case READY -> "Ready";
      case BUSY -> "Busy";
      case INSUFFICIENT_ACTIVE_FRONT_ENDS -> "InsufficientActiveFrontEnds";
    });
    pool.put("FrontEnds", String.valueOf(readiness.frontEndCount()));
    pool.put("ActiveFrontEnds", String.valueOf(readiness.activeFrontEnds()));
    objects.add(pool);
    for (DomainReadiness domain : readiness.upgradeDomains()) {
      objects.add(Map.of("Kind", "Domain", "Name", domain.name(),
          "FrontEnds", domain.frontEnds().stream().map(Fqdn::toString).collect(Collectors.joining(",")),
          "ReadyForUpgrade", domain.readyForUpgrade() ? "True" : "False"));
    }
    return objects;
  }

  private static List<Map<String, String>> status(ServerStatus status) {
    return List.of(Map.of("ServicesRunning", status.servicesRunning() ? "True" : "False",
        "WebServiceRunning", status.webServiceRunning() ? "True" : "False",
        "Version", status.installedVersion().toString()));
  }

  private static List<Map<String, String>> none(Runnable action) {
    action.run();
    return List.of();
  }

  private static Fqdn fqdn(Map<String, String> p, String name) {
    return Fqdn.of(p.get(name));
  }

  private static UpdatePackage update(Map<String, String> p) {
    return UpdatePackage.of(p.get("Location"), p.get("Version"));
  }
}
