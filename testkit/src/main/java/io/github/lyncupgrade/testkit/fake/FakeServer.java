package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.deployment.ServerUnreachableException;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One server of a fake deployment and its state machine ({@link ServerState}, w3svc, build,
 * services disabled by a computer failover), with what each operation does to it:
 * <ul>
 *   <li>a stop of a running Front End below its pool's quorum stops the pool's other Front Ends
 *       ({@link FakePool#enforceQuorum()}); a stop of stopped services stops nothing and is
 *       recorded as {@link FakeEvent.ServicesAlreadyStopped} (BE-9 after BE-4);</li>
 *   <li>the installer refuses a server whose Lync services run; a restart brings services and
 *       w3svc back, unless a computer failover disabled them (CR-3);</li>
 *   <li>a Back End is down while its w3svc is stopped (BE-5 to BE-10): 30 minutes or more puts
 *       the users of the pools it stores into resiliency mode (BE-0), recorded when it comes back.</li>
 * </ul>
 * Its operations run inside a call of the fake, under its lock.
 */
final class FakeServer {
  enum Role { FRONT_END, STANDARD_EDITION, BACK_END }

  private final Fqdn fqdn;
  private final FakePool home;
  private final String domain;
  private final Role role;
  private final List<FakePool> stores = new ArrayList<>();
  private final FakeTimings timings;
  private final Calls calls;
  private final FaultInjector faults;
  private final BuildVersion initialVersion;
  private ServerState state = ServerState.RUNNING;
  private boolean webServiceRunning = true;
  private boolean disabled;
  private boolean staged;
  private BuildVersion version;
  private Instant backEndDownSince;

  FakeServer(Fqdn fqdn, FakePool home, String domain, Role role, BuildVersion version, FakeTimings timings,
      Calls calls, FaultInjector faults) {
    this.fqdn = fqdn;
    this.home = home;
    this.domain = domain;
    this.role = role;
    this.initialVersion = version;
    this.version = version;
    this.timings = timings;
    this.calls = calls;
    this.faults = faults;
  }

  Fqdn fqdn() {
    return fqdn;
  }

  /** The pool it belongs to; a Back End that stores several pools, the first of them. */
  FakePool home() {
    return home;
  }

  boolean isFrontEnd() {
    return role == Role.FRONT_END;
  }

  FakeTimings timings() {
    return timings;
  }

  ServerState state() {
    return state;
  }

  boolean isUp() {
    return state.isUp();
  }

  BuildVersion version() {
    return version;
  }

  boolean isWebServiceRunning() {
    return webServiceRunning;
  }

  /** Whether it runs its services at a build other than the one it started at. */
  boolean isUpdatedAndRunning() {
    return !version.equals(initialVersion) && state == ServerState.RUNNING;
  }

  /** A Back End also stores {@code pool}. */
  void stores(FakePool pool) {
    stores.add(pool);
  }

  /** Set up as a previous run left it: at {@code build}, its initial build staying what it was. */
  void updatedAtStart(BuildVersion build) {
    version = build;
  }

  /** This server, once it is known to answer. */
  FakeServer reachable(Operation operation) {
    if (state == ServerState.UNREACHABLE) {
      throw new ServerUnreachableException(operation.command(), fqdn);
    }
    return this;
  }

  void stopServices(boolean graceful) {
    if (state != ServerState.RUNNING) {
      calls.record(new FakeEvent.ServicesAlreadyStopped(calls.now(), home.fqdn(), domain, fqdn, graceful));
      calls.elapse(timings.immediateStop()); // the cmdlet still looks at every service (BE-9 after BE-4)
      return;
    }
    boolean domainReady = isFrontEnd() && home.domainReadyForStop(domain);
    calls.record(new FakeEvent.ServicesStopped(calls.now(), home.fqdn(), domain, fqdn, graceful, domainReady));
    if (graceful) {
      transition(ServerState.DRAINING);
      calls.elapse(timings.gracefulStop());
    } else {
      calls.elapse(timings.immediateStop());
    }
    transition(ServerState.STOPPED);
    if (isFrontEnd()) {
      home.enforceQuorum();
    }
  }

  void startServices() {
    if (state == ServerState.RUNNING) {
      return;
    }
    if (disabled) {
      throw new DeploymentException(Operation.START_SERVICES.command(), fqdn, "its services are disabled by"
          + " Invoke-CsComputerFailOver; bring it back with Invoke-CsComputerFailBack");
    }
    calls.elapse(timings.startServices());
    if (servicesFailToStart()) {
      throw new DeploymentException(Operation.START_SERVICES.command(), fqdn, "the Lync services did not start");
    }
    bringUp();
  }

  ServerStatus status() {
    return new ServerStatus(fqdn, state.isUp(), webServiceRunning, version);
  }

  void stage() {
    calls.elapse(timings.stageUpdate());
    staged = true;
  }

  /** Runs the installer; true when it asks for a restart (exit code 3010). */
  boolean install(UpdatePackage update) {
    if (state == ServerState.RUNNING || state == ServerState.DRAINING) {
      throw new DeploymentException(Operation.INSTALL_UPDATE.command(), fqdn,
          "the Lync services are running; stop them first (Stop-CsWindowsService, FE-2a or BE-4)");
    }
    ServerState before = state;
    transition(ServerState.INSTALLING);
    calls.elapse(staged ? timings.install() : timings.stageUpdate().plus(timings.install()));
    staged = true;
    Optional<Fault.InstallFails> failure = faults.take(Fault.InstallFails.class, fault -> fault.server().equals(fqdn));
    transition(before);
    if (failure.isPresent()) {
      throw new UpdateInstallFailedException(fqdn, failure.get().exitCode(),
          "C:\\LyncUpdate\\LyncServerUpdateInstaller.log on " + fqdn);
    }
    BuildVersion from = version;
    version = update.targetVersion();
    calls.record(new FakeEvent.UpdateInstalled(calls.now(), fqdn, from, version));
    return faults.take(Fault.InstallRequiresRestart.class, fault -> fault.server().equals(fqdn)).isPresent();
  }

  void restart() {
    transition(ServerState.RESTARTING);
    webServiceRunning = false;
    calls.elapse(timings.restart());
    if (faults.take(Fault.NeverComesBack.class, fault -> fault.server().equals(fqdn)).isPresent()) {
      transition(ServerState.UNREACHABLE);
      throw new ServerUnreachableException(Operation.RESTART.command(), fqdn);
    }
    webServiceRunning = true;
    if (disabled || servicesFailToStart()) {
      transition(ServerState.STOPPED);
      return;
    }
    bringUp();
  }

  void setWebService(boolean running) {
    calls.elapse(timings.webService());
    webServiceRunning = running;
    for (FakePool pool : role == Role.BACK_END ? stores : List.of(home)) {
      calls.record(new FakeEvent.WebServiceChanged(calls.now(), pool.fqdn(), fqdn, running));
    }
    trackBackEndDowntime();
  }

  /** {@code Invoke-CsComputerFailOver}: drains, stops and disables its services (CR-3a). */
  void failOver(Duration drainingTimeout) {
    requireComputerFailover(Operation.COMPUTER_FAILOVER);
    if (disabled) {
      return;
    }
    if (state == ServerState.RUNNING) {
      calls.record(new FakeEvent.ServicesStopped(calls.now(), home.fqdn(), domain, fqdn, true,
          home.domainReadyForStop(domain)));
      transition(ServerState.DRAINING);
      calls.elapse(timings.gracefulStop().compareTo(drainingTimeout) < 0 ? timings.gracefulStop() : drainingTimeout);
      transition(ServerState.STOPPED);
    }
    disabled = true;
    calls.record(new FakeEvent.ComputerFailedOver(calls.now(), home.fqdn(), fqdn, drainingTimeout));
    home.enforceQuorum();
  }

  /** {@code Invoke-CsComputerFailBack}: enables and starts its services (CR-3c). */
  void failBack() {
    requireComputerFailover(Operation.COMPUTER_FAILBACK);
    if (!disabled) {
      throw new DeploymentException(Operation.COMPUTER_FAILBACK.command(), fqdn, fqdn + " is not failed over");
    }
    calls.elapse(timings.startServices());
    disabled = false;
    if (servicesFailToStart()) {
      throw new DeploymentException(Operation.COMPUTER_FAILBACK.command(), fqdn, "the Lync services did not start");
    }
    bringUp();
    calls.record(new FakeEvent.ComputerFailedBack(calls.now(), home.fqdn(), fqdn));
  }

  /** A Front End of an Enterprise pool whose product has computer failover (CR-3). */
  private void requireComputerFailover(Operation operation) {
    if (role != Role.FRONT_END) {
      throw new DeploymentException(operation.command(), fqdn, fqdn + " is not a Front End of an Enterprise pool");
    }
    ProductVersion product = home.model().product();
    if (!product.hasComputerFailover()) {
      throw new DeploymentException(operation.command(), fqdn, product + " has no " + operation);
    }
  }

  private boolean servicesFailToStart() {
    return faults.take(Fault.ServicesFailToStart.class, fault -> fault.server().equals(fqdn)).isPresent();
  }

  private void bringUp() {
    transition(ServerState.RUNNING);
    if (isFrontEnd()) {
      home.rebalanceFromNow();
    }
  }

  private void trackBackEndDowntime() {
    if (role != Role.BACK_END) {
      return;
    }
    if (!webServiceRunning && backEndDownSince == null) {
      backEndDownSince = calls.now();
    } else if (webServiceRunning && backEndDownSince != null) {
      Duration downtime = Duration.between(backEndDownSince, calls.now());
      backEndDownSince = null;
      for (FakePool pool : stores) {
        // a failed-over pool's users are on its partner: its Back End's downtime does not reach them
        calls.record(new FakeEvent.BackEndDowntime(calls.now(), pool.fqdn(), downtime,
            downtime.compareTo(BackEndDowntime.RESILIENCY_THRESHOLD) >= 0 && !pool.isFailedOver()));
      }
    }
  }

  /** Moves to {@code to}, recorded. */
  void transition(ServerState to) {
    ServerState from = state;
    state = to;
    calls.record(new FakeEvent.ServerStateChanged(calls.now(), home.fqdn(), domain, fqdn, from, to));
  }
}
