package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.CentralManagementStoreFailover;
import io.github.lyncupgrade.core.deployment.ComputerFailover;
import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.deployment.DatabaseTests;
import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.DomainReadiness;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.PoolFabric;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.deployment.ServerUnreachableException;
import io.github.lyncupgrade.core.deployment.SyntheticTransactions;
import io.github.lyncupgrade.core.deployment.TopologyPublishing;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.powershell.internal.ReplyField;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Reading;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Row;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts.Actions;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link LyncDeployment} on real servers through one {@link PowerShellSession}, or a
 * {@link PowerShellSessionPool} so that steps on several servers run side by side: each operation
 * runs one of the SDK's scripts, remotely on the server it concerns (one remote session per
 * server, opened for the operation and closed after it), with every value passed as data. Every
 * reply is read through its script's contract ({@link ScriptContracts}): a property absent, of
 * another type or unparseable is an {@link UnreadableReplyException} naming the script, the
 * cmdlet, the property and what arrived, never a default. A script error becomes a
 * {@link DeploymentException} carrying PowerShell's messages; a server that remoting cannot
 * reach, a {@link ServerUnreachableException}; the installer's exit codes 0 and 3010 (success,
 * restart required) succeed and any other is an {@link UpdateInstallFailedException}; a request
 * that times out or whose shell dies is a {@link DeploymentException} whose outcome is unknown,
 * which the executor re-checks before doing anything again.
 *
 * <p>Each operation is bounded by its own wait ({@link PowerShellOptions#restartTimeout()}, the
 * draining timeout plus {@link PowerShellOptions#failoverWaitTime()}, else the read or command
 * timeout); its remote session may run one {@linkplain PowerShellOptions#timeoutGrace() grace}
 * longer and the SDK waits two, so a cmdlet's own timeout is reported as its error.
 *
 * <p>Thread-safe: a session serialises its requests; a pool lends one session per request.
 * Closing the deployment closes the session or the pool.
 */
public final class PowerShellDeployment implements LyncDeployment, PoolFabric, ComputerFailover, DatabaseTests,
    TopologyPublishing, CentralManagementStoreFailover, SyntheticTransactions, AutoCloseable {
  private static final int INSTALLER_SUCCESS = 0;
  private static final int INSTALLER_SUCCESS_RESTART_REQUIRED = 3010;

  /** Where requests go, a session or a pool of them, how to close it, and its options. */
  private record Shell(BiFunction<PsInvocation, Duration, PsReply> requests, Runnable closer, String description,
      PowerShellOptions options) {}

  /** One script's reply as it arrived, before it was read: what the probe shows. */
  record Exchange(String script, Fqdn target, PsReply reply) {}

  private final Shell shell;
  /** The probe's: every reply, and the cmdlets' shapes asked for; otherwise nothing. */
  private final Consumer<Exchange> observer;

  private PowerShellDeployment(Shell shell, Consumer<Exchange> observer) {
    this.shell = shell;
    this.observer = observer;
  }

  private PowerShellDeployment(Shell shell) {
    this(shell, null);
  }

  /**
   * A deployment for {@link Probe}: over {@code session} (which it does not own: closing it does
   * nothing), asking every reading script for the cmdlets' shapes too, and handing each reply to
   * {@code observer} before it is read.
   */
  static PowerShellDeployment probing(PowerShellSession session, Consumer<Exchange> observer) {
    return new PowerShellDeployment(new Shell(session::invoke, () -> { }, session.toString(), session.options()),
        requireNonNull(observer, "observer"));
  }

  /**
   * A deployment for reads outside a run (discovery's): over {@code session}, which it does not own
   * (closing it does nothing).
   */
  static PowerShellDeployment reading(PowerShellSession session) {
    return new PowerShellDeployment(new Shell(session::invoke, () -> { }, session.toString(), session.options()));
  }

  /** A deployment that acts through {@code session}, which it then owns: one request at a time. */
  public static PowerShellDeployment over(PowerShellSession session) {
    requireNonNull(session, "session");
    return new PowerShellDeployment(new Shell(session::invoke, session::close, session.toString(), session.options()));
  }

  /**
   * A deployment that acts through {@code sessions}, which it then owns: as many requests at
   * once as the pool has sessions, so a plan's {@code Concurrency} really runs side by side.
   */
  public static PowerShellDeployment over(PowerShellSessionPool sessions) {
    requireNonNull(sessions, "sessions");
    return new PowerShellDeployment(new Shell(sessions::invoke, sessions::close, sessions.toString(),
        sessions.options()));
  }

  /**
   * {@code Get-CsPoolUpgradeReadinessState}, or {@code Get-CsUpgradeDomainInfo} on Skype for
   * Business Server 2019 (CR-4): the script picks one of the two by the product's name, passed as data.
   */
  @Override
  public PoolReadiness poolReadiness(Fqdn pool, Fqdn runOn, ProductVersion product) {
    String cmdlet = product.readinessCmdlet();
    Reading reply = read(ScriptContracts.PoolReadiness.CONTRACT, cmdlet, runOn, invocation("pool-readiness")
        .with("Pool", pool).with("Server", runOn).with("Product", product.name()), shell.options().commandTimeout());
    Row state = reply.one(ScriptContracts.PoolReadiness.POOL);
    PoolUpgradeState upgradeState = state.parse(ScriptContracts.PoolReadiness.STATE,
        "Ready, Busy or InsufficientActiveFrontEnds", PowerShellDeployment::upgradeState);
    int frontEnds = count(state, ScriptContracts.PoolReadiness.TOTAL_FRONT_ENDS);
    int active = count(state, ScriptContracts.PoolReadiness.ACTIVE_FRONT_ENDS);
    List<DomainReadiness> domains = reply.all(ScriptContracts.PoolReadiness.DOMAIN).stream()
        .map(domain -> new DomainReadiness(domain.get(ScriptContracts.PoolReadiness.UPGRADE_DOMAIN),
            domain.parse(ScriptContracts.PoolReadiness.FRONT_ENDS, "Front End FQDNs separated by commas",
                PowerShellDeployment::fqdns),
            domain.get(ScriptContracts.PoolReadiness.READY_FOR_UPGRADE)))
        .toList();
    return new PoolReadiness(pool, upgradeState, frontEnds, active, domains);
  }

  @Override
  public PoolFabricState fabricState(Fqdn pool) {
    Row report = read(ScriptContracts.FabricState.CONTRACT, "Get-CsPoolFabricState", pool,
        invocation("fabric-state").with("Pool", pool), shell.options().readTimeout())
        .one(ScriptContracts.FabricState.REPORT);
    return report.parse(ScriptContracts.FabricState.TEXT, "a report naming at least one routing group (its GUID, then"
        + " its Primary and Secondaries)", text -> FabricReport.parse(pool, text));
  }

  @Override
  public void resetRegistrarState(Fqdn pool) {
    act(Actions.RESET_REGISTRAR_STATE, "Reset-CsPoolRegistrarState", pool, invocation("reset-registrar-state")
        .with("Pool", pool), shell.options().commandTimeout());
  }

  /** CR-3a: {@code -DrainingTimeout} and {@code -WaitTime} as TimeSpans; bounded by both together. */
  @Override
  public void failOverComputer(Fqdn server, Duration drainingTimeout) {
    Duration waitTime = shell.options().failoverWaitTime();
    act(Actions.COMPUTER_FAILOVER, "Invoke-CsComputerFailOver", server, invocation("computer-failover")
        .with("Server", server).with("DrainingTimeoutSeconds", drainingTimeout.toSeconds())
        .with("WaitTimeSeconds", waitTime.toSeconds()), drainingTimeout.plus(waitTime));
  }

  @Override
  public void failBackComputer(Fqdn server) {
    act(Actions.COMPUTER_FAILBACK, "Invoke-CsComputerFailBack", server, invocation("computer-failback")
        .with("Server", server), shell.options().commandTimeout());
  }

  @Override
  public List<DatabaseCheck> testDatabases(Fqdn pool, Fqdn sqlServer) {
    return read(ScriptContracts.TestDatabases.CONTRACT, "Test-CsDatabase", sqlServer, invocation("test-databases")
        .with("SqlServer", sqlServer), shell.options().readTimeout())
        .all(ScriptContracts.TestDatabases.DATABASE).stream()
        .map(database -> new DatabaseCheck(database.get(ScriptContracts.TestDatabases.DATABASE_NAME),
            database.get(ScriptContracts.TestDatabases.SQL_SERVER), database.get(ScriptContracts.TestDatabases.EXPECTED),
            database.get(ScriptContracts.TestDatabases.INSTALLED)))
        .toList();
  }

  @Override
  public void publishTopology(Fqdn pool) {
    act(Actions.PUBLISH_TOPOLOGY, "Publish-CsTopology", pool, invocation("publish-topology"),
        shell.options().commandTimeout());
  }

  /**
   * CR-9 on {@code runOn}, a server of the partner pool; {@code backupStore} is {@code fqdn} or
   * {@code fqdn\instance}, each part passed to the script as data.
   */
  @Override
  public void failOverCentralManagementStore(Fqdn pool, String backupStore, Fqdn runOn, PoolFailoverMode mode) {
    SqlStoreName backup = SqlStoreName.parse(backupStore);
    act(Actions.CMS_FAILOVER, "Invoke-CsManagementServerFailover", pool, invocation("cms-failover").with("Pool", pool)
        .with("Server", runOn).with("SqlServer", backup.server()).with("SqlInstance", backup.instance())
        .with("DisasterMode", mode == PoolFailoverMode.DISASTER), shell.options().commandTimeout());
  }

  @Override
  public void stopServices(Fqdn server, boolean graceful) {
    act(Actions.STOP_SERVICES, "Stop-CsWindowsService", server, invocation("stop-services").with("Server", server)
        .with("Graceful", graceful), shell.options().commandTimeout());
  }

  @Override
  public void startServices(Fqdn server) {
    act(Actions.START_SERVICES, "Start-CsWindowsService", server, invocation("start-services").with("Server", server),
        shell.options().commandTimeout());
  }

  /** Every Lync service running, w3svc running, and the one product's {@code RtcHost.exe} build. */
  @Override
  public ServerStatus serverStatus(Fqdn server) {
    Reading reply = read(ScriptContracts.ServerStatus.CONTRACT, "Get-CsWindowsService", server,
        invocation("server-status").with("Server", server), shell.options().readTimeout());
    boolean servicesRunning = reply.all(ScriptContracts.ServerStatus.SERVICE).stream()
        .allMatch(service -> "Running".equals(service.get(ScriptContracts.ServerStatus.STATUS)));
    boolean webRunning = "Running".equals(reply.one(ScriptContracts.ServerStatus.WEB_SERVICE)
        .get(ScriptContracts.ServerStatus.WEB_STATUS));
    BuildVersion build = reply.one(ScriptContracts.ServerStatus.BUILD).parse(
        ScriptContracts.ServerStatus.PRODUCT_VERSION, "a build such as 5.0.8308.1001", BuildVersion::parse);
    return new ServerStatus(server, servicesRunning, webRunning, build);
  }

  @Override
  public boolean isCsAdministrator(Fqdn server) {
    return read(ScriptContracts.IsAdministrator.CONTRACT, "Test CsAdministrator membership", server,
        invocation("is-administrator").with("Server", server), shell.options().readTimeout())
        .one(ScriptContracts.IsAdministrator.MEMBERSHIP).get(ScriptContracts.IsAdministrator.MEMBER);
  }

  @Override
  public void stageUpdate(Fqdn server, UpdatePackage update) {
    act(Actions.STAGE_UPDATE, "Stage update", server, invocation("stage-update").with("Server", server)
        .with("Location", update.location()).with("Version", update.targetVersion()), shell.options().commandTimeout());
  }

  @Override
  public boolean installUpdate(Fqdn server, UpdatePackage update) {
    Row result = read(ScriptContracts.InstallUpdate.CONTRACT, "update installer", server, invocation("install-update")
        .with("Server", server).with("Location", update.location()).with("Version", update.targetVersion()),
        shell.options().commandTimeout()).one(ScriptContracts.InstallUpdate.INSTALLER);
    int exitCode = count(result, ScriptContracts.InstallUpdate.EXIT_CODE, Integer.MIN_VALUE);
    if (exitCode != INSTALLER_SUCCESS && exitCode != INSTALLER_SUCCESS_RESTART_REQUIRED) {
      throw new UpdateInstallFailedException(server, exitCode, result.get(ScriptContracts.InstallUpdate.LOG));
    }
    return exitCode == INSTALLER_SUCCESS_RESTART_REQUIRED;
  }

  /** FE-2c through WinRM, waiting {@link PowerShellOptions#restartTimeout()} for the server to answer again. */
  @Override
  public void restart(Fqdn server) {
    Duration wait = shell.options().restartTimeout();
    act(Actions.RESTART, "Restart-Computer", server, invocation("restart").with("Server", server)
        .with("TimeoutSeconds", wait.toSeconds()), wait);
  }

  @Override
  public void stopWebService(Fqdn server) {
    act(Actions.WEB_SERVICE, "net stop w3svc", server, invocation("web-service").with("Server", server)
        .with("Action", "stop"), shell.options().commandTimeout());
  }

  @Override
  public void startWebService(Fqdn server) {
    act(Actions.WEB_SERVICE, "net start w3svc", server, invocation("web-service").with("Server", server)
        .with("Action", "start"), shell.options().commandTimeout());
  }

  @Override
  public void updateDatabases(Fqdn pool, DatabaseUpdateVariant variant, Fqdn sqlServer) {
    act(Actions.UPDATE_DATABASES, "Install-CsDatabase", sqlServer, invocation("update-databases").with("Pool", pool)
        .with("Variant", variant.name()).with("SqlServer", sqlServer), shell.options().commandTimeout());
  }

  /** FE-1c: {@code Invoke-CsPoolFailOver}, with {@code -DisasterMode} only in {@link PoolFailoverMode#DISASTER}. */
  @Override
  public void failOver(Fqdn pool, Fqdn partner, PoolFailoverMode mode) {
    act(Actions.FAIL_OVER, "Invoke-CsPoolFailOver", pool, invocation("fail-over").with("Pool", pool)
        .with("Partner", partner).with("DisasterMode", mode == PoolFailoverMode.DISASTER),
        shell.options().commandTimeout());
  }

  @Override
  public void failBack(Fqdn pool, Fqdn partner) {
    act(Actions.FAIL_BACK, "Invoke-CsPoolFailBack", pool, invocation("fail-back").with("Pool", pool)
        .with("Partner", partner), shell.options().commandTimeout());
  }

  /**
   * Lync Server 2013 reports no pool failover state that the SDK can read reliably, so unless a
   * deployment's script answers True or False, this throws and asks the operator to check.
   */
  @Override
  public boolean isFailedOver(Fqdn pool) {
    String answer = read(ScriptContracts.FailoverState.CONTRACT, "Get failover state", pool,
        invocation("failover-state").with("Pool", pool), shell.options().readTimeout())
        .one(ScriptContracts.FailoverState.STATE).get(ScriptContracts.FailoverState.FAILED_OVER);
    if ("True".equalsIgnoreCase(answer) || "False".equalsIgnoreCase(answer)) {
      return Boolean.parseBoolean(answer);
    }
    throw new DeploymentException("Get failover state", pool, "whether the pool is failed over cannot be read"
        + " automatically; check where its users are registered (Get-CsUserPoolInfo), fail it over or back by hand"
        + " if needed, then resume");
  }

  /**
   * {@code Test-CsRegistration} and {@code Test-CsIM} against {@code pool}; they need the pool's
   * health-monitoring test users. For {@link io.github.lyncupgrade.core.run.Verification#syntheticTransactions}.
   */
  @Override
  public List<SyntheticTransactions.Result> syntheticTransactions(Fqdn pool) {
    return read(ScriptContracts.SyntheticTransactions.CONTRACT, "Test-CsRegistration, Test-CsIM", pool,
        invocation("synthetic-transactions").with("Pool", pool), shell.options().commandTimeout())
        .all(ScriptContracts.SyntheticTransactions.RESULT_KIND).stream()
        .map(result -> new SyntheticTransactions.Result(result.get(ScriptContracts.SyntheticTransactions.TEST),
            "Success".equals(result.get(ScriptContracts.SyntheticTransactions.RESULT)),
            result.get(ScriptContracts.SyntheticTransactions.DETAIL)))
        .toList();
  }

  /** Closes the PowerShell session or pool. */
  @Override
  public void close() {
    shell.closer().run();
  }

  /**
   * A read outside the {@link LyncDeployment} operations (the probe's, discovery's): {@code contract}'s
   * script for {@code operation} on {@code target}, bounded by the read timeout.
   */
  Reading query(ScriptContract contract, String operation, Fqdn target, PsInvocation invocation) {
    return read(contract, operation, target, invocation, shell.options().readTimeout());
  }

  static PsInvocation invocation(String script) {
    return PsInvocation.of(PsScript.named(script));
  }

  /** {@code invocation}'s reply, read through {@code contract}: fail closed, every problem named. */
  Reading read(ScriptContract contract, String operation, Fqdn target, PsInvocation invocation, Duration bound) {
    return contract.read(call(operation, target, invocation, bound), operation, target);
  }

  /** An action: its script replies with nothing, which is checked too. */
  private void act(ScriptContract contract, String operation, Fqdn target, PsInvocation invocation, Duration bound) {
    read(contract, operation, target, invocation, bound);
  }

  /**
   * Runs {@code invocation}, whose own wait is {@code bound}: its remote session may run one grace
   * longer ({@code OperationTimeoutMs}, with the session configuration, passed as data) and the
   * SDK waits for two.
   */
  private PsReply call(String operation, Fqdn target, PsInvocation invocation, Duration bound) {
    PowerShellOptions options = shell.options();
    PsInvocation bounded = invocation.with("OperationTimeoutMs", bound.plus(options.timeoutGrace()).toMillis())
        .with("SessionConfiguration", options.sessionConfiguration());
    PsReply reply;
    try {
      reply = shell.requests().apply(observer == null ? bounded : bounded.with("Shapes", true),
          bound.plus(options.timeoutGrace().multipliedBy(2)));
    } catch (PowerShellException e) {
      throw new DeploymentException(operation, target, e.getMessage());
    }
    if (observer != null) {
      observer.accept(new Exchange(invocation.script().name(), target, reply));
    }
    if (reply.succeeded()) {
      return reply;
    }
    String errors = reply.errors().stream().map(PsReply.PsError::toString).collect(Collectors.joining("; "));
    boolean unreachable = reply.errors().stream().map(PsReply.PsError::fullyQualifiedErrorId)
        .anyMatch(id -> id.contains("PSSessionOpenFailed") || id.contains("PSRemotingTransport")
            || id.contains("Unreachable"));
    if (unreachable) {
      throw new ServerUnreachableException(operation, target);
    }
    throw new DeploymentException(operation, target, errors);
  }

  /** FQDNs separated by commas, at least one. */
  private static List<Fqdn> fqdns(String commaSeparated) {
    List<Fqdn> fqdns = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty())
        .map(Fqdn::of).toList();
    if (fqdns.isEmpty()) {
      throw new IllegalArgumentException("no FQDN in '" + commaSeparated + "'");
    }
    return fqdns;
  }

  private static PoolUpgradeState upgradeState(String state) {
    return switch (state) {
      case "Ready" -> PoolUpgradeState.READY;
      case "Busy" -> PoolUpgradeState.BUSY;
      case "InsufficientActiveFrontEnds" -> PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS;
      default -> throw new IllegalArgumentException("unknown PoolUpgradeState '" + state + "'");
    };
  }

  /** A count the cmdlet reported: an int, not negative. */
  private static int count(Row row, ReplyField<Long> field) {
    return count(row, field, 0);
  }

  private static int count(Row row, ReplyField<Long> field, int least) {
    long value = row.get(field);
    if (value < least || value > Integer.MAX_VALUE) {
      throw row.problem(field, least == 0 ? "a count from 0 to " + Integer.MAX_VALUE : "a 32-bit exit code");
    }
    return (int) value;
  }

  @Override
  public String toString() {
    return "PowerShellDeployment[" + shell.description() + "]";
  }
}
