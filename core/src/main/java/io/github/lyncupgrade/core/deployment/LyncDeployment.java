package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import java.util.Optional;

/**
 * What an executor needs from the real world to carry out an upgrade plan. The PowerShell
 * adapter implements it on real servers; the testkit's {@code FakeDeployment} implements it as
 * a faithful state machine in virtual time.
 *
 * <p>Every operation may take time (a graceful drain, an install, a restart) and returns when
 * it is done. A failure is a {@link DeploymentException}: {@link ServerUnreachableException}
 * when a server does not answer, {@link UpdateInstallFailedException} when the installer fails,
 * a plain {@code DeploymentException} for any other refusal. Implementations must be safe to
 * call from several threads (one per server of a domain).
 *
 * <p>These are the operations of Microsoft's seed procedure (FE, BE). What the companion rules
 * add comes in capabilities of their own ({@link DeploymentCapability}: {@link PoolFabric},
 * {@link ComputerFailover}, {@link DatabaseTests}, {@link TopologyPublishing},
 * {@link CentralManagementStoreFailover}), so a new rule adds a capability instead of breaking every
 * implementation; the executor refuses, before anything runs, a plan whose steps need one the
 * deployment lacks ({@link #capability}).
 */
public interface LyncDeployment {

  /**
   * This deployment's capability {@code type}, if it has one. By default the deployment itself
   * when it implements {@code type}; a wrapper around another deployment answers with the
   * capabilities of the one it wraps.
   */
  default <T extends DeploymentCapability> Optional<T> capability(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }

  /**
   * The clock this deployment's time passes on when it is not the real world's (a fake in
   * virtual time): an {@link io.github.lyncupgrade.core.run.Executor} built for it then uses that clock unless told otherwise,
   * and refuses another. Empty, by default, for a deployment of real servers, whose time is the
   * system's; a wrapper around another deployment answers with the one it wraps.
   */
  default Optional<UpgradeClock> ownClock() {
    return Optional.empty();
  }

  /**
   * {@code Get-CsPoolUpgradeReadinessState} ({@code Get-CsUpgradeDomainInfo} on Skype for Business
   * Server 2019, CR-4: {@code product} says which), run on {@code runOn}, a Front End of
   * {@code pool} (the cmdlet only runs locally): the pool's state and each domain's readiness
   * (FE-1, FE-2).
   */
  PoolReadiness poolReadiness(Fqdn pool, Fqdn runOn, ProductVersion product);

  /** {@code Stop-CsWindowsService}, with {@code -Graceful} when {@code graceful} (FE-2a, BE-4, BE-9). */
  void stopServices(Fqdn server, boolean graceful);

  /** {@code Start-CsWindowsService}. */
  void startServices(Fqdn server);

  /** The server's services, web service and installed build ({@code Get-CsWindowsService}, FE-2c). */
  ServerStatus serverStatus(Fqdn server);

  /** Whether the account the deployment acts as is a member of {@code CsAdministrator} on the server (BE-1). */
  boolean isCsAdministrator(Fqdn server);

  /** Copies the update to the server and extracts it to its local disk (BE-2). */
  void stageUpdate(Fqdn server, UpdatePackage update);

  /**
   * Runs the update installer on the server with {@code /silentmode} (FE-2b, BE-7, CR-3b, CR-8).
   *
   * @return whether the installer succeeded asking for a restart (exit code 3010)
   * @throws UpdateInstallFailedException for any exit code but 0 and 3010, with the installer's log location
   */
  boolean installUpdate(Fqdn server, UpdatePackage update);

  /** Restarts the server and returns once it is back (FE-2c). */
  void restart(Fqdn server);

  /** {@code net stop w3svc} (BE-5). */
  void stopWebService(Fqdn server);

  /** {@code net start w3svc} (BE-10). */
  void startWebService(Fqdn server);

  /** {@code Install-CsDatabase -Update} with {@code variant} for {@code pool}'s store on {@code sqlServer} (BE-11). */
  void updateDatabases(Fqdn pool, DatabaseUpdateVariant variant, Fqdn sqlServer);

  /**
   * Fails {@code pool} over to its disaster-recovery partner {@code partner} (FE-1c):
   * {@code Invoke-CsPoolFailOver}, with {@code -DisasterMode} only in {@link PoolFailoverMode#DISASTER}.
   */
  void failOver(Fqdn pool, Fqdn partner, PoolFailoverMode mode);

  /** Fails {@code pool} back from {@code partner} (SDK-3). */
  void failBack(Fqdn pool, Fqdn partner);

  /**
   * Whether {@code pool}'s users are on its disaster-recovery partner now, so that a failover
   * interrupted by a crash can be checked before it is redone.
   */
  boolean isFailedOver(Fqdn pool);
}
