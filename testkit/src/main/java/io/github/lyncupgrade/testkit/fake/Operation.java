package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.model.ProductVersion;
import java.util.stream.Stream;

/**
 * The operations a {@link FakeDeployment} carries out, one per call of the deployment SPI: the
 * names its {@link History} records ({@link FakeEvent.OperationCalled}) and faults aim at
 * ({@link Fault#crashAfter}). Each names its target, the server or pool the call is
 * {@link FakeEvent.OperationCalled#target() recorded against}, and the
 * {@link FakeEvent.OperationCalled#arguments() arguments} recorded with it, named like the
 * cmdlet's parameters; {@link #command()} is the text the history shows.
 */
public enum Operation {
  /**
   * {@code Get-CsPoolUpgradeReadinessState} (FE-1, FE-2), as Lync Server 2013 and Skype for Business
   * Server 2015 have it. Target: the Front End it runs on. Arguments: {@code Pool}.
   */
  POOL_UPGRADE_READINESS("Get-CsPoolUpgradeReadinessState", Target.SERVER),
  /** {@code Get-CsUpgradeDomainInfo}: Skype for Business Server 2019's readiness cmdlet (CR-4), as {@link #POOL_UPGRADE_READINESS}. */
  UPGRADE_DOMAIN_INFO("Get-CsUpgradeDomainInfo", Target.SERVER),
  /** {@code Stop-CsWindowsService} (FE-2a, BE-4, BE-9). Target: the server. Arguments: {@code Graceful} (true or false). */
  STOP_SERVICES("Stop-CsWindowsService", Target.SERVER),
  /** {@code Start-CsWindowsService}. Target: the server. */
  START_SERVICES("Start-CsWindowsService", Target.SERVER),
  /** {@code Get-CsWindowsService}: services, w3svc and build (FE-2c). Target: the server. */
  SERVER_STATUS("Get-CsWindowsService", Target.SERVER),
  /** Whether the account is a member of {@code CsAdministrator} (BE-1). Target: the server. */
  ADMINISTRATOR_CHECK("Test CsAdministrator membership", Target.SERVER),
  /** Copying and extracting the update (BE-2). Target: the server. Arguments: {@code Update}, {@code TargetBuild}. */
  STAGE_UPDATE("Stage update", Target.SERVER),
  /** The update installer (FE-2b, BE-7, CR-8). Target: the server. Arguments: {@code Update}, {@code TargetBuild}. */
  INSTALL_UPDATE("LyncServerUpdateInstaller", Target.SERVER),
  /** {@code Restart-Computer} (FE-2c). Target: the server. */
  RESTART("Restart-Computer", Target.SERVER),
  /** {@code net stop w3svc} (BE-5). Target: the server. */
  STOP_WEB_SERVICE("net stop w3svc", Target.SERVER),
  /** {@code net start w3svc} (BE-10). Target: the server. */
  START_WEB_SERVICE("net start w3svc", Target.SERVER),
  /** {@code Install-CsDatabase -Update} (BE-11). Target: the SQL Server. Arguments: {@code Pool}, {@code Variant}. */
  UPDATE_DATABASES("Install-CsDatabase", Target.SQL_SERVER),
  /** {@code Test-CsDatabase -ConfiguredDatabases} (CR-7). Target: the SQL Server. Arguments: {@code Pool}. */
  TEST_DATABASES("Test-CsDatabase", Target.SQL_SERVER),
  /** {@code Publish-CsTopology} (CR-6). Target: the pool whose update asked for it. */
  PUBLISH_TOPOLOGY("Publish-CsTopology", Target.POOL),
  /** {@code Get-CsPoolFabricState} (CR-2, CR-3). Target: the pool. */
  FABRIC_STATE("Get-CsPoolFabricState", Target.POOL),
  /** {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} (CR-3). Target: the pool. */
  RESET_REGISTRAR_STATE("Reset-CsPoolRegistrarState", Target.POOL),
  /** {@code Invoke-CsComputerFailOver} (CR-3a). Target: the Front End. Arguments: {@code DrainingTimeout}. */
  COMPUTER_FAILOVER("Invoke-CsComputerFailOver", Target.SERVER),
  /** {@code Invoke-CsComputerFailBack} (CR-3c). Target: the Front End. */
  COMPUTER_FAILBACK("Invoke-CsComputerFailBack", Target.SERVER),
  /**
   * {@code Invoke-CsManagementServerFailover} (CR-9). Target: the pool that hosts the store.
   * Arguments: {@code BackupSqlServerFqdn}, {@code RunOn} (a server of the partner), {@code Mode}.
   */
  CENTRAL_MANAGEMENT_STORE_FAILOVER("Invoke-CsManagementServerFailover", Target.POOL),
  /** {@code Invoke-CsPoolFailOver} (FE-1c). Target: the pool. Arguments: {@code Partner}, {@code DisasterMode}. */
  POOL_FAILOVER("Invoke-CsPoolFailOver", Target.POOL),
  /** {@code Invoke-CsPoolFailBack} (SDK-3). Target: the pool. Arguments: {@code Partner}. */
  POOL_FAILBACK("Invoke-CsPoolFailBack", Target.POOL),
  /**
   * Whether the pool is failed over, asked to check a failover a crash interrupted. Target: the
   * pool. Lync Server 2013 has no cmdlet that says; the history shows the label
   * {@code Get-CsPoolFailoverState}.
   */
  FAILOVER_STATE("Get-CsPoolFailoverState", Target.POOL),
  /** {@code Test-CsRegistration} and {@code Test-CsIM} (a check between domains). Target: the pool. */
  SYNTHETIC_TRANSACTIONS("Test-CsRegistration, Test-CsIM", Target.POOL);

  /** What an operation's target is, so that a fault aimed at one can be checked against the topology. */
  enum Target {
    /** A Front End, Standard Edition or Back End server. */
    SERVER("server"),
    /** A pool. */
    POOL("pool"),
    /** What a pool's databases are reached through: its Back End, or its AlwaysOn listener (CR-6). */
    SQL_SERVER("database server");

    private final String description;

    Target(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private final String command;
  private final Target target;

  Operation(String command, Target target) {
    this.command = command;
    this.target = target;
  }

  /** The readiness cmdlet of {@code product} (CR-4). */
  public static Operation readinessOf(ProductVersion product) {
    String cmdlet = product.readinessCmdlet();
    return Stream.of(POOL_UPGRADE_READINESS, UPGRADE_DOMAIN_INFO).filter(readiness -> readiness.command.equals(cmdlet))
        .findFirst().orElseThrow(() -> new IllegalStateException(product + " reports readiness with " + cmdlet
            + ", which the fake does not model"));
  }

  /** What its target is. */
  Target target() {
    return target;
  }

  /** The command as the history shows it: {@code Stop-CsWindowsService}. */
  public String command() {
    return command;
  }

  /** {@link #command()}. */
  @Override
  public String toString() {
    return command;
  }
}
