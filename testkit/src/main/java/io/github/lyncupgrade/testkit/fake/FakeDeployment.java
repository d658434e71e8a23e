package io.github.lyncupgrade.testkit.fake;

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
import io.github.lyncupgrade.core.deployment.RoutingGroup;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.deployment.ServerUnreachableException;
import io.github.lyncupgrade.core.deployment.SyntheticTransactions;
import io.github.lyncupgrade.core.deployment.TopologyPublishing;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A faithful fake of a Lync Server 2013, Skype for Business Server 2015 or 2019 deployment: a
 * state machine per server and per pool, in virtual time, with scripted faults and a full
 * {@link History}.
 *
 * <p>Rules it keeps, as a real deployment would:
 * <ul>
 *   <li>Pool readiness (FE-1): InsufficientActiveFrontEnds when fewer Front Ends run than
 *       Microsoft's quorum table needs ({@link PoolQuorum}); Busy for {@link FakeTimings#rebalance()}
 *       after a Front End comes back; Ready otherwise. A domain is ReadyForUpgrade (FE-2) only
 *       when the pool is Ready and every Front End of the pool's other domains runs.</li>
 *   <li>Quorum: when a stop leaves fewer Front Ends running than the quorum, the remaining ones
 *       stop their services too ({@link FakeEvent.QuorumLost}).</li>
 *   <li>The installer refuses a server whose Lync services run; a restart brings services and
 *       w3svc back.</li>
 *   <li>Back End downtime (BE-0): an Enterprise pool's Back End is down while its w3svc is
 *       stopped (BE-5 to BE-10); 30 minutes or more puts the pool's users into resiliency mode,
 *       recorded when it comes back. A Standard Edition server's users are simply offline
 *       while it is, which its state changes show.</li>
 *   <li>{@code Install-CsDatabase} with a variant other than the pool's (BE-11a/b/c) fails.</li>
 *   <li>Failover needs the pool's own partner; failback needs a failover first. The pool that
 *       hosts the Central Management Store fails over only once the store has moved (CR-9).</li>
 *   <li>The readiness cmdlet is the pool's product's (CR-4); {@code Invoke-CsComputerFailOver}
 *       exists from Skype for Business Server 2015 on, and leaves the server's services stopped
 *       and disabled, through restarts, until {@code Invoke-CsComputerFailBack} (CR-3).</li>
 *   <li>{@code Get-CsPoolFabricState}: one routing group per Front End, its primary and up to two
 *       secondaries on the next running Front Ends in topology order; stable while nothing fails
 *       (a {@link Fault#routingGroupsMove} moves them). Replicas are missing only under a
 *       {@link Fault#replicasMissing}, until {@code Reset-CsPoolRegistrarState}, or for a group
 *       with no running Front End.</li>
 *   <li>Databases: a pool's own databases ({@code rtcxds, rtcshared, rtcab, rtcdyn}) expect the
 *       newest build installed on any of its servers and hold the build of the last
 *       {@code Install-CsDatabase}; collocated databases are not changed by an update. The update
 *       targets the AlwaysOn listener where there is one; on a mirrored store it fails unless the
 *       builder says the update supports mirroring (CR-5).</li>
 * </ul>
 *
 * <p>Every operation takes its {@link FakeTimings} duration on the {@link VirtualClock}.
 * Thread-safe: operations hold a lock except while their time passes, so operations on several
 * servers overlap in virtual time when an executor runs them on several threads (see
 * {@link VirtualClock}). {@link #close()} ends it; later calls fail.
 */
public final class FakeDeployment implements LyncDeployment, PoolFabric, ComputerFailover, DatabaseTests,
    TopologyPublishing, CentralManagementStoreFailover, SyntheticTransactions, AutoCloseable {
  /** The build every server has unless told otherwise: Lync Server 2013 RTM. */
  public static final BuildVersion DEFAULT_INITIAL_VERSION = BuildVersion.parse("5.0.8308.0");

  private static final List<String> POOL_DATABASES = List.of("rtcxds", "rtcshared", "rtcab", "rtcdyn");

  private enum Role { FRONT_END, STANDARD_EDITION, BACK_END }

  /** A server's mutable state. */
  private static final class Node {
    final Fqdn fqdn;
    final Fqdn pool;
    final String domain;
    final Role role;
    final List<Fqdn> storesOf = new ArrayList<>();
    ServerState state = ServerState.RUNNING;
    boolean webServiceRunning = true;
    boolean disabled;
    boolean staged;
    final BuildVersion initialVersion;
    BuildVersion version;
    Instant backEndDownSince;

    Node(Fqdn fqdn, Fqdn pool, String domain, Role role, BuildVersion version) {
      this.fqdn = fqdn;
      this.pool = pool;
      this.domain = domain;
      this.role = role;
      this.initialVersion = version;
      this.version = version;
    }
  }

  /** A pool's mutable state. */
  private static final class PoolState {
    final Pool pool;
    boolean failedOver;
    boolean storeMoved;
    Instant rebalancedAt = Instant.MIN;
    int fabricQueries;
    int fabricShift;
    final Map<String, BuildVersion> databases = new LinkedHashMap<>();

    PoolState(Pool pool, BuildVersion initialVersion) {
      this.pool = pool;
      POOL_DATABASES.forEach(name -> databases.put(name, initialVersion));
    }
  }

  private final Topology topology;
  private final VirtualClock clock;
  private final FakeTimings timings;
  private final boolean csAdministrator;
  private final boolean mirroredUpdateSupported;
  private final Map<Fqdn, Node> nodes = new LinkedHashMap<>();
  private final Map<Fqdn, PoolState> pools = new LinkedHashMap<>();
  private final List<Fault> pendingFaults;
  private final List<FakeEvent> events = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private int calls;
  private boolean closed;

  private FakeDeployment(Builder builder) {
    this.topology = builder.topology;
    this.clock = builder.clock;
    this.timings = builder.timings;
    this.csAdministrator = builder.csAdministrator;
    this.mirroredUpdateSupported = builder.mirroredUpdateSupported;
    this.pendingFaults = new ArrayList<>(builder.faults.faults());
    for (Pool pool : topology.pools()) {
      BuildVersion initial = builder.initialVersion != null ? builder.initialVersion : initialVersionOf(pool.product());
      pools.put(pool.fqdn(), new PoolState(pool, initial));
      if (pool instanceof EnterprisePool enterprise) {
        for (UpgradeDomain domain : enterprise.upgradeDomains()) {
          for (Server server : domain.servers()) {
            addNode(new Node(server.fqdn(), pool.fqdn(), domain.name(), Role.FRONT_END, initial));
          }
        }
        Node backEnd = nodes.computeIfAbsent(pool.backEndHost(),
            host -> new Node(host, pool.fqdn(), "", Role.BACK_END, initial));
        backEnd.storesOf.add(pool.fqdn());
      } else {
        addNode(new Node(pool.backEndHost(), pool.fqdn(), "", Role.STANDARD_EDITION, initial));
      }
    }
    for (Fqdn down : builder.downAtStart) {
      transition(node(down), ServerState.STOPPED);
    }
    builder.updatedAtStart.forEach((server, build) -> node(server).version = build);
    for (Fqdn pool : builder.failedOverAtStart) {
      poolState(pool).failedOver = true;
    }
  }

  /**
   * The build a server of {@code product} starts at unless the builder says otherwise: the
   * product's release build (5.0.8308.0, 6.0.9319.0, 7.0.2046.0).
   */
  public static BuildVersion initialVersionOf(ProductVersion product) {
    return switch (product) {
      case LYNC_SERVER_2013 -> DEFAULT_INITIAL_VERSION;
      case SKYPE_FOR_BUSINESS_SERVER_2015 -> BuildVersion.parse("6.0.9319.0");
      case SKYPE_FOR_BUSINESS_SERVER_2019 -> BuildVersion.parse("7.0.2046.0");
    };
  }

  private void addNode(Node node) {
    nodes.put(node.fqdn, node);
  }

  /** A fake of {@code topology} with default timings, no faults, on a new virtual clock. */
  public static FakeDeployment of(Topology topology) {
    return builder(topology).build();
  }

  /** A builder for a fake of {@code topology}. */
  public static Builder builder(Topology topology) {
    return new Builder(requireNonNull(topology, "topology"));
  }

  /** The topology this fake was built from. */
  public Topology topology() {
    return topology;
  }

  /** The virtual clock every operation advances. */
  public VirtualClock clock() {
    return clock;
  }

  /** A snapshot of everything that happened so far. */
  public History history() {
    return locked(() -> new History(events, topology));
  }

  /** The faults not yet spent. */
  public List<Fault> pendingFaults() {
    return locked(() -> List.copyOf(pendingFaults));
  }

  /** The current state of {@code server}. */
  public ServerState state(String server) {
    return locked(() -> node(Fqdn.of(server)).state);
  }

  /** The build installed on {@code server}. */
  public BuildVersion version(String server) {
    return locked(() -> node(Fqdn.of(server)).version);
  }

  /**
   * Whether {@code pool} is failed over to its partner now. An inspection for tests: unlike the
   * {@link LyncDeployment} operations it is not recorded as a call.
   */
  public boolean isFailedOver(String pool) {
    return locked(() -> poolState(Fqdn.of(pool)).failedOver);
  }

  // ---- LyncDeployment ----

  @Override
  public PoolReadiness poolReadiness(Fqdn pool, Fqdn runOn, ProductVersion product) {
    String cmdlet = product.readinessCmdlet();
    return call(cmdlet, runOn, () -> {
      PoolState state = poolState(pool);
      if (!(state.pool instanceof EnterprisePool enterprise)) {
        throw new DeploymentException(cmdlet, pool, "a Standard Edition pool has no upgrade domains to report");
      }
      if (!cmdlet.equals(state.pool.product().readinessCmdlet())) {
        throw new DeploymentException(cmdlet, runOn, pool + " runs " + state.pool.product() + ", whose readiness"
            + " cmdlet is " + state.pool.product().readinessCmdlet() + "; " + cmdlet + " is not there (CR-4)");
      }
      Node host = reachable(cmdlet, runOn);
      if (!pool.equals(host.pool) || host.role != Role.FRONT_END) {
        throw new DeploymentException(cmdlet, runOn,
            runOn + " is not a Front End of " + pool + "; the cmdlet only runs locally on one");
      }
      if (!host.state.isUp()) {
        throw new DeploymentException(cmdlet, runOn, "Lync services are not running on " + runOn);
      }
      elapse(timings.readinessCheck());
      PoolUpgradeState upgradeState = reportedState(state, enterprise);
      List<DomainReadiness> domains = new ArrayList<>();
      for (UpgradeDomain domain : enterprise.upgradeDomains()) {
        domains.add(new DomainReadiness(domain.name(), domain.servers().stream().map(Server::fqdn).toList(),
            upgradeState == PoolUpgradeState.READY && otherDomainsUp(enterprise, domain.name())));
      }
      PoolReadiness readiness = new PoolReadiness(pool, upgradeState, enterprise.frontEnds().size(),
          runningFrontEnds(enterprise).size(), domains);
      record(new FakeEvent.ReadinessReported(clock.now(), readiness));
      return readiness;
    });
  }

  @Override
  public void stopServices(Fqdn server, boolean graceful) {
    run("Stop-CsWindowsService", server, () -> {
      Node node = reachable("Stop-CsWindowsService", server);
      if (node.state != ServerState.RUNNING) {
        elapse(timings.immediateStop()); // the cmdlet still looks at every service (BE-9 after BE-4)
        return;
      }
      boolean domainReady = node.role == Role.FRONT_END && domainReadyForStop(node);
      record(new FakeEvent.ServicesStopped(clock.now(), node.pool, node.domain, server, graceful, domainReady));
      if (graceful) {
        transition(node, ServerState.DRAINING);
        elapse(timings.gracefulStop());
      } else {
        elapse(timings.immediateStop());
      }
      transition(node, ServerState.STOPPED);
      if (node.role == Role.FRONT_END) {
        enforceQuorum((EnterprisePool) poolState(node.pool).pool);
      }
    });
  }

  @Override
  public void startServices(Fqdn server) {
    run("Start-CsWindowsService", server, () -> {
      Node node = reachable("Start-CsWindowsService", server);
      if (node.state == ServerState.RUNNING) {
        return;
      }
      if (node.disabled) {
        throw new DeploymentException("Start-CsWindowsService", server, "its services are disabled by"
            + " Invoke-CsComputerFailOver; bring it back with Invoke-CsComputerFailBack");
      }
      elapse(timings.startServices());
      if (takeFault(Fault.ServicesFailToStart.class, fault -> fault.server().equals(server)).isPresent()) {
        throw new DeploymentException("Start-CsWindowsService", server, "the Lync services did not start");
      }
      bringUp(node);
    });
  }

  @Override
  public ServerStatus serverStatus(Fqdn server) {
    return call("Get-CsWindowsService", server, () -> {
      Node node = reachable("Get-CsWindowsService", server);
      return new ServerStatus(server, node.state.isUp(), node.webServiceRunning, node.version);
    });
  }

  @Override
  public boolean isCsAdministrator(Fqdn server) {
    return call("Test CsAdministrator membership", server, () -> {
      reachable("Test CsAdministrator membership", server);
      return csAdministrator;
    });
  }

  @Override
  public void stageUpdate(Fqdn server, UpdatePackage update) {
    requireNonNull(update, "update");
    run("Stage update", server, () -> {
      Node node = reachable("Stage update", server);
      elapse(timings.stageUpdate());
      node.staged = true;
    });
  }

  @Override
  public boolean installUpdate(Fqdn server, UpdatePackage update) {
    requireNonNull(update, "update");
    return call("LyncServerUpdateInstaller", server, () -> {
      Node node = reachable("LyncServerUpdateInstaller", server);
      if (node.state == ServerState.RUNNING || node.state == ServerState.DRAINING) {
        throw new DeploymentException("LyncServerUpdateInstaller", server,
            "the Lync services are running; stop them first (Stop-CsWindowsService, FE-2a or BE-4)");
      }
      ServerState before = node.state;
      transition(node, ServerState.INSTALLING);
      elapse(node.staged ? timings.install() : timings.stageUpdate().plus(timings.install()));
      node.staged = true;
      Optional<Fault.InstallFails> failure =
          takeFault(Fault.InstallFails.class, fault -> fault.server().equals(server));
      transition(node, before);
      if (failure.isPresent()) {
        throw new UpdateInstallFailedException(server, failure.get().exitCode(),
            "C:\\LyncUpdate\\LyncServerUpdateInstaller.log on " + server);
      }
      BuildVersion from = node.version;
      node.version = update.targetVersion();
      record(new FakeEvent.UpdateInstalled(clock.now(), server, from, node.version));
      return takeFault(Fault.InstallRequiresRestart.class, fault -> fault.server().equals(server)).isPresent();
    });
  }

  @Override
  public void restart(Fqdn server) {
    run("Restart-Computer", server, () -> {
      Node node = reachable("Restart-Computer", server);
      transition(node, ServerState.RESTARTING);
      node.webServiceRunning = false;
      elapse(timings.restart());
      if (takeFault(Fault.NeverComesBack.class, fault -> fault.server().equals(server)).isPresent()) {
        transition(node, ServerState.UNREACHABLE);
        throw new ServerUnreachableException("Restart-Computer", server);
      }
      node.webServiceRunning = true;
      if (node.disabled
          || takeFault(Fault.ServicesFailToStart.class, fault -> fault.server().equals(server)).isPresent()) {
        transition(node, ServerState.STOPPED);
        return;
      }
      bringUp(node);
    });
  }

  @Override
  public void stopWebService(Fqdn server) {
    setWebService("net stop w3svc", server, false);
  }

  @Override
  public void startWebService(Fqdn server) {
    setWebService("net start w3svc", server, true);
  }

  private void setWebService(String operation, Fqdn server, boolean running) {
    run(operation, server, () -> {
      Node node = reachable(operation, server);
      elapse(timings.webService());
      node.webServiceRunning = running;
      for (Fqdn pool : node.role == Role.BACK_END ? node.storesOf : List.of(node.pool)) {
        record(new FakeEvent.WebServiceChanged(clock.now(), pool, server, running));
      }
      trackBackEndDowntime(node);
    });
  }

  @Override
  public void updateDatabases(Fqdn pool, DatabaseUpdateVariant variant, Fqdn sqlServer) {
    requireNonNull(variant, "variant");
    run("Install-CsDatabase", sqlServer, () -> {
      PoolState state = store("Install-CsDatabase", pool, sqlServer);
      if (isMirrored(state.pool) && !mirroredUpdateSupported) {
        throw new DeploymentException("Install-CsDatabase", sqlServer, "Install-CsDatabase -Update cannot be used"
            + " against mirrored databases; remove the mirror first (CR-5)");
      }
      elapse(timings.databaseUpdate());
      DatabaseUpdateVariant expected = DatabaseUpdateVariant.forPool(state.pool);
      record(new FakeEvent.DatabasesUpdated(clock.now(), pool, variant, expected));
      if (variant != expected) {
        throw new DeploymentException("Install-CsDatabase", sqlServer, "pool " + pool + " needs "
            + expected.command(sqlServer) + " (" + expected.rule() + "), not " + variant.command(sqlServer));
      }
      Optional<Fault.DatabaseUpdateIncomplete> incomplete =
          takeFault(Fault.DatabaseUpdateIncomplete.class, fault -> fault.pool().equals(pool));
      BuildVersion expectedBuild = expectedDatabaseBuild(state.pool);
      state.databases.replaceAll((name, build) ->
          incomplete.isPresent() && incomplete.get().database().equals(name) ? build : expectedBuild);
    });
  }

  @Override
  public List<DatabaseCheck> testDatabases(Fqdn pool, Fqdn sqlServer) {
    return call("Test-CsDatabase", sqlServer, () -> {
      PoolState state = store("Test-CsDatabase", pool, sqlServer);
      elapse(timings.readinessCheck());
      String expected = expectedDatabaseBuild(state.pool).toString();
      List<DatabaseCheck> checks = new ArrayList<>();
      String store = sqlServer.toString();
      state.databases.forEach((name, build) -> checks.add(new DatabaseCheck(name, store, expected, build.toString())));
      if (state.pool instanceof EnterprisePool enterprise) {
        String unchanged = initialVersionOf(state.pool.product()).toString();
        for (CollocatedDatabase collocated : enterprise.backEnd().collocatedDatabases()) {
          String name = collocated.name().toLowerCase(Locale.ROOT);
          checks.add(new DatabaseCheck(name, store, unchanged, unchanged));
        }
      }
      record(new FakeEvent.DatabasesTested(clock.now(), pool, checks));
      return List.copyOf(checks);
    });
  }

  @Override
  public void publishTopology(Fqdn pool) {
    run("Publish-CsTopology", pool, () -> {
      poolState(pool);
      elapse(timings.webService());
      record(new FakeEvent.TopologyPublished(clock.now(), pool));
    });
  }

  @Override
  public PoolFabricState fabricState(Fqdn pool) {
    return call("Get-CsPoolFabricState", pool, () -> {
      PoolState state = poolState(pool);
      if (!(state.pool instanceof EnterprisePool enterprise)) {
        throw new DeploymentException("Get-CsPoolFabricState", pool, "a Standard Edition pool has no pool fabric");
      }
      elapse(timings.readinessCheck());
      if (state.fabricQueries++ > 0
          && takeFault(Fault.RoutingGroupsMove.class, fault -> fault.pool().equals(pool)).isPresent()) {
        state.fabricShift++;
      }
      PoolFabricState fabric = fabric(enterprise, state.fabricShift);
      record(new FakeEvent.FabricStateReported(clock.now(), fabric));
      return fabric;
    });
  }

  @Override
  public void resetRegistrarState(Fqdn pool) {
    run("Reset-CsPoolRegistrarState", pool, () -> {
      poolState(pool);
      elapse(timings.readinessCheck());
      pendingFaults.removeIf(fault -> fault instanceof Fault.ReplicasMissing missing && missing.pool().equals(pool));
      record(new FakeEvent.RegistrarStateReset(clock.now(), pool));
    });
  }

  @Override
  public void failOverComputer(Fqdn server, Duration drainingTimeout) {
    requireNonNull(drainingTimeout, "drainingTimeout");
    run("Invoke-CsComputerFailOver", server, () -> {
      Node node = computerOfAFailoverPool("Invoke-CsComputerFailOver", server);
      if (node.disabled) {
        return;
      }
      if (node.state == ServerState.RUNNING) {
        record(new FakeEvent.ServicesStopped(clock.now(), node.pool, node.domain, server, true,
            domainReadyForStop(node)));
        transition(node, ServerState.DRAINING);
        elapse(timings.gracefulStop().compareTo(drainingTimeout) < 0 ? timings.gracefulStop() : drainingTimeout);
        transition(node, ServerState.STOPPED);
      }
      node.disabled = true;
      record(new FakeEvent.ComputerFailedOver(clock.now(), node.pool, server, drainingTimeout));
      enforceQuorum((EnterprisePool) poolState(node.pool).pool);
    });
  }

  @Override
  public void failBackComputer(Fqdn server) {
    run("Invoke-CsComputerFailBack", server, () -> {
      Node node = computerOfAFailoverPool("Invoke-CsComputerFailBack", server);
      if (!node.disabled) {
        throw new DeploymentException("Invoke-CsComputerFailBack", server, server + " is not failed over");
      }
      elapse(timings.startServices());
      node.disabled = false;
      if (takeFault(Fault.ServicesFailToStart.class, fault -> fault.server().equals(server)).isPresent()) {
        throw new DeploymentException("Invoke-CsComputerFailBack", server, "the Lync services did not start");
      }
      bringUp(node);
      record(new FakeEvent.ComputerFailedBack(clock.now(), node.pool, server));
    });
  }

  /**
   * Moves the store; refuses, as the cmdlet's reference asks, to run anywhere but on a server of
   * the partner pool that takes it.
   */
  @Override
  public void failOverCentralManagementStore(Fqdn pool, String backupStore, Fqdn runOn, PoolFailoverMode mode) {
    requireNonNull(backupStore, "backupStore");
    requireNonNull(runOn, "runOn");
    requireNonNull(mode, "mode");
    run("Invoke-CsManagementServerFailover", pool, () -> {
      PoolState state = poolState(pool);
      if (!topology.hostsCentralManagementStore(pool)) {
        throw new DeploymentException("Invoke-CsManagementServerFailover", pool,
            pool + " does not host the Central Management Store");
      }
      Fqdn partner = state.pool.partnerPool().orElseThrow(() -> new DeploymentException(
          "Invoke-CsManagementServerFailover", pool, pool + " has no disaster-recovery partner to take the store"));
      if (poolState(partner).pool.frontEnds().stream().noneMatch(server -> server.fqdn().equals(runOn))) {
        throw new DeploymentException("Invoke-CsManagementServerFailover", runOn, runOn + " is not a server of "
            + partner + ", the pool that takes the store; the cmdlet runs there");
      }
      if (state.storeMoved) {
        return;
      }
      elapse(timings.failover());
      state.storeMoved = true;
      record(new FakeEvent.CentralManagementStoreMoved(clock.now(), pool, backupStore));
    });
  }

  /**
   * Fails the pool over; a planned failover (no {@code -DisasterMode}) needs the pool to run,
   * so it is refused when none of its Front Ends is up.
   */
  @Override
  public void failOver(Fqdn pool, Fqdn partner, PoolFailoverMode mode) {
    requireNonNull(mode, "mode");
    run("Invoke-CsPoolFailOver", pool, () -> {
      PoolState state = pairedPool("Invoke-CsPoolFailOver", pool, partner);
      if (mode == PoolFailoverMode.PLANNED
          && state.pool.frontEnds().stream().noneMatch(server -> nodes.get(server.fqdn()).state.isUp())) {
        throw new DeploymentException("Invoke-CsPoolFailOver", pool, "none of its Front Ends runs, so the pool can"
            + " only be failed over in disaster mode (-DisasterMode; PlanOptions.poolFailoverMode(DISASTER))");
      }
      if (state.failedOver) {
        throw new DeploymentException("Invoke-CsPoolFailOver", pool, "the pool is already failed over to " + partner);
      }
      if (poolState(partner).failedOver) {
        throw new DeploymentException("Invoke-CsPoolFailOver", pool,
            "its partner " + partner + " is itself failed over and cannot take its users");
      }
      if (topology.hostsCentralManagementStore(pool) && !state.storeMoved) {
        throw new DeploymentException("Invoke-CsPoolFailOver", pool, "the pool hosts the Central Management Store;"
            + " fail the store over first (Invoke-CsManagementServerFailover, CR-9)");
      }
      elapse(timings.failover());
      state.failedOver = true;
      record(new FakeEvent.PoolFailedOver(clock.now(), pool, partner));
    });
  }

  @Override
  public void failBack(Fqdn pool, Fqdn partner) {
    run("Invoke-CsPoolFailBack", pool, () -> {
      PoolState state = pairedPool("Invoke-CsPoolFailBack", pool, partner);
      if (!state.failedOver) {
        throw new DeploymentException("Invoke-CsPoolFailBack", pool, "the pool is not failed over");
      }
      elapse(timings.failover());
      state.failedOver = false;
      record(new FakeEvent.PoolFailedBack(clock.now(), pool, partner));
    });
  }

  @Override
  public boolean isFailedOver(Fqdn pool) {
    return call("Get-CsPoolFailoverState", pool, () -> poolState(pool).failedOver);
  }

  /**
   * {@code Test-CsRegistration} and {@code Test-CsIM} against {@code pool}: they pass when every
   * Front End of the pool runs, unless a {@link Fault#syntheticTransactionsFail} says otherwise.
   */
  @Override
  public List<SyntheticTransactions.Result> syntheticTransactions(Fqdn pool) {
    return call("Test-CsRegistration, Test-CsIM", pool, () -> {
      Pool target = poolState(pool).pool;
      boolean allUp = target.frontEnds().stream().allMatch(server -> nodes.get(server.fqdn()).state.isUp());
      boolean injected = takeFault(Fault.SyntheticTransactionsFail.class, fault -> fault.pool().equals(pool))
          .isPresent();
      return List.of(new SyntheticTransactions.Result("Test-CsRegistration", allUp, allUp ? "Success"
              : "a Front End of " + pool + " is down"),
          new SyntheticTransactions.Result("Test-CsIM", allUp && !injected, allUp && !injected ? "Success"
              : "Failure: the instant message was not delivered (504 Server time-out)"));
    });
  }

  /** Ends the fake; any later operation fails with {@link IllegalStateException}. */
  @Override
  public void close() {
    locked(() -> closed = true);
  }

  // ---- the machinery ----

  private void run(String operation, Fqdn target, Runnable body) {
    call(operation, target, () -> {
      body.run();
      return null;
    });
  }

  /** Counts and records the call, runs it, then crashes the controlling process if a fault says so. */
  private <T> T call(String operation, Fqdn target, Supplier<T> body) {
    requireNonNull(target, "target");
    return locked(() -> callLocked(operation, target, body));
  }

  private <T> T callLocked(String operation, Fqdn target, Supplier<T> body) {
    if (closed) {
      throw new IllegalStateException("this FakeDeployment is closed (its test has ended); make a new one");
    }
    int call = ++calls;
    record(new FakeEvent.OperationCalled(clock.now(), call, operation, target));
    armFaultsHeldBack();
    failIfInjected(call, false, operation, target);
    try {
      T result = body.get();
      failIfInjected(call, true, operation, target);
      return result;
    } finally {
      if (takeFault(Fault.CrashAfterCall.class, fault -> fault.call() == call).isPresent()) {
        throw new SimulatedCrash(call, operation);
      }
    }
  }

  private <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets {@code duration} of virtual time pass with the lock released, so operations on other
   * servers go on meanwhile, as they would on a real deployment. If the controlling thread is
   * interrupted (its run crashed), the operation still completes on the server, at once.
   */
  private void elapse(Duration duration) {
    lock.unlock();
    try {
      clock.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.lock();
    }
  }

  private void failIfInjected(int call, boolean afterEffect, String operation, Fqdn target) {
    if (takeFault(Fault.CallFails.class, fault -> fault.call() == call && fault.afterItsEffect() == afterEffect)
        .isPresent()) {
      throw new DeploymentException(operation, target, "the connection was lost"
          + (afterEffect ? " after the operation took effect; its answer never came" : "; nothing was done"));
    }
  }

  private PoolUpgradeState reportedState(PoolState state, EnterprisePool pool) {
    Fqdn fqdn = pool.fqdn();
    if (takeCheckFault(fqdn, false)) {
      return PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS;
    }
    if (!quorumMet(pool)) {
      return PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS;
    }
    if (takeCheckFault(fqdn, true) || busyLater(fqdn)) {
      return PoolUpgradeState.BUSY;
    }
    return clock.now().isBefore(state.rebalancedAt) ? PoolUpgradeState.BUSY : PoolUpgradeState.READY;
  }

  /** Counts one check down on a pending {@link Fault#busyLater}; true when it strikes. */
  /** A fault held back for a domain ({@link Fault#beforeDomain}) becomes pending once its domain is next. */
  private void armFaultsHeldBack() {
    for (int i = 0; i < pendingFaults.size(); i++) {
      if (pendingFaults.get(i) instanceof Fault.BeforeDomain held && domainIsNext(held.pool(), held.upgradeDomain())) {
        pendingFaults.set(i, held.fault());
      }
    }
  }

  /** Whether every Front End of the domains before {@code domain} of {@code pool} is updated and running. */
  private boolean domainIsNext(Fqdn pool, String domain) {
    if (!(poolState(pool).pool instanceof EnterprisePool enterprise) || enterprise.upgradeDomain(domain).isEmpty()) {
      throw new IllegalArgumentException("a fault is held back for " + domain + " of " + pool
          + ", which is no upgrade domain of an Enterprise pool of the fake's topology");
    }
    for (UpgradeDomain before : enterprise.upgradeDomains()) {
      if (before.name().equals(domain)) {
        return true;
      }
      for (Server server : before.servers()) {
        Node node = node(server.fqdn());
        if (node.version.equals(node.initialVersion) || node.state != ServerState.RUNNING) {
          return false;
        }
      }
    }
    throw new AssertionError("unreachable: the domain is one of the pool's");
  }

  private boolean busyLater(Fqdn pool) {
    for (int i = 0; i < pendingFaults.size(); i++) {
      if (pendingFaults.get(i) instanceof Fault.BusyLater later && later.pool().equals(pool)) {
        if (later.afterChecks() > 0) {
          pendingFaults.set(i, new Fault.BusyLater(pool, later.afterChecks() - 1));
          return false;
        }
        pendingFaults.remove(i);
        record(new FakeEvent.FaultFired(clock.now(), later));
        return true;
      }
    }
    return false;
  }

  /** Spends one check of a pending Busy ({@code busy}) or InsufficientActiveFrontEnds fault for {@code pool}. */
  private boolean takeCheckFault(Fqdn pool, boolean busy) {
    for (int i = 0; i < pendingFaults.size(); i++) {
      Fault fault = pendingFaults.get(i);
      int checks;
      if (busy && fault instanceof Fault.Busy busyFault && busyFault.pool().equals(pool)) {
        checks = busyFault.checks();
      } else if (!busy && fault instanceof Fault.InsufficientActiveFrontEnds insufficient
          && insufficient.pool().equals(pool)) {
        checks = insufficient.checks();
      } else {
        continue;
      }
      record(new FakeEvent.FaultFired(clock.now(), fault));
      if (checks == 1) {
        pendingFaults.remove(i);
      } else {
        pendingFaults.set(i, busy ? new Fault.Busy(pool, checks - 1)
            : new Fault.InsufficientActiveFrontEnds(pool, checks - 1));
      }
      return true;
    }
    return false;
  }

  private <F extends Fault> Optional<F> takeFault(Class<F> type, Predicate<F> matches) {
    for (int i = 0; i < pendingFaults.size(); i++) {
      Fault fault = pendingFaults.get(i);
      if (type.isInstance(fault) && matches.test(type.cast(fault))) {
        pendingFaults.remove(i);
        record(new FakeEvent.FaultFired(clock.now(), fault));
        return Optional.of(type.cast(fault));
      }
    }
    return Optional.empty();
  }

  /** A Front End of an Enterprise pool whose product has computer failover (CR-3). */
  private Node computerOfAFailoverPool(String operation, Fqdn server) {
    Node node = reachable(operation, server);
    if (node.role != Role.FRONT_END) {
      throw new DeploymentException(operation, server, server + " is not a Front End of an Enterprise pool");
    }
    ProductVersion product = poolState(node.pool).pool.product();
    if (!product.hasComputerFailover()) {
      throw new DeploymentException(operation, server, product + " has no " + operation);
    }
    return node;
  }

  /** The pool's state, once {@code sqlServer} is checked to be what its databases are updated through. */
  private PoolState store(String operation, Fqdn pool, Fqdn sqlServer) {
    PoolState state = poolState(pool);
    reachable(operation, state.pool.backEndHost());
    Fqdn target = state.pool.databaseTarget();
    if (!target.equals(sqlServer)) {
      throw new DeploymentException(operation, sqlServer, "the databases of " + pool + " are reached through "
          + target + ", not " + sqlServer);
    }
    return state;
  }

  private static boolean isMirrored(Pool pool) {
    return pool instanceof EnterprisePool enterprise
        && enterprise.backEnd().highAvailability() == BackEndHighAvailability.MIRRORED;
  }

  /** The newest build on any server of the pool, whose schema its databases then expect. */
  private BuildVersion expectedDatabaseBuild(Pool pool) {
    BuildVersion newest = node(pool.backEndHost()).version;
    for (Server server : pool.frontEnds()) {
      BuildVersion version = nodes.get(server.fqdn()).version;
      newest = version.compareTo(newest) > 0 ? version : newest;
    }
    return newest;
  }

  /** One routing group per Front End; each on the next running Front Ends in topology order, shifted by moves. */
  private PoolFabricState fabric(EnterprisePool pool, int shift) {
    List<Server> frontEnds = pool.frontEnds();
    int size = frontEnds.size();
    int secondaries = Math.min(2, size - 1);
    List<RoutingGroup> groups = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int group = 0; group < size; group++) {
      String id = "rg-" + (group + 1);
      List<Fqdn> running = new ArrayList<>();
      for (int i = 0; i < size && running.size() <= secondaries; i++) {
        Server candidate = frontEnds.get((group + shift + i) % size);
        if (nodes.get(candidate.fqdn()).state.isUp()) {
          running.add(candidate.fqdn());
        }
      }
      if (running.isEmpty()) {
        missing.add(id);
      } else {
        groups.add(new RoutingGroup(id, running.get(0), running.subList(1, running.size())));
      }
    }
    boolean injected = pendingFaults.stream()
        .anyMatch(fault -> fault instanceof Fault.ReplicasMissing replicas && replicas.pool().equals(pool.fqdn()));
    if (injected && missing.isEmpty()) {
      missing.add(groups.get(0).id());
    }
    return new PoolFabricState(pool.fqdn(), groups, missing);
  }

  private boolean domainReadyForStop(Node node) {
    EnterprisePool pool = (EnterprisePool) poolState(node.pool).pool;
    return quorumMet(pool) && otherDomainsUp(pool, node.domain);
  }

  private boolean otherDomainsUp(EnterprisePool pool, String domain) {
    return pool.upgradeDomains().stream()
        .filter(other -> !other.name().equals(domain))
        .flatMap(other -> other.servers().stream())
        .allMatch(server -> nodes.get(server.fqdn()).state.isUp());
  }

  private Set<Server> runningFrontEnds(EnterprisePool pool) {
    Set<Server> running = new HashSet<>();
    for (Server server : pool.frontEnds()) {
      if (nodes.get(server.fqdn()).state.isUp()) {
        running.add(server);
      }
    }
    return running;
  }

  private boolean quorumMet(EnterprisePool pool) {
    return PoolQuorum.of(pool).isMetBy(pool.frontEnds(), runningFrontEnds(pool));
  }

  /** A one-server pool has no remaining servers to stop: Microsoft's table starts at two. */
  private void enforceQuorum(EnterprisePool pool) {
    if (pool.frontEnds().size() < 2 || quorumMet(pool)) {
      return;
    }
    Set<Server> running = runningFrontEnds(pool);
    record(new FakeEvent.QuorumLost(clock.now(), pool.fqdn(), running.size(), PoolQuorum.of(pool)));
    for (Server server : pool.frontEnds()) {
      Node node = nodes.get(server.fqdn());
      if (node.state.isUp()) {
        transition(node, ServerState.STOPPED);
      }
    }
  }

  private void bringUp(Node node) {
    transition(node, ServerState.RUNNING);
    if (node.role == Role.FRONT_END) {
      poolState(node.pool).rebalancedAt = clock.now().plus(timings.rebalance());
    }
  }

  private void trackBackEndDowntime(Node node) {
    if (node.role != Role.BACK_END) {
      return;
    }
    if (!node.webServiceRunning && node.backEndDownSince == null) {
      node.backEndDownSince = clock.now();
    } else if (node.webServiceRunning && node.backEndDownSince != null) {
      Duration downtime = Duration.between(node.backEndDownSince, clock.now());
      node.backEndDownSince = null;
      for (Fqdn pool : node.storesOf) {
        // a failed-over pool's users are on its partner: its Back End's downtime does not reach them
        record(new FakeEvent.BackEndDowntime(clock.now(), pool, downtime,
            downtime.compareTo(BackEndDowntime.RESILIENCY_THRESHOLD) >= 0 && !poolState(pool).failedOver));
      }
    }
  }

  private void transition(Node node, ServerState to) {
    ServerState from = node.state;
    node.state = to;
    record(new FakeEvent.ServerStateChanged(clock.now(), node.pool, node.domain, node.fqdn, from, to));
  }

  private PoolState pairedPool(String operation, Fqdn pool, Fqdn partner) {
    PoolState state = poolState(pool);
    if (!state.pool.partnerPool().equals(Optional.of(partner))) {
      throw new DeploymentException(operation, pool, partner + " is not the disaster-recovery partner of " + pool
          + " (its partner: " + state.pool.partnerPool().map(Fqdn::toString).orElse("none") + ")");
    }
    return state;
  }

  private Node reachable(String operation, Fqdn server) {
    Node node = node(server);
    if (node.state == ServerState.UNREACHABLE) {
      throw new ServerUnreachableException(operation, server);
    }
    return node;
  }

  private Node node(Fqdn server) {
    Node node = nodes.get(server);
    if (node == null) {
      throw new DeploymentException("look up", server, server + " is not a server of this fake's topology");
    }
    return node;
  }

  private PoolState poolState(Fqdn pool) {
    PoolState state = pools.get(pool);
    if (state == null) {
      throw new DeploymentException("look up", pool, pool + " is not a pool of this fake's topology");
    }
    return state;
  }

  private void record(FakeEvent event) {
    events.add(event);
  }

  @Override
  public String toString() {
    return "FakeDeployment[" + topology.pools().size() + " pools, " + nodes.size() + " servers, " + clock + "]";
  }

  /** Builds a {@link FakeDeployment}; not thread-safe. */
  public static final class Builder {
    private final Topology topology;
    private VirtualClock clock = VirtualClock.create();
    private FakeTimings timings = FakeTimings.ofDefaults();
    private FaultSchedule faults = FaultSchedule.none();
    private BuildVersion initialVersion;
    private boolean csAdministrator = true;
    private boolean mirroredUpdateSupported = true;
    private final List<Fqdn> downAtStart = new ArrayList<>();
    private final Map<Fqdn, BuildVersion> updatedAtStart = new LinkedHashMap<>();
    private final List<Fqdn> failedOverAtStart = new ArrayList<>();

    private Builder(Topology topology) {
      this.topology = topology;
    }

    /** The virtual clock to advance; shared with an executor so both see the same time. */
    public Builder clock(VirtualClock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** How long operations take. */
    public Builder timings(FakeTimings timings) {
      this.timings = requireNonNull(timings, "timings");
      return this;
    }

    /** The faults to inject. */
    public Builder faults(FaultSchedule faults) {
      this.faults = requireNonNull(faults, "faults");
      return this;
    }

    /** The faults to inject. */
    public Builder faults(Fault... faults) {
      return faults(FaultSchedule.of(faults));
    }

    /**
     * Whether {@code Install-CsDatabase -Update} works against mirrored databases, as a 2013 blog
     * says it does from CU2 on (true unless told otherwise); false models Microsoft's reference
     * (CR-5), where it fails.
     */
    public Builder mirroredUpdateSupported(boolean supported) {
      this.mirroredUpdateSupported = supported;
      return this;
    }

    /** Servers whose Lync services are stopped before anything runs (a Front End down for another reason). */
    public Builder downAtStart(String... servers) {
      for (String server : servers) {
        downAtStart.add(Fqdn.of(server));
      }
      return this;
    }

    /**
     * Servers a previous run already updated: they start at {@code build} (their initial build,
     * which {@link Fault#beforeDomain} compares with, stays the pool's).
     */
    public Builder updatedAtStart(BuildVersion build, String... servers) {
      requireNonNull(build, "build");
      for (String server : servers) {
        updatedAtStart.put(Fqdn.of(server), build);
      }
      return this;
    }

    /** A pool a previous run failed over to its partner (FE-1c): it starts failed over. */
    public Builder failedOverAtStart(String pool) {
      failedOverAtStart.add(Fqdn.of(pool));
      return this;
    }

    /** The build every server starts at; by default its pool's product's release build ({@link #initialVersionOf}). */
    public Builder initialVersion(BuildVersion initialVersion) {
      this.initialVersion = requireNonNull(initialVersion, "initialVersion");
      return this;
    }

    /** Whether the account is a member of CsAdministrator (BE-1); true unless told otherwise. */
    public Builder csAdministrator(boolean csAdministrator) {
      this.csAdministrator = csAdministrator;
      return this;
    }

    /** The fake. */
    public FakeDeployment build() {
      return new FakeDeployment(this);
    }
  }
}
