package io.github.lyncupgrade.powershell.internal;

import java.util.List;

/**
 * The contract of every SDK script (see {@link ScriptContract}), one nested class each, named
 * after the script. The property names the cmdlets' fields are read from ({@code PoolUpgradeState},
 * {@code ReadyForUpgrade}, {@code ExpectedVersion}, ...) are unconfirmed until a lab answers:
 * {@code lync-upgrade probe} checks them there and shows what the cmdlets really return.
 *
 * <p>A script declares its contract by adding a nested class here with its kinds and fields and
 * listing it in {@link #ALL}; {@code ScriptContractsTest} then reads the script's
 * {@code [pscustomobject]@{...}} projections against it.
 */
public final class ScriptContracts {
  private ScriptContracts() {}

  /**
   * What the probe asks every reading script for besides its records ({@code $p.Shapes = True}):
   * each property of the cmdlet's own object, with its type, before projection (the bootstrap's
   * {@code __Shape}).
   */
  public static final class Shapes {
    public static final ReplyField<String> OF = ReplyField.text("Of").computed();
    public static final ReplyField<String> PROPERTY = ReplyField.text("Property").computed();
    public static final ReplyField<String> TYPE = ReplyField.textOrEmpty("Type").computed();
    public static final ReplyKind SHAPE = ReplyKind.any("Shape", "the cmdlet's own object", OF, PROPERTY, TYPE);

    private Shapes() {}
  }

  /** {@code ping.ps1}: the session answers (not read by the SDK beyond logging the version). */
  public static final class Ping {
    public static final ReplyField<String> PS_VERSION = ReplyField.text("PSVersion").computed();
    public static final ReplyField<String> ECHO = ReplyField.textOrEmpty("Echo").computed();
    public static final ReplyKind PONG = ReplyKind.exactlyOne("Pong", "$PSVersionTable", PS_VERSION, ECHO);
    public static final ScriptContract CONTRACT = ScriptContract.of("ping", PONG);

    private Ping() {}
  }

  /** {@code preflight.ps1}: this shell, and WinRM to every server. */
  public static final class Preflight {
    public static final ReplyField<String> PS_VERSION = ReplyField.text("PSVersion").computed();
    public static final ReplyField<Boolean> LYNC_MODULE = ReplyField.flag("LyncModule").computed();
    public static final ReplyField<Boolean> CS_ADMINISTRATOR = ReplyField.flag("CsAdministrator").computed();
    public static final ReplyKind SHELL = ReplyKind.exactlyOne("Shell", "$PSVersionTable, Get-Module, IsInRole",
        PS_VERSION, LYNC_MODULE, CS_ADMINISTRATOR);
    public static final ReplyField<String> NAME = ReplyField.text("Name").computed();
    public static final ReplyField<Boolean> REACHABLE = ReplyField.flag("Reachable").computed();
    public static final ReplyKind SERVER = ReplyKind.any("Server", "Test-WSMan", NAME, REACHABLE);
    public static final ScriptContract CONTRACT = ScriptContract.of("preflight", SHELL, SERVER);

    private Preflight() {}
  }

  /** {@code pool-readiness.ps1}: FE-1, FE-2, projected inside the remote block on a Front End. */
  public static final class PoolReadiness {
    static final String CMDLET = "Get-CsPoolUpgradeReadinessState (Get-CsUpgradeDomainInfo on 2019)";
    public static final ReplyField<String> STATE = ReplyField.text("PoolUpgradeState");
    public static final ReplyField<Long> TOTAL_FRONT_ENDS = ReplyField.integer("TotalFrontEnds");
    public static final ReplyField<Long> ACTIVE_FRONT_ENDS = ReplyField.integer("TotalActiveFrontEnds");
    public static final ReplyKind POOL = ReplyKind.exactlyOne("Pool", CMDLET, STATE, TOTAL_FRONT_ENDS,
        ACTIVE_FRONT_ENDS);
    public static final ReplyField<String> UPGRADE_DOMAIN = ReplyField.text("UpgradeDomain");
    public static final ReplyField<String> FRONT_ENDS = ReplyField.text("FrontEnds");
    public static final ReplyField<Boolean> READY_FOR_UPGRADE = ReplyField.flag("ReadyForUpgrade");
    public static final ReplyKind DOMAIN = ReplyKind.atLeastOne("Domain", CMDLET + " UpgradeDomains[]",
        UPGRADE_DOMAIN, FRONT_ENDS, READY_FOR_UPGRADE);
    public static final ScriptContract CONTRACT = ScriptContract.of("pool-readiness", POOL, DOMAIN, Shapes.SHAPE);

    private PoolReadiness() {}
  }

  /** {@code fabric-state.ps1}: CR-2, CR-3; the cmdlet writes a report (a String), parsed by the SDK. */
  public static final class FabricState {
    public static final ReplyField<String> TEXT = ReplyField.text("Text").computed();
    public static final ReplyKind REPORT = ReplyKind.exactlyOne("Report", "Get-CsPoolFabricState -Type Routing", TEXT);
    public static final ScriptContract CONTRACT = ScriptContract.of("fabric-state", REPORT);

    private FabricState() {}
  }

  /** {@code server-status.ps1}: FE-2c, projected inside the remote block on the server. */
  public static final class ServerStatus {
    public static final ReplyField<String> NAME = ReplyField.text("Name");
    public static final ReplyField<String> STATUS = ReplyField.text("Status");
    public static final ReplyKind SERVICE = ReplyKind.atLeastOne("Service", "Get-CsWindowsService", NAME, STATUS);
    public static final ReplyField<String> WEB_STATUS = ReplyField.text("Status");
    public static final ReplyKind WEB_SERVICE = ReplyKind.exactlyOne("WebService", "Get-Service -Name W3SVC",
        WEB_STATUS);
    public static final ReplyField<String> PRODUCT = ReplyField.text("Product").computed();
    public static final ReplyField<String> PRODUCT_VERSION = ReplyField.text("ProductVersion");
    public static final ReplyKind BUILD = ReplyKind.exactlyOne("Build", "Get-Item <Microsoft Lync Server 2013|Skype for"
        + " Business Server 2015|Skype for Business Server 2019>\\Server\\Core\\RtcHost.exe", PRODUCT, PRODUCT_VERSION);
    public static final ScriptContract CONTRACT = ScriptContract.of("server-status", SERVICE, WEB_SERVICE, BUILD,
        Shapes.SHAPE);

    private ServerStatus() {}
  }

  /** {@code is-administrator.ps1}: BE-1, on the server. */
  public static final class IsAdministrator {
    public static final ReplyField<Boolean> MEMBER = ReplyField.flag("Member").computed();
    public static final ReplyKind MEMBERSHIP = ReplyKind.exactlyOne("Membership",
        "WindowsPrincipal.IsInRole('CSAdministrator')", MEMBER);
    public static final ScriptContract CONTRACT = ScriptContract.of("is-administrator", MEMBERSHIP);

    private IsAdministrator() {}
  }

  /** {@code test-databases.ps1}: CR-7. */
  public static final class TestDatabases {
    public static final ReplyField<String> DATABASE_NAME = ReplyField.text("DatabaseName");
    public static final ReplyField<String> SQL_SERVER = ReplyField.text("SqlServerFqdn");
    public static final ReplyField<String> EXPECTED = ReplyField.text("ExpectedVersion");
    public static final ReplyField<String> INSTALLED = ReplyField.text("InstalledVersion");
    public static final ReplyKind DATABASE = ReplyKind.atLeastOne("Database", "Test-CsDatabase -ConfiguredDatabases",
        DATABASE_NAME, SQL_SERVER, EXPECTED, INSTALLED);
    public static final ScriptContract CONTRACT = ScriptContract.of("test-databases", DATABASE, Shapes.SHAPE);

    private TestDatabases() {}
  }

  /** {@code local-databases.ps1}: the probe's check of BE-11c's second hop, in a remote session on a Standard Edition server. */
  public static final class LocalDatabases {
    public static final ReplyField<String> DATABASE_NAME = ReplyField.text("DatabaseName");
    public static final ReplyField<String> EXPECTED = ReplyField.text("ExpectedVersion");
    public static final ReplyField<String> INSTALLED = ReplyField.text("InstalledVersion");
    public static final ReplyKind DATABASE = ReplyKind.atLeastOne("Database", "Test-CsDatabase -LocalService",
        DATABASE_NAME, EXPECTED, INSTALLED);
    public static final ScriptContract CONTRACT = ScriptContract.of("local-databases", DATABASE, Shapes.SHAPE);

    private LocalDatabases() {}
  }

  /** {@code install-update.ps1}: FE-2b, BE-7, CR-8. */
  public static final class InstallUpdate {
    public static final ReplyField<Long> EXIT_CODE = ReplyField.integer("ExitCode").computed();
    public static final ReplyField<String> LOG = ReplyField.text("Log").computed();
    public static final ReplyKind INSTALLER = ReplyKind.exactlyOne("Installer", "Start-Process <installer> /silentmode",
        EXIT_CODE, LOG);
    public static final ScriptContract CONTRACT = ScriptContract.of("install-update", INSTALLER);

    private InstallUpdate() {}
  }

  /** {@code failover-state.ps1}: whether a pool is failed over, which Lync Server 2013 does not report. */
  public static final class FailoverState {
    public static final ReplyField<String> FAILED_OVER = ReplyField.text("FailedOver").computed();
    public static final ReplyKind STATE = ReplyKind.exactlyOne("State", "the script", FAILED_OVER);
    public static final ScriptContract CONTRACT = ScriptContract.of("failover-state", STATE);

    private FailoverState() {}
  }

  /** {@code synthetic-transactions.ps1}: Test-CsRegistration and Test-CsIM. */
  public static final class SyntheticTransactions {
    public static final ReplyField<String> TEST = ReplyField.text("Test").computed();
    public static final ReplyField<String> RESULT = ReplyField.text("Result");
    public static final ReplyField<String> DETAIL = ReplyField.textOrEmpty("Detail").computed();
    public static final ReplyKind RESULT_KIND = ReplyKind.atLeastOne("Test", "Test-CsRegistration, Test-CsIM", TEST,
        RESULT, DETAIL);
    public static final ScriptContract CONTRACT = ScriptContract.of("synthetic-transactions", RESULT_KIND);

    private SyntheticTransactions() {}
  }

  /**
   * {@code backup-relationship.ps1}: a pool's disaster-recovery partner (discovery and the probe). For
   * a pool without one the cmdlet throws; the script catches that and every other terminating error
   * and reports it as a {@code TerminatingError}, which the SDK reads as "no partner" only when it is
   * the cmdlet's own {@code ObjectNotFound} (the adapter's {@code BackupRelationships}).
   */
  public static final class BackupRelationship {
    static final String CMDLET = "Get-CsPoolBackupRelationship";
    public static final ReplyField<String> BACKUP_POOL = ReplyField.text("BackupPoolFqdn");
    public static final ReplyKind RELATIONSHIP = ReplyKind.any("Relationship", CMDLET, BACKUP_POOL);
    public static final ReplyField<String> ERROR_ID = ReplyField.text("FullyQualifiedErrorId");
    public static final ReplyField<String> CATEGORY = ReplyField.text("Category");
    public static final ReplyField<String> ACTIVITY = ReplyField.textOrEmpty("Activity");
    public static final ReplyField<String> MESSAGE = ReplyField.textOrEmpty("Message");
    public static final ReplyKind TERMINATING_ERROR = ReplyKind.any("TerminatingError", CMDLET + "'s error record",
        ERROR_ID, CATEGORY, ACTIVITY, MESSAGE);
    public static final ScriptContract CONTRACT = ScriptContract.of("backup-relationship", RELATIONSHIP,
        TERMINATING_ERROR, Shapes.SHAPE);

    private BackupRelationship() {}
  }

  /** {@code topology.ps1}: discovery's published topology, the one string {@code Get-CsTopology -AsXml} returns. */
  public static final class Topology {
    public static final ReplyField<String> DOCUMENT = ReplyField.text("Document").computed();
    public static final ReplyKind TOPOLOGY = ReplyKind.exactlyOne("Topology", "Get-CsTopology -AsXml", DOCUMENT);
    public static final ScriptContract CONTRACT = ScriptContract.of("topology", TOPOLOGY);

    private Topology() {}
  }

  /**
   * {@code store-mirror.ps1}: discovery's reading of whether a Back End store is mirrored (CR-5), from
   * {@code Test-CsDatabase}: every database configured on the SQL Server, its instance and its mirror
   * ({@code ''} when none; a property the object lacks is refused).
   */
  public static final class StoreMirror {
    public static final ReplyField<String> DATABASE_NAME = ReplyField.text("DatabaseName");
    public static final ReplyField<String> SQL_INSTANCE = ReplyField.textOrEmpty("SqlInstanceName");
    public static final ReplyField<String> MIRROR = ReplyField.textOrEmpty("MirrorSqlServerFqdn");
    public static final ReplyKind DATABASE = ReplyKind.atLeastOne("Database", "Test-CsDatabase -ConfiguredDatabases",
        DATABASE_NAME, SQL_INSTANCE, MIRROR);
    public static final ScriptContract CONTRACT = ScriptContract.of("store-mirror", DATABASE, Shapes.SHAPE);

    private StoreMirror() {}
  }

  /** {@code cms-location.ps1}: where the Central Management Store is (the probe; CR-9). */
  public static final class CmsLocation {
    public static final ReplyField<String> LOCATION = ReplyField.text("Location").computed();
    public static final ReplyKind STORE = ReplyKind.exactlyOne("Store", "Get-CsConfigurationStoreLocation", LOCATION);
    public static final ScriptContract CONTRACT = ScriptContract.of("cms-location", STORE);

    private CmsLocation() {}
  }

  /** The scripts that act and reply with nothing. */
  public static final class Actions {
    public static final ScriptContract STOP_SERVICES = ScriptContract.noOutput("stop-services");
    public static final ScriptContract START_SERVICES = ScriptContract.noOutput("start-services");
    public static final ScriptContract WEB_SERVICE = ScriptContract.noOutput("web-service");
    public static final ScriptContract STAGE_UPDATE = ScriptContract.noOutput("stage-update");
    public static final ScriptContract RESTART = ScriptContract.noOutput("restart");
    public static final ScriptContract UPDATE_DATABASES = ScriptContract.noOutput("update-databases");
    public static final ScriptContract FAIL_OVER = ScriptContract.noOutput("fail-over");
    public static final ScriptContract FAIL_BACK = ScriptContract.noOutput("fail-back");
    public static final ScriptContract CMS_FAILOVER = ScriptContract.noOutput("cms-failover");
    public static final ScriptContract COMPUTER_FAILOVER = ScriptContract.noOutput("computer-failover");
    public static final ScriptContract COMPUTER_FAILBACK = ScriptContract.noOutput("computer-failback");
    public static final ScriptContract RESET_REGISTRAR_STATE = ScriptContract.noOutput("reset-registrar-state");
    public static final ScriptContract PUBLISH_TOPOLOGY = ScriptContract.noOutput("publish-topology");

    private Actions() {}
  }

  /** Every script's contract. */
  public static final List<ScriptContract> ALL = List.of(Ping.CONTRACT, Preflight.CONTRACT, PoolReadiness.CONTRACT,
      FabricState.CONTRACT, ServerStatus.CONTRACT, IsAdministrator.CONTRACT, TestDatabases.CONTRACT,
      LocalDatabases.CONTRACT, InstallUpdate.CONTRACT, FailoverState.CONTRACT, SyntheticTransactions.CONTRACT,
      BackupRelationship.CONTRACT, Topology.CONTRACT, StoreMirror.CONTRACT, CmsLocation.CONTRACT, Actions.STOP_SERVICES, Actions.START_SERVICES,
      Actions.WEB_SERVICE, Actions.STAGE_UPDATE, Actions.RESTART, Actions.UPDATE_DATABASES, Actions.FAIL_OVER,
      Actions.FAIL_BACK, Actions.CMS_FAILOVER, Actions.COMPUTER_FAILOVER, Actions.COMPUTER_FAILBACK,
      Actions.RESET_REGISTRAR_STATE, Actions.PUBLISH_TOPOLOGY);

  /** The contract of {@code script}. */
  public static ScriptContract of(String script) {
    return ALL.stream().filter(contract -> contract.script().equals(script)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no contract for the script " + script));
  }
}
