package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.run.DatabaseCheck;
import io.github.lyncupgrade.core.run.DeploymentException;
import io.github.lyncupgrade.core.run.DomainReadiness;
import io.github.lyncupgrade.core.run.CentralManagementStoreFailover;
import io.github.lyncupgrade.core.run.ComputerFailover;
import io.github.lyncupgrade.core.run.DatabaseTests;
import io.github.lyncupgrade.core.run.LyncDeployment;
import io.github.lyncupgrade.core.run.PoolFabric;
import io.github.lyncupgrade.core.run.TopologyPublishing;
import io.github.lyncupgrade.core.run.PoolFabricState;
import io.github.lyncupgrade.core.run.PoolReadiness;
import io.github.lyncupgrade.core.run.PoolUpgradeState;
import io.github.lyncupgrade.core.run.RoutingGroup;
import io.github.lyncupgrade.core.run.ServerStatus;
import io.github.lyncupgrade.core.run.ServerUnreachableException;
import io.github.lyncupgrade.core.run.SyntheticTransactions;
import io.github.lyncupgrade.core.run.UpdateInstallFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link LyncDeployment} on real servers through one {@link PowerShellSession}, or a
 * {@link PowerShellSessionPool} so that steps on several servers run side by side: each operation
 * runs one of the SDK's scripts, remotely on the server it concerns (one remote session per
 * server, reused), with every value passed as data. A script error becomes a
 * {@link DeploymentException} carrying PowerShell's messages; a server that remoting cannot
 * reach, a {@link ServerUnreachableException}; the installer's exit codes 0 and 3010 (success,
 * restart required) succeed and any other is an {@link UpdateInstallFailedException}; a request
 * that times out or whose shell dies is a {@link DeploymentException} whose outcome is unknown,
 * which the executor re-checks before doing anything again.
 *
 * <p>Thread-safe: a session serialises its requests; a pool lends one session per request.
 * Closing the deployment closes the session or the pool.
 */
public final class PowerShellDeployment implements LyncDeployment, PoolFabric, ComputerFailover, DatabaseTests,
    TopologyPublishing, CentralManagementStoreFailover, SyntheticTransactions, AutoCloseable {
  private static final int INSTALLER_SUCCESS = 0;
  private static final int INSTALLER_SUCCESS_RESTART_REQUIRED = 3010;

  /** Where requests go, a session or a pool of them, and how to close it. */
  private record Shell(Function<PsInvocation, PsReply> requests, Runnable closer, String description) {}

  private final Shell shell;

  private PowerShellDeployment(Shell shell) {
    this.shell = shell;
  }

  /** A deployment that acts through {@code session}, which it then owns: one request at a time. */
  public static PowerShellDeployment over(PowerShellSession session) {
    requireNonNull(session, "session");
    return new PowerShellDeployment(new Shell(session::invoke, session::close, session.toString()));
  }

  /**
   * A deployment that acts through {@code sessions}, which it then owns: as many requests at
   * once as the pool has sessions, so a plan's {@code Concurrency} really runs side by side.
   */
  public static PowerShellDeployment over(PowerShellSessionPool sessions) {
    requireNonNull(sessions, "sessions");
    return new PowerShellDeployment(new Shell(sessions::invoke, sessions::close, sessions.toString()));
  }

  /**
   * {@code Get-CsPoolUpgradeReadinessState}, or {@code Get-CsUpgradeDomainInfo} on Skype for
   * Business Server 2019 (CR-4): the script picks one of the two by the product's name, passed as data.
   */
  @Override
  public PoolReadiness poolReadiness(Fqdn pool, Fqdn runOn, ProductVersion product) {
    String cmdlet = product.readinessCmdlet();
    PsReply reply = call(cmdlet, runOn,
        invocation("pool-readiness").with("Pool", pool).with("Server", runOn).with("Product", product.name()));
    Map<String, String> state = reply.objects().stream().filter(o -> "Pool".equals(o.get("Kind"))).findFirst()
        .orElseThrow(() -> new DeploymentException(cmdlet, runOn, "it reported no pool state"));
    List<DomainReadiness> domains = new ArrayList<>();
    for (Map<String, String> domain : reply.objects()) {
      if ("Domain".equals(domain.get("Kind"))) {
        List<Fqdn> frontEnds = fqdns(domain.get("FrontEnds"));
        domains.add(new DomainReadiness(domain.get("Name"), frontEnds,
            Boolean.parseBoolean(domain.get("ReadyForUpgrade"))));
      }
    }
    return new PoolReadiness(pool, upgradeState(runOn, state.get("State")),
        integer(cmdlet, runOn, state.get("FrontEnds")), integer(cmdlet, runOn, state.get("ActiveFrontEnds")), domains);
  }

  @Override
  public PoolFabricState fabricState(Fqdn pool) {
    List<RoutingGroup> groups = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map<String, String> group : call("Get-CsPoolFabricState", pool, invocation("fabric-state").with("Pool", pool))
        .objects()) {
      String primary = group.getOrDefault("Primary", "");
      if ("Missing".equals(group.get("Kind")) || primary.isBlank()) {
        missing.add(group.getOrDefault("Id", "?"));
      } else {
        groups.add(new RoutingGroup(group.getOrDefault("Id", "?"), Fqdn.of(primary), fqdns(group.get("Secondaries"))));
      }
    }
    return new PoolFabricState(pool, groups, missing);
  }

  @Override
  public void resetRegistrarState(Fqdn pool) {
    call("Reset-CsPoolRegistrarState", pool, invocation("reset-registrar-state").with("Pool", pool));
  }

  @Override
  public void failOverComputer(Fqdn server, Duration drainingTimeout) {
    call("Invoke-CsComputerFailOver", server, invocation("computer-failover").with("Server", server)
        .with("DrainingTimeout", drainingTimeout.toSeconds()));
  }

  @Override
  public void failBackComputer(Fqdn server) {
    call("Invoke-CsComputerFailBack", server, invocation("computer-failback").with("Server", server));
  }

  @Override
  public List<DatabaseCheck> testDatabases(Fqdn pool, Fqdn sqlServer) {
    return call("Test-CsDatabase", sqlServer, invocation("test-databases").with("SqlServer", sqlServer)).objects()
        .stream()
        .map(database -> new DatabaseCheck(database.getOrDefault("Name", "?"),
            database.getOrDefault("SqlServer", sqlServer.toString()), database.getOrDefault("Expected", ""),
            database.getOrDefault("Installed", "")))
        .toList();
  }

  @Override
  public void publishTopology(Fqdn pool) {
    call("Publish-CsTopology", pool, invocation("publish-topology"));
  }

  /** {@code backupStore} is {@code fqdn} or {@code fqdn\instance}; each part goes to the script as data. */
  @Override
  public void failOverCentralManagementStore(Fqdn pool, String backupStore) {
    SqlStoreName backup = SqlStoreName.parse(backupStore);
    PsInvocation invocation = invocation("cms-failover").with("Pool", pool)
        .with("SqlServer", backup.server()).with("SqlInstance", backup.instance());
    call("Invoke-CsManagementServerFailover", pool, invocation);
  }

  @Override
  public void stopServices(Fqdn server, boolean graceful) {
    call("Stop-CsWindowsService", server, invocation("stop-services").with("Server", server).with("Graceful", graceful));
  }

  @Override
  public void startServices(Fqdn server) {
    call("Start-CsWindowsService", server, invocation("start-services").with("Server", server));
  }

  @Override
  public ServerStatus serverStatus(Fqdn server) {
    Map<String, String> status = single("Get-CsWindowsService", server,
        invocation("server-status").with("Server", server));
    return new ServerStatus(server, Boolean.parseBoolean(status.get("ServicesRunning")),
        Boolean.parseBoolean(status.get("WebServiceRunning")), BuildVersion.parse(status.getOrDefault("Version", "")));
  }

  @Override
  public boolean isCsAdministrator(Fqdn server) {
    return Boolean.parseBoolean(single("Test CsAdministrator membership", server,
        invocation("is-administrator").with("Server", server)).get("Member"));
  }

  @Override
  public void stageUpdate(Fqdn server, UpdatePackage update) {
    call("Stage update", server, invocation("stage-update").with("Server", server).with("Location", update.location())
        .with("Version", update.targetVersion()));
  }

  @Override
  public boolean installUpdate(Fqdn server, UpdatePackage update) {
    Map<String, String> result = single("update installer", server, invocation("install-update")
        .with("Server", server).with("Location", update.location()).with("Version", update.targetVersion()));
    int exitCode = integer("update installer", server, result.get("ExitCode"));
    if (exitCode != INSTALLER_SUCCESS && exitCode != INSTALLER_SUCCESS_RESTART_REQUIRED) {
      throw new UpdateInstallFailedException(server, exitCode, result.getOrDefault("Log", "next to the installer"));
    }
    return exitCode == INSTALLER_SUCCESS_RESTART_REQUIRED;
  }

  @Override
  public void restart(Fqdn server) {
    call("Restart-Computer", server, invocation("restart").with("Server", server));
  }

  @Override
  public void stopWebService(Fqdn server) {
    call("net stop w3svc", server, invocation("web-service").with("Server", server).with("Action", "stop"));
  }

  @Override
  public void startWebService(Fqdn server) {
    call("net start w3svc", server, invocation("web-service").with("Server", server).with("Action", "start"));
  }

  @Override
  public void updateDatabases(Fqdn pool, DatabaseUpdateVariant variant, Fqdn sqlServer) {
    call("Install-CsDatabase", sqlServer, invocation("update-databases").with("Pool", pool)
        .with("Variant", variant.name()).with("SqlServer", sqlServer));
  }

  @Override
  public void failOver(Fqdn pool, Fqdn partner) {
    call("Invoke-CsPoolFailOver", pool, invocation("fail-over").with("Pool", pool).with("Partner", partner));
  }

  @Override
  public void failBack(Fqdn pool, Fqdn partner) {
    call("Invoke-CsPoolFailBack", pool, invocation("fail-back").with("Pool", pool).with("Partner", partner));
  }

  /**
   * Lync Server 2013 reports no pool failover state that the SDK can read reliably, so unless a
   * deployment's script answers True or False, this throws and asks the operator to check.
   */
  @Override
  public boolean isFailedOver(Fqdn pool) {
    String answer = single("Get failover state", pool, invocation("failover-state").with("Pool", pool)).get("FailedOver");
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
    return call("Test-CsRegistration, Test-CsIM", pool, invocation("synthetic-transactions").with("Pool", pool))
        .objects().stream()
        .map(result -> new SyntheticTransactions.Result(result.getOrDefault("Test", "?"),
            "Success".equals(result.get("Result")), result.getOrDefault("Detail", "")))
        .toList();
  }

  /** Closes the PowerShell session or pool. */
  @Override
  public void close() {
    shell.closer().run();
  }

  private static PsInvocation invocation(String script) {
    return PsInvocation.of(PsScript.named(script));
  }

  private Map<String, String> single(String operation, Fqdn target, PsInvocation invocation) {
    return call(operation, target, invocation).first()
        .orElseThrow(() -> new DeploymentException(operation, target, "the script returned nothing"));
  }

  private PsReply call(String operation, Fqdn target, PsInvocation invocation) {
    PsReply reply;
    try {
      reply = shell.requests().apply(invocation);
    } catch (PowerShellException e) {
      throw new DeploymentException(operation, target, e.getMessage());
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

  private static List<Fqdn> fqdns(String commaSeparated) {
    return Arrays.stream(String.valueOf(commaSeparated == null ? "" : commaSeparated).split(","))
        .map(String::trim).filter(name -> !name.isEmpty()).map(Fqdn::of).toList();
  }

  private static PoolUpgradeState upgradeState(Fqdn host, String state) {
    return switch (String.valueOf(state)) {
      case "Ready" -> PoolUpgradeState.READY;
      case "Busy" -> PoolUpgradeState.BUSY;
      case "InsufficientActiveFrontEnds" -> PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS;
      default -> throw new DeploymentException("Get-CsPoolUpgradeReadinessState", host,
          "unknown PoolUpgradeState '" + state + "'");
    };
  }

  /** A number the script reported; anything else is a failure, never a default (an exit code of 0 means success). */
  private static int integer(String operation, Fqdn target, String text) {
    try {
      return Integer.parseInt(String.valueOf(text).trim());
    } catch (NumberFormatException e) {
      throw new DeploymentException(operation, target, "expected a number from the script, got '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return "PowerShellDeployment[" + shell.description() + "]";
  }
}
