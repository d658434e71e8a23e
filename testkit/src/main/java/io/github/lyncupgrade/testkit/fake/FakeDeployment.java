package io.github.lyncupgrade.testkit.fake;

import static io.github.lyncupgrade.testkit.fake.Calls.arguments;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.CentralManagementStoreFailover;
import io.github.lyncupgrade.core.deployment.ComputerFailover;
import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.deployment.DatabaseTests;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.PoolFabric;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.deployment.SyntheticTransactions;
import io.github.lyncupgrade.core.deployment.TopologyPublishing;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A faithful fake of a Lync Server 2013, Skype for Business Server 2015 or 2019 deployment: a
 * state machine per server and per pool, in virtual time, with scripted faults and a full
 * {@link History}. Rules it keeps, as a real deployment would:
 * <ul>
 *   <li>Readiness (FE-1, FE-2): InsufficientActiveFrontEnds below Microsoft's quorum table
 *       ({@link PoolQuorum}), Busy for {@link FakeTimings#rebalance()} after a Front End comes back,
 *       Ready otherwise; a domain is ReadyForUpgrade only when the pool is Ready and every other
 *       domain runs. The cmdlet is the pool's product's (CR-4) and runs on one of its Front Ends.</li>
 *   <li>Quorum (CR-1): a stop below it stops the remaining Front Ends ({@link FakeEvent.QuorumLost}).</li>
 *   <li>Servers: the installer refuses running services; a restart brings services and w3svc back;
 *       a stop of stopped services is recorded ({@link FakeEvent.ServicesAlreadyStopped}, BE-9).
 *       {@code Invoke-CsComputerFailOver} (2015 on) leaves services stopped and disabled, through
 *       restarts, until {@code Invoke-CsComputerFailBack} (CR-3).</li>
 *   <li>Back End downtime (BE-0): down while its w3svc is stopped (BE-5 to BE-10); 30 minutes or
 *       more puts its pools' users into resiliency mode, recorded when it comes back.</li>
 *   <li>Databases (BE-11, CR-5, CR-7): the wrong {@code Install-CsDatabase} variant fails; the
 *       update targets the AlwaysOn listener, and fails on a mirrored store unless the builder says
 *       it works there; {@code Test-CsDatabase} compares with the newest build of the pool.</li>
 *   <li>Failover (FE-1c, CR-9): to the pool's own partner, back after a failover; the store's pool
 *       only once the Central Management Store has moved.</li>
 *   <li>Fabric (CR-2, CR-3): stable routing groups on the running Front Ends, moved by
 *       {@link Fault#routingGroupsMove}; replicas missing under {@link Fault#replicasMissing} until
 *       {@code Reset-CsPoolRegistrarState}.</li>
 * </ul>
 *
 * <p>Its {@link LyncDeployment} and capability methods are calls: each is numbered, recorded with
 * its {@link Operation} and arguments, takes its {@link FakeTimings} on the {@link VirtualClock},
 * and is where faults strike. {@link #inspect()}, {@link #history()} and {@link #pendingFaults()}
 * only look. The fake runs on its own clock ({@link #ownClock()}), which an executor built for it
 * takes unless told otherwise.
 *
 * <p>Thread-safe: operations hold a lock except while their time passes, so operations on several
 * servers overlap in virtual time when an executor runs them on several threads (see
 * {@link VirtualClock}). {@link #close()} ends it; later calls fail.
 */
public final class FakeDeployment implements LyncDeployment, PoolFabric, ComputerFailover, DatabaseTests,
    TopologyPublishing, CentralManagementStoreFailover, SyntheticTransactions, AutoCloseable {
  /** The build every server has unless told otherwise: Lync Server 2013 RTM. */
  public static final BuildVersion DEFAULT_INITIAL_VERSION = BuildVersion.parse("5.0.8308.0");

  private final Topology topology;
  private final boolean csAdministrator;
  private final Calls calls;
  private final FaultInjector faults;
  private final Inventory inventory;
  private final PoolFailovers failovers;
  private final Inspection inspection;

  private FakeDeployment(Builder builder) {
    this.topology = builder.topology;
    FaultTargets.check(topology, builder.faults.faults());
    this.csAdministrator = builder.csAdministrator;
    this.calls = new Calls(builder.clock);
    this.faults = new FaultInjector(builder.faults.faults(), calls);
    BuildVersion initialVersion = builder.initialVersion;
    this.inventory = new Inventory(topology,
        pool -> initialVersion != null ? initialVersion : initialVersionOf(pool.product()),
        new TimingTable(topology, builder.timings, builder.timingsOf), builder.mirroredUpdateSupported, calls, faults);
    this.failovers = new PoolFailovers(topology, inventory, calls);
    this.inspection = new Inspection(calls, inventory);
    builder.downAtStart.forEach(down -> inventory.server(down).transition(ServerState.STOPPED));
    builder.updatedAtStart.forEach((server, build) -> inventory.server(server).updatedAtStart(build));
    builder.failedOverAtStart.forEach(pool -> inventory.pool(pool).failedOver(true));
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
    return calls.clock();
  }

  /** {@link #clock()}: an executor built for this fake runs on it unless told otherwise, and refuses another. */
  @Override
  public Optional<UpgradeClock> ownClock() {
    return Optional.of(calls.clock());
  }

  /** A snapshot of everything that happened so far. */
  public History history() {
    return new History(calls.events(), topology);
  }

  /** The state of the fake's servers and pools now, looked at without a call. */
  public Inspection inspect() {
    return inspection;
  }

  /** The faults not yet spent. */
  public List<Fault> pendingFaults() {
    return calls.locked(faults::pending);
  }

  // ---- LyncDeployment ----

  @Override
  public PoolReadiness poolReadiness(Fqdn pool, Fqdn runOn, ProductVersion product) {
    Operation cmdlet = Operation.readinessOf(product);
    return call(cmdlet, runOn, arguments("Pool", pool),
        () -> inventory.pool(pool).readiness(cmdlet, runOn, inventory));
  }

  @Override
  public void stopServices(Fqdn server, boolean graceful) {
    run(Operation.STOP_SERVICES, server, arguments("Graceful", graceful),
        () -> inventory.reachable(Operation.STOP_SERVICES, server).stopServices(graceful));
  }

  @Override
  public void startServices(Fqdn server) {
    run(Operation.START_SERVICES, server, Map.of(),
        () -> inventory.reachable(Operation.START_SERVICES, server).startServices());
  }

  @Override
  public ServerStatus serverStatus(Fqdn server) {
    return call(Operation.SERVER_STATUS, server, Map.of(),
        () -> inventory.reachable(Operation.SERVER_STATUS, server).status());
  }

  @Override
  public boolean isCsAdministrator(Fqdn server) {
    return call(Operation.ADMINISTRATOR_CHECK, server, Map.of(), () -> {
      inventory.reachable(Operation.ADMINISTRATOR_CHECK, server);
      return csAdministrator;
    });
  }

  @Override
  public void stageUpdate(Fqdn server, UpdatePackage update) {
    requireNonNull(update, "update");
    run(Operation.STAGE_UPDATE, server, updateArguments(update),
        () -> inventory.reachable(Operation.STAGE_UPDATE, server).stage());
  }

  @Override
  public boolean installUpdate(Fqdn server, UpdatePackage update) {
    requireNonNull(update, "update");
    return call(Operation.INSTALL_UPDATE, server, updateArguments(update),
        () -> inventory.reachable(Operation.INSTALL_UPDATE, server).install(update));
  }

  @Override
  public void restart(Fqdn server) {
    run(Operation.RESTART, server, Map.of(), () -> inventory.reachable(Operation.RESTART, server).restart());
  }

  @Override
  public void stopWebService(Fqdn server) {
    run(Operation.STOP_WEB_SERVICE, server, Map.of(),
        () -> inventory.reachable(Operation.STOP_WEB_SERVICE, server).setWebService(false));
  }

  @Override
  public void startWebService(Fqdn server) {
    run(Operation.START_WEB_SERVICE, server, Map.of(),
        () -> inventory.reachable(Operation.START_WEB_SERVICE, server).setWebService(true));
  }

  @Override
  public void updateDatabases(Fqdn pool, DatabaseUpdateVariant variant, Fqdn sqlServer) {
    requireNonNull(variant, "variant");
    run(Operation.UPDATE_DATABASES, sqlServer, arguments("Pool", pool, "Variant", variant),
        () -> inventory.pool(pool).databases().update(variant, sqlServer));
  }

  @Override
  public List<DatabaseCheck> testDatabases(Fqdn pool, Fqdn sqlServer) {
    return call(Operation.TEST_DATABASES, sqlServer, arguments("Pool", pool),
        () -> inventory.pool(pool).databases().test(sqlServer));
  }

  @Override
  public void publishTopology(Fqdn pool) {
    run(Operation.PUBLISH_TOPOLOGY, pool, Map.of(), () -> {
      calls.elapse(inventory.pool(pool).timings().webService());
      calls.record(new FakeEvent.TopologyPublished(calls.now(), pool));
    });
  }

  @Override
  public PoolFabricState fabricState(Fqdn pool) {
    return call(Operation.FABRIC_STATE, pool, Map.of(), () -> inventory.pool(pool).fabric().state());
  }

  @Override
  public void resetRegistrarState(Fqdn pool) {
    run(Operation.RESET_REGISTRAR_STATE, pool, Map.of(), () -> inventory.pool(pool).fabric().resetRegistrarState());
  }

  @Override
  public void failOverComputer(Fqdn server, Duration drainingTimeout) {
    requireNonNull(drainingTimeout, "drainingTimeout");
    run(Operation.COMPUTER_FAILOVER, server, arguments("DrainingTimeout", drainingTimeout),
        () -> inventory.reachable(Operation.COMPUTER_FAILOVER, server).failOver(drainingTimeout));
  }

  @Override
  public void failBackComputer(Fqdn server) {
    run(Operation.COMPUTER_FAILBACK, server, Map.of(),
        () -> inventory.reachable(Operation.COMPUTER_FAILBACK, server).failBack());
  }

  @Override
  public void failOverCentralManagementStore(Fqdn pool, String backupStore, Fqdn runOn, PoolFailoverMode mode) {
    requireNonNull(backupStore, "backupStore");
    requireNonNull(runOn, "runOn");
    requireNonNull(mode, "mode");
    run(Operation.CENTRAL_MANAGEMENT_STORE_FAILOVER, pool,
        arguments("BackupSqlServerFqdn", backupStore, "RunOn", runOn, "Mode", mode),
        () -> failovers.failOverCentralManagementStore(pool, backupStore, runOn));
  }

  @Override
  public void failOver(Fqdn pool, Fqdn partner, PoolFailoverMode mode) {
    requireNonNull(mode, "mode");
    run(Operation.POOL_FAILOVER, pool, arguments("Partner", partner, "DisasterMode", mode == PoolFailoverMode.DISASTER),
        () -> failovers.failOver(pool, partner, mode));
  }

  @Override
  public void failBack(Fqdn pool, Fqdn partner) {
    run(Operation.POOL_FAILBACK, pool, arguments("Partner", partner), () -> failovers.failBack(pool, partner));
  }

  /**
   * The deployment's answer, as a call the executor makes to check a failover a crash
   * interrupted: numbered and recorded like any other. A test looks with
   * {@code inspect().isFailedOver(pool)} instead.
   */
  @Override
  public boolean isFailedOver(Fqdn pool) {
    return call(Operation.FAILOVER_STATE, pool, Map.of(), () -> inventory.pool(pool).isFailedOver());
  }

  /** They pass when every Front End of the pool runs, unless a {@link Fault#syntheticTransactionsFail} says no. */
  @Override
  public List<SyntheticTransactions.Result> syntheticTransactions(Fqdn pool) {
    return call(Operation.SYNTHETIC_TRANSACTIONS, pool, Map.of(), () -> inventory.pool(pool).syntheticTransactions());
  }

  /** Ends the fake; any later operation fails with {@link IllegalStateException}. */
  @Override
  public void close() {
    calls.close();
  }

  // ---- every operation is a call ----

  private void run(Operation operation, Fqdn target, Map<String, String> arguments, Runnable body) {
    call(operation, target, arguments, () -> {
      body.run();
      return null;
    });
  }

  /** Numbers and records the call, then runs it with the faults aimed at it. */
  private <T> T call(Operation operation, Fqdn target, Map<String, String> arguments, Supplier<T> body) {
    requireNonNull(target, "target");
    return calls.call(operation, target, arguments, call -> faults.around(call, operation, target, inventory, body));
  }

  private static Map<String, String> updateArguments(UpdatePackage update) {
    return Calls.arguments("Update", update.location(), "TargetBuild", update.targetVersion());
  }

  @Override
  public String toString() {
    return "FakeDeployment[" + topology.pools().size() + " pools, " + inventory.serverCount() + " servers, "
        + calls.clock() + "]";
  }

  /**
   * Builds a {@link FakeDeployment}; not thread-safe. Every server or pool is named as a
   * {@code String} or an {@link Fqdn}.
   */
  public static final class Builder {
    private final Topology topology;
    private VirtualClock clock = VirtualClock.create();
    private FakeTimings timings = FakeTimings.ofDefaults();
    private final Map<Fqdn, FakeTimings> timingsOf = new LinkedHashMap<>();
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

    /** How long operations take on every server and pool that has no timings of its own. */
    public Builder timings(FakeTimings timings) {
      this.timings = requireNonNull(timings, "timings");
      return this;
    }

    /**
     * How long operations take on {@code serverOrPool}: a slow physical Front End beside virtual
     * ones ({@code timings("fe01.contoso.com", FakeTimings.ofDefaults().withRestart(Duration.ofMinutes(25)))}).
     * A server takes its own timings, else its pool's, else the fake's; an operation on a server
     * (its stop, install and restart, the readiness cmdlet run on it, {@code Install-CsDatabase} on
     * a Back End) takes the server's, one on a pool (a failover, the fabric, the rebalancing after a
     * Front End comes back) the pool's. {@link #build()} refuses a name that is neither.
     */
    public Builder timings(String serverOrPool, FakeTimings timings) {
      return timings(Fqdn.of(serverOrPool), timings);
    }

    /** See {@link #timings(String, FakeTimings)}. */
    public Builder timings(Fqdn serverOrPool, FakeTimings timings) {
      timingsOf.put(requireNonNull(serverOrPool, "serverOrPool"), requireNonNull(timings, "timings"));
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
      return downAtStart(fqdns(servers));
    }

    /** See {@link #downAtStart(String...)}. */
    public Builder downAtStart(Fqdn... servers) {
      downAtStart.addAll(Arrays.asList(requireNonNull(servers, "servers")));
      return this;
    }

    /**
     * Servers a previous run already updated: they start at {@code build} (their initial build,
     * which {@link Fault#beforeDomain} compares with, stays the pool's).
     */
    public Builder updatedAtStart(BuildVersion build, String... servers) {
      return updatedAtStart(build, fqdns(servers));
    }

    /** See {@link #updatedAtStart(BuildVersion, String...)}. */
    public Builder updatedAtStart(BuildVersion build, Fqdn... servers) {
      requireNonNull(build, "build");
      for (Fqdn server : requireNonNull(servers, "servers")) {
        updatedAtStart.put(requireNonNull(server, "server"), build);
      }
      return this;
    }

    /** A pool a previous run failed over to its partner (FE-1c): it starts failed over. */
    public Builder failedOverAtStart(String pool) {
      return failedOverAtStart(Fqdn.of(pool));
    }

    /** See {@link #failedOverAtStart(String)}. */
    public Builder failedOverAtStart(Fqdn pool) {
      failedOverAtStart.add(requireNonNull(pool, "pool"));
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

    /**
     * The fake.
     *
     * @throws IllegalArgumentException if timings are given for a name that is no server or pool of the topology,
     *     or a fault strikes nothing the topology has (a server, pool, upgrade domain or database it does not
     *     have, a readiness fault for a Standard Edition pool), naming each
     */
    public FakeDeployment build() {
      return new FakeDeployment(this);
    }

    private static Fqdn[] fqdns(String... names) {
      return Arrays.stream(requireNonNull(names, "servers")).map(Fqdn::of).toArray(Fqdn[]::new);
    }
  }
}
