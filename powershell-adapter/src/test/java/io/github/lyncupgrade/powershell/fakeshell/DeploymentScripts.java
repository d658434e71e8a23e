package io.github.lyncupgrade.powershell.fakeshell;

import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.deployment.DomainReadiness;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.RoutingGroup;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.internal.ReplyField;
import io.github.lyncupgrade.powershell.internal.ReplyKind;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import io.github.lyncupgrade.powershell.topology.LyncDocuments;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Answers the SDK's deployment scripts from a {@link FakeDeployment} of the sample topology, or
 * of {@link SampleTopologies#skypeForBusiness2015()} with {@code --sample=skype-2015}, or of the
 * sample with {@code pool02}'s store mirrored to {@code sql02m.contoso.com} with
 * {@code --sample=mirrored} (instant timings: this process's virtual clock is not the caller's),
 * every reply built through the script's contract ({@link ScriptContracts}) with the types the
 * script's projection gives. Discovery's {@code Get-CsTopology -AsXml} is the fake's topology as a
 * published topology ({@link LyncDocuments#published}, with an Edge pool, a Director, a branch
 * appliance and an Office Web Apps server to skip), or the text of {@code --document=FILE};
 * {@code Get-CsPoolBackupRelationship} throws for a pool without a partner as the SDK expects
 * ({@code ObjectNotFound} from the cmdlet), or {@code --backup-throws=<pool>:<category>:<command>}
 * throws another error for that pool.
 * Faults come from flags:
 * {@code --fault=install:<server>}, {@code --fault=restart-required:<server>} (exit 3010),
 * {@code --fault=lost:<server>} (never comes back),
 * {@code --fault=busy:<pool>:<checks>}, {@code --fault=insufficient:<pool>:<checks>},
 * {@code --fault=replicas:<pool>}, {@code --fault=stale:<pool>:<database>}; {@code --not-administrator} is an account outside
 * CsAdministrator (pre-flight's check and BE-1's on every server); {@code --failover-state-unknown} answers the failover
 * state as the SDK's own script does on a real deployment; {@code --state=FILE} keeps the servers' state across
 * shells ({@link FakeShellState}). A fake exception becomes a PowerShell error whose FullyQualifiedErrorId is the
 * exception's simple name. With {@code $p.Shapes} the reading scripts add the probe's Shape records, the cmdlet's
 * properties with the types the contract expects.
 */
final class DeploymentScripts implements BiFunction<String, Map<String, String>, List<Map<String, PsValue>>> {
  private static final List<String> LYNC_SERVICES = List.of("RTCSRV", "RTCREPLICA", "RTCMRAUTH");

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
        : flags.contains("--sample=mirrored") ? mirroredContoso() : SampleTopologies.contoso();
    FakeDeployment.Builder builder = FakeDeployment.builder(topology).timings(FakeTimings.instant())
        .faults(FaultSchedule.of(faults)).csAdministrator(!flags.contains("--not-administrator"));
    state = flags.stream().filter(flag -> flag.startsWith("--state=")).map(flag -> Path.of(flag.substring(8)))
        .findFirst().orElse(null);
    if (state != null) {
      FakeShellState.load(state, builder);
    }
    fake = builder.build();
  }

  @Override
  public List<Map<String, PsValue>> apply(String script, Map<String, String> p) {
    try {
      return answer(script, p);
    } finally {
      if (state != null) {
        FakeShellState.save(state, fake);
      }
    }
  }

  private List<Map<String, PsValue>> answer(String script, Map<String, String> p) {
    boolean shapes = "True".equalsIgnoreCase(p.get("Shapes"));
    return switch (script) {
      case "pool-readiness" -> readiness(fake.poolReadiness(fqdn(p, "Pool"), fqdn(p, "Server"),
          ProductVersion.valueOf(p.get("Product"))), shapes);
      case "fabric-state" -> List.of(ScriptContracts.FabricState.CONTRACT.record(ScriptContracts.FabricState.REPORT)
          .with(ScriptContracts.FabricState.TEXT, report(fake.fabricState(fqdn(p, "Pool")))).build());
      case "reset-registrar-state" -> none(() -> fake.resetRegistrarState(fqdn(p, "Pool")));
      case "computer-failover" -> none(() -> fake.failOverComputer(fqdn(p, "Server"),
          Duration.ofSeconds(Long.parseLong(p.get("DrainingTimeoutSeconds")))));
      case "computer-failback" -> none(() -> fake.failBackComputer(fqdn(p, "Server")));
      case "test-databases" -> databases(fqdn(p, "SqlServer"), shapes);
      case "local-databases" -> localDatabases(fqdn(p, "Server"), shapes);
      case "publish-topology" -> none(() -> fake.publishTopology(fake.topology().centralManagementStorePool()
          .orElse(fake.topology().pools().get(0).fqdn())));
      case "cms-failover" -> none(() -> fake.failOverCentralManagementStore(fqdn(p, "Pool"),
          p.get("SqlInstance").isEmpty() ? p.get("SqlServer") : p.get("SqlServer") + "\\" + p.get("SqlInstance"),
          fqdn(p, "Server"), Boolean.parseBoolean(p.get("DisasterMode")) ? PoolFailoverMode.DISASTER
              : PoolFailoverMode.PLANNED));
      case "cms-location" -> List.of(ScriptContracts.CmsLocation.CONTRACT.record(ScriptContracts.CmsLocation.STORE)
          .with(ScriptContracts.CmsLocation.LOCATION, storeLocation()).build());
      case "backup-relationship" -> backupRelationship(fqdn(p, "Pool"), shapes);
      case "store-mirror" -> storeMirror(fqdn(p, "SqlServer"), shapes);
      case "stop-services" -> none(() -> fake.stopServices(fqdn(p, "Server"), Boolean.parseBoolean(p.get("Graceful"))));
      case "start-services" -> none(() -> fake.startServices(fqdn(p, "Server")));
      case "server-status" -> status(fake.serverStatus(fqdn(p, "Server")), shapes);
      case "is-administrator" -> List.of(ScriptContracts.IsAdministrator.CONTRACT
          .record(ScriptContracts.IsAdministrator.MEMBERSHIP)
          .with(ScriptContracts.IsAdministrator.MEMBER, fake.isCsAdministrator(fqdn(p, "Server"))).build());
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
      case "fail-over" -> none(() -> fake.failOver(fqdn(p, "Pool"), fqdn(p, "Partner"),
          Boolean.parseBoolean(p.get("DisasterMode")) ? PoolFailoverMode.DISASTER : PoolFailoverMode.PLANNED));
      case "fail-back" -> none(() -> fake.failBack(fqdn(p, "Pool"), fqdn(p, "Partner")));
      case "failover-state" -> List.of(ScriptContracts.FailoverState.CONTRACT.record(ScriptContracts.FailoverState.STATE)
          .with(ScriptContracts.FailoverState.FAILED_OVER, failoverStateUnknown ? "Unknown"
              : fake.isFailedOver(fqdn(p, "Pool")) ? "True" : "False").build());
      case "synthetic-transactions" -> fake.syntheticTransactions(fqdn(p, "Pool")).stream()
          .map(result -> ScriptContracts.SyntheticTransactions.CONTRACT
              .record(ScriptContracts.SyntheticTransactions.RESULT_KIND)
              .with(ScriptContracts.SyntheticTransactions.TEST, result.test())
              .with(ScriptContracts.SyntheticTransactions.RESULT, result.passed() ? "Success" : "Failure")
              .with(ScriptContracts.SyntheticTransactions.DETAIL, result.detail()).build())
          .toList();
      case "topology" -> topology();
      case "preflight" -> preflight(p.get("Servers"));
      default -> throw new IllegalArgumentException("the fake shell does not know the script " + script);
    };
  }

  private List<Map<String, PsValue>> preflight(String servers) {
    ScriptContract contract = ScriptContracts.Preflight.CONTRACT;
    List<Map<String, PsValue>> records = new ArrayList<>();
    records.add(contract.record(ScriptContracts.Preflight.SHELL)
        .with(ScriptContracts.Preflight.PS_VERSION, flags.contains("--old-shell") ? "4.0" : "5.1.17763.1")
        .with(ScriptContracts.Preflight.LYNC_MODULE, !flags.contains("--no-lync-module"))
        .with(ScriptContracts.Preflight.CS_ADMINISTRATOR, !flags.contains("--not-administrator")).build());
    for (String server : servers.split(",")) {
      records.add(contract.record(ScriptContracts.Preflight.SERVER).with(ScriptContracts.Preflight.NAME, server)
          .with(ScriptContracts.Preflight.REACHABLE, !flags.contains("--unreachable=" + server)).build());
    }
    return records;
  }

  /** {@code Get-CsTopology -AsXml}: the fake's topology as a published topology, or the text of {@code --document}. */
  private List<Map<String, PsValue>> topology() {
    String file = flag("document");
    String document;
    try {
      document = file.isEmpty() ? LyncDocuments.published(fake.topology()) : Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(ScriptContracts.Topology.CONTRACT.record(ScriptContracts.Topology.TOPOLOGY)
        .with(ScriptContracts.Topology.DOCUMENT, document).build());
  }

  /** The contoso sample with pool02's store mirrored, for discovery's reading of mirrors. */
  private static Topology mirroredContoso() {
    return Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe03.contoso.com", "fe04.contoso.com")
            .upgradeDomain("UpgradeDomain3", "fe05.contoso.com", "fe06.contoso.com")
            .backEnd("sql01.contoso.com", CollocatedDatabase.MONITORING)
            .partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe11.contoso.com", "fe12.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe13.contoso.com", "fe14.contoso.com")
            .backEnd("sql02.contoso.com").mirroredTo("sql02m.contoso.com")
            .partnerPool("pool01.contoso.com"))
        .pool(Pool.standard("se01.contoso.com"))
        .build();
  }

  /** The value of flag {@code --name=value}, or empty. */
  private String flag(String name) {
    return flags.stream().filter(flag -> flag.startsWith("--" + name + "=")).map(flag -> flag.substring(name.length() + 3))
        .findFirst().orElse("");
  }

  /** {@code Test-CsDatabase} answers for a store; the fake knows which pool's store it is. */
  private List<DatabaseCheck> checks(Fqdn sqlServer) {
    Pool pool = fake.topology().pools().stream()
        .filter(candidate -> candidate.databaseTarget().equals(sqlServer))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no store on " + sqlServer));
    return fake.testDatabases(pool.fqdn(), sqlServer);
  }

  private List<Map<String, PsValue>> databases(Fqdn sqlServer, boolean shapes) {
    List<Map<String, PsValue>> records = new ArrayList<>(checks(sqlServer).stream()
        .map(check -> ScriptContracts.TestDatabases.CONTRACT.record(ScriptContracts.TestDatabases.DATABASE)
            .with(ScriptContracts.TestDatabases.DATABASE_NAME, check.name())
            .with(ScriptContracts.TestDatabases.SQL_SERVER, check.sqlServer())
            .with(ScriptContracts.TestDatabases.EXPECTED, check.expectedVersion())
            .with(ScriptContracts.TestDatabases.INSTALLED, check.installedVersion()).build())
        .toList());
    if (shapes) {
      records.addAll(shape(ScriptContracts.TestDatabases.CONTRACT, "Test-CsDatabase", ScriptContracts.TestDatabases.DATABASE));
    }
    return records;
  }

  private List<Map<String, PsValue>> localDatabases(Fqdn server, boolean shapes) {
    List<Map<String, PsValue>> records = new ArrayList<>(checks(server).stream()
        .map(check -> ScriptContracts.LocalDatabases.CONTRACT.record(ScriptContracts.LocalDatabases.DATABASE)
            .with(ScriptContracts.LocalDatabases.DATABASE_NAME, check.name())
            .with(ScriptContracts.LocalDatabases.EXPECTED, check.expectedVersion())
            .with(ScriptContracts.LocalDatabases.INSTALLED, check.installedVersion()).build())
        .toList());
    if (shapes) {
      records.addAll(shape(ScriptContracts.LocalDatabases.CONTRACT, "Test-CsDatabase -LocalService", ScriptContracts.LocalDatabases.DATABASE));
    }
    return records;
  }

  /**
   * The cmdlet's relationship for a paired pool; for a pool without a partner, the terminating error
   * the script catches: of category ObjectNotFound, raised by the cmdlet (its id and message are the
   * fake's own: Microsoft's reference shows neither), or the error {@code --backup-throws} names.
   */
  private List<Map<String, PsValue>> backupRelationship(Fqdn poolFqdn, boolean shapes) {
    ScriptContract contract = ScriptContracts.BackupRelationship.CONTRACT;
    String[] thrown = flags.stream().filter(flag -> flag.startsWith("--backup-throws=" + poolFqdn + ":"))
        .map(flag -> flag.substring(("--backup-throws=" + poolFqdn + ":").length()).split(":", -1)).findFirst()
        .orElse(null);
    if (thrown != null) {
      return List.of(terminatingError(thrown[0], thrown[1], "The pool " + poolFqdn + " cannot be read: " + thrown[0]));
    }
    Pool pool = fake.topology().pool(poolFqdn).orElseThrow(() -> new IllegalArgumentException("no pool " + poolFqdn));
    if (pool.partnerPool().isEmpty()) {
      return List.of(terminatingError("ObjectNotFound", "Get-CsPoolBackupRelationship",
          "No backup relationship was found for the pool " + poolFqdn + "."));
    }
    List<Map<String, PsValue>> records = new ArrayList<>();
    records.add(contract.record(ScriptContracts.BackupRelationship.RELATIONSHIP)
        .with(ScriptContracts.BackupRelationship.BACKUP_POOL, pool.partnerPool().get().toString()).build());
    if (shapes) {
      records.addAll(shape(contract, "Get-CsPoolBackupRelationship", ScriptContracts.BackupRelationship.RELATIONSHIP));
    }
    return records;
  }

  private static Map<String, PsValue> terminatingError(String category, String activity, String message) {
    return ScriptContracts.BackupRelationship.CONTRACT.record(ScriptContracts.BackupRelationship.TERMINATING_ERROR)
        .with(ScriptContracts.BackupRelationship.ERROR_ID, category.equals("ObjectNotFound") && activity.isEmpty()
            ? "CommandNotFoundException" : category + ",Microsoft.Rtc.Management.Hadr.GetPoolBackupRelationshipCmdlet")
        .with(ScriptContracts.BackupRelationship.CATEGORY, category)
        .with(ScriptContracts.BackupRelationship.ACTIVITY, activity)
        .with(ScriptContracts.BackupRelationship.MESSAGE, message).build();
  }

  /**
   * {@code Test-CsDatabase -ConfiguredDatabases} on {@code sqlServer}: the databases of the store the
   * fake has there, each with the store's instance and mirror ({@code ''} for none).
   */
  private List<Map<String, PsValue>> storeMirror(Fqdn sqlServer, boolean shapes) {
    EnterprisePool pool = fake.topology().pools().stream().filter(EnterprisePool.class::isInstance)
        .map(EnterprisePool.class::cast).filter(candidate -> candidate.backEnd().sqlServer().equals(sqlServer))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no store on " + sqlServer));
    ScriptContract contract = ScriptContracts.StoreMirror.CONTRACT;
    List<Map<String, PsValue>> records = new ArrayList<>(checks(pool.databaseTarget()).stream()
        .map(check -> contract.record(ScriptContracts.StoreMirror.DATABASE)
            .with(ScriptContracts.StoreMirror.DATABASE_NAME, check.name())
            .with(ScriptContracts.StoreMirror.SQL_INSTANCE, pool.backEnd().instanceName().orElse(""))
            .with(ScriptContracts.StoreMirror.MIRROR, pool.backEnd().mirror().map(Fqdn::toString).orElse("")).build())
        .toList());
    if (shapes) {
      records.addAll(shape(contract, "Test-CsDatabase", ScriptContracts.StoreMirror.DATABASE));
    }
    return records;
  }

  /**
   * Where the store is: on the Back End of the pool the topology says hosts it, moved if the fake
   * moved it; when the topology names none, on a SQL Server of no pool of the topology.
   */
  private String storeLocation() {
    List<FakeEvent.CentralManagementStoreMoved> moves = fake.history().events(FakeEvent.CentralManagementStoreMoved.class);
    if (!moves.isEmpty()) {
      return moves.get(moves.size() - 1).backupStore();
    }
    Topology topology = fake.topology();
    return topology.centralManagementStorePool().flatMap(topology::pool)
        .map(host -> host instanceof EnterprisePool enterprise ? enterprise.backEnd().storeName()
            : host.backEndHost() + "\\RTC")
        .orElseGet(() -> "sqlcms." + topology.pools().get(0).fqdn().toString().replaceFirst("^[^.]*\\.", "")
            + "\\RTC");
  }

  /**
   * The report as {@code Get-CsPoolFabricState} writes it, as far as the SDK reads it: each routing
   * group's GUID (made from the fake's id), its primary and its secondaries, or that replicas are missing.
   */
  static String report(PoolFabricState fabric) {
    StringBuilder text = new StringBuilder("Pool " + fabric.pool() + "\n");
    for (RoutingGroup group : fabric.routingGroups()) {
      text.append("Routing group ").append(guid(group.id()));
      if (fabric.missingReplicas().contains(group.id())) {
        text.append("\n  replicas missing: quorum loss\n");
        continue;
      }
      text.append("\n  Primary: ").append(group.primary()).append("\n  Secondaries: ")
          .append(group.secondaries().stream().map(Fqdn::toString).collect(Collectors.joining(", "))).append('\n');
    }
    fabric.missingReplicas().stream().filter(id -> fabric.routingGroups().stream().noneMatch(g -> g.id().equals(id)))
        .forEach(id -> text.append("Routing group ").append(guid(id)).append("\n  no primary: replicas missing\n"));
    return text.toString();
  }

  /** The fake's routing group {@code rg-N} as the GUID a real report shows: {@code 00000000-0000-0000-0000-00000000000N}. */
  public static String guid(String id) {
    return String.format("00000000-0000-0000-0000-%012d", Long.parseLong(id.substring(id.indexOf('-') + 1)));
  }

  private List<Map<String, PsValue>> install(Map<String, String> p) {
    ScriptContract contract = ScriptContracts.InstallUpdate.CONTRACT;
    long exitCode;
    String log;
    try {
      exitCode = fake.installUpdate(fqdn(p, "Server"), update(p)) ? 3010 : 0;
      log = "C:\\LyncUpgrade on " + p.get("Server");
    } catch (UpdateInstallFailedException e) {
      exitCode = e.exitCode();
      log = e.logLocation();
    }
    return List.of(contract.record(ScriptContracts.InstallUpdate.INSTALLER)
        .with(ScriptContracts.InstallUpdate.EXIT_CODE, exitCode).with(ScriptContracts.InstallUpdate.LOG, log).build());
  }

  private static List<Map<String, PsValue>> readiness(PoolReadiness readiness, boolean shapes) {
    ScriptContract contract = ScriptContracts.PoolReadiness.CONTRACT;
    List<Map<String, PsValue>> objects = new ArrayList<>();
    objects.add(contract.record(ScriptContracts.PoolReadiness.POOL)
        .with(ScriptContracts.PoolReadiness.STATE, switch (readiness.state()) {
          case READY -> "Ready";
          case BUSY -> "Busy";
          case INSUFFICIENT_ACTIVE_FRONT_ENDS -> "InsufficientActiveFrontEnds";
        })
        .with(ScriptContracts.PoolReadiness.TOTAL_FRONT_ENDS, (long) readiness.frontEndCount())
        .with(ScriptContracts.PoolReadiness.ACTIVE_FRONT_ENDS, (long) readiness.activeFrontEnds()).build());
    for (DomainReadiness domain : readiness.upgradeDomains()) {
      objects.add(contract.record(ScriptContracts.PoolReadiness.DOMAIN)
          .with(ScriptContracts.PoolReadiness.UPGRADE_DOMAIN, domain.name())
          .with(ScriptContracts.PoolReadiness.FRONT_ENDS,
              domain.frontEnds().stream().map(Fqdn::toString).collect(Collectors.joining(",")))
          .with(ScriptContracts.PoolReadiness.READY_FOR_UPGRADE, domain.readyForUpgrade()).build());
    }
    if (shapes) {
      objects.addAll(shape(contract, "PoolUpgradeState", ScriptContracts.PoolReadiness.POOL));
      objects.addAll(shape(contract, "UpgradeDomains[0]", ScriptContracts.PoolReadiness.DOMAIN));
    }
    return objects;
  }

  private List<Map<String, PsValue>> status(ServerStatus status, boolean shapes) {
    ScriptContract contract = ScriptContracts.ServerStatus.CONTRACT;
    List<Map<String, PsValue>> records = new ArrayList<>();
    for (String service : LYNC_SERVICES) {
      records.add(contract.record(ScriptContracts.ServerStatus.SERVICE).with(ScriptContracts.ServerStatus.NAME, service)
          .with(ScriptContracts.ServerStatus.STATUS, status.servicesRunning() ? "Running" : "Stopped").build());
    }
    records.add(contract.record(ScriptContracts.ServerStatus.WEB_SERVICE)
        .with(ScriptContracts.ServerStatus.WEB_STATUS, status.webServiceRunning() ? "Running" : "Stopped").build());
    records.add(contract.record(ScriptContracts.ServerStatus.BUILD)
        .with(ScriptContracts.ServerStatus.PRODUCT, folder(productOf(status.server())))
        .with(ScriptContracts.ServerStatus.PRODUCT_VERSION, status.installedVersion().toString()).build());
    if (shapes) {
      records.addAll(shape(contract, "Get-CsWindowsService", ScriptContracts.ServerStatus.SERVICE));
    }
    return records;
  }

  /** The product of the pool {@code server} serves, whose folder its RtcHost.exe is under. */
  private ProductVersion productOf(Fqdn server) {
    return fake.topology().pools().stream()
        .filter(pool -> pool.backEndHost().equals(server)
            || pool.frontEnds().stream().anyMatch(frontEnd -> frontEnd.fqdn().equals(server)))
        .findFirst().map(Pool::product).orElseThrow(() -> new IllegalArgumentException("no server " + server));
  }

  static String folder(ProductVersion product) {
    return switch (product) {
      case LYNC_SERVER_2013 -> "Microsoft Lync Server 2013";
      case SKYPE_FOR_BUSINESS_SERVER_2015 -> "Skype for Business Server 2015";
      case SKYPE_FOR_BUSINESS_SERVER_2019 -> "Skype for Business Server 2019";
    };
  }

  /** The probe's view of the cmdlet's object: the kind's properties, with the types the contract expects. */
  private static List<Map<String, PsValue>> shape(ScriptContract contract, String of, ReplyKind kind) {
    List<Map<String, PsValue>> shapes = new ArrayList<>();
    for (ReplyField<?> field : kind.fields()) {
      if (field.fromCmdlet()) {
        shapes.add(contract.record(ScriptContracts.Shapes.SHAPE).with(ScriptContracts.Shapes.OF, of)
            .with(ScriptContracts.Shapes.PROPERTY, field.name())
            .with(ScriptContracts.Shapes.TYPE, field.type().typeName()).build());
      }
    }
    return shapes;
  }

  private static List<Map<String, PsValue>> none(Runnable action) {
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
