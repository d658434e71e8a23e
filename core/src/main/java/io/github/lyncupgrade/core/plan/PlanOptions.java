package io.github.lyncupgrade.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the planner is told beyond the topology, in two halves: what shapes the steps (part of the
 * plan's fingerprint, {@link #canonical()}) and what only schedules them (the concurrency and the
 * expected durations, which a run may change on resume). Immutable and thread-safe; build with
 * {@link #builder()} or take {@link #ofDefaults()}.
 */
public final class PlanOptions {
  /**
   * What shapes the steps. {@code updatePackage} and {@code frontEndStrategy} may be null: no update
   * named, each product's default strategy.
   */
  private record Shaping(boolean scheduledDowntime, ReadinessPolicy readinessPolicy, UpdatePackage updatePackage,
      boolean backEndServerProcedure, BackEndOrder backEndOrder, boolean failoverOnPoolProblem,
      PoolFailoverMode poolFailoverMode, boolean stageUpdatesAhead, FrontEndStrategy frontEndStrategy,
      Map<Fqdn, FrontEndStrategy> poolStrategies, Duration drainingTimeout, SettlePolicy settlePolicy,
      boolean resetRegistrarStateOnMissingReplicas, boolean confirmMirroredDatabaseUpdate,
      boolean failOverSingleServerPools) {
    Shaping {
      poolStrategies = Map.copyOf(poolStrategies);
    }
  }

  /** What only decides when steps run. */
  private record Scheduling(Concurrency concurrency, StepDurations stepDurations) {}

  private final Shaping shaping;
  private final Scheduling scheduling;

  private PlanOptions(Shaping shaping, Scheduling scheduling) {
    this.shaping = shaping;
    this.scheduling = scheduling;
  }

  /**
   * The defaults: graceful stops, the procedure's readiness policy, no update package named,
   * the full Back End procedure for Enterprise pools, the Back End after the Front Ends,
   * failover of paired pools on a pool problem in the planned form ({@link PoolFailoverMode#PLANNED}),
   * the update staged ahead on every server, {@link Concurrency#DEFAULT},
   * {@link StepDurations#defaults()}, each pool's product's
   * {@linkplain FrontEndStrategy#defaultFor default Front End strategy}, a 30-minute draining
   * timeout, {@link SettlePolicy#ofDefaults()}, no automatic registrar reset, no update of
   * mirrored databases, and no failover of single-server pools before their update.
   */
  public static PlanOptions ofDefaults() {
    return builder().build();
  }

  /** A builder starting from {@link #ofDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * How {@code pool}'s Front Ends are patched: the strategy set for the pool, else the one set for
   * every pool, else its product's default (by upgrade domain for Lync Server 2013, server by
   * server for Skype for Business Server 2015 and 2019).
   */
  public FrontEndStrategy frontEndStrategy(Pool pool) {
    requireNonNull(pool, "pool");
    FrontEndStrategy chosen = shaping.poolStrategies().get(pool.fqdn());
    if (chosen != null) {
      return chosen;
    }
    return shaping.frontEndStrategy() != null ? shaping.frontEndStrategy() : FrontEndStrategy.defaultFor(pool.product());
  }

  /** The draining timeout passed to {@code Invoke-CsComputerFailOver} (CR-3a). */
  public Duration drainingTimeout() {
    return shaping.drainingTimeout();
  }

  /** The settle rule between upgrade domains (CR-2). */
  public SettlePolicy settlePolicy() {
    return shaping.settlePolicy();
  }

  /**
   * Whether missing replicas found by {@code Get-CsPoolFabricState} (CR-3) may be repaired with
   * {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} without asking; otherwise the
   * run stops and says so.
   */
  public boolean resetRegistrarStateOnMissingReplicas() {
    return shaping.resetRegistrarStateOnMissingReplicas();
  }

  /**
   * Whether the operator confirmed that {@code Install-CsDatabase -Update} may run against
   * mirrored databases (CR-5); otherwise a plan with a mirrored store is refused.
   */
  public boolean confirmMirroredDatabaseUpdate() {
    return shaping.confirmMirroredDatabaseUpdate();
  }

  /**
   * Whether a paired pool whose users cannot stay served while it is updated (an Enterprise pool
   * of one Front End, which has no quorum to keep, or a Standard Edition server) is failed over to
   * its disaster-recovery partner before its update and failed back after (SDK-7).
   */
  public boolean failOverSingleServerPools() {
    return shaping.failOverSingleServerPools();
  }

  /** How FE-1c fails a pool over, and the Central Management Store before it (CR-9): planned unless set. */
  public PoolFailoverMode poolFailoverMode() {
    return shaping.poolFailoverMode();
  }

  /** Whether the upgrade runs in a scheduled downtime: FE-2a then stops without {@code -Graceful}. */
  public boolean scheduledDowntime() {
    return shaping.scheduledDowntime();
  }

  /** The readiness policy of FE-1a and FE-1b. */
  public ReadinessPolicy readinessPolicy() {
    return shaping.readinessPolicy();
  }

  /** The update to install, when named; an executor that installs needs one. */
  public Optional<UpdatePackage> updatePackage() {
    return Optional.ofNullable(shaping.updatePackage());
  }

  /**
   * Whether Enterprise pools get the whole Back End server procedure (BE-1..BE-10) before
   * {@code Install-CsDatabase} (BE-11), or BE-11 alone. Standard Edition servers always get it all.
   */
  public boolean backEndServerProcedure() {
    return shaping.backEndServerProcedure();
  }

  /** Where the Back End procedure goes relative to the Front End domains (SDK-1). */
  public BackEndOrder backEndOrder() {
    return shaping.backEndOrder();
  }

  /** Whether a paired pool with a problem is failed over (FE-1c) and back (SDK-3), rather than stopping. */
  public boolean failoverOnPoolProblem() {
    return shaping.failoverOnPoolProblem();
  }

  /**
   * Whether every server gets the update copied and extracted before any service of its pool
   * stops (SDK-5), in a lane of its own that overlaps other pools' work; otherwise only Back End
   * and Standard Edition servers stage it, at BE-2 inside their procedure, and a Front End's
   * installer copies it while the server is down.
   */
  public boolean stageUpdatesAhead() {
    return shaping.stageUpdatesAhead();
  }

  /** How much runs at once; not part of the plan's fingerprint (see {@link Concurrency}). */
  public Concurrency concurrency() {
    return scheduling.concurrency();
  }

  /** The expected step durations the plan's estimate and its pool order use; not part of the fingerprint. */
  public StepDurations stepDurations() {
    return scheduling.stepDurations();
  }

  /**
   * The options that shape the steps (every option but the concurrency and the durations) as
   * canonical pairs, the form a journal records them in and the plan's fingerprint hashes. Keys:
   * {@code scheduledDowntime}, {@code readiness.busyInterval}, {@code readiness.maxConsecutiveBusy},
   * {@code update.location}, {@code update.targetBuild} (both absent when no update is named),
   * {@code backEnd.serverProcedure}, {@code backEnd.order}, {@code failoverOnPoolProblem},
   * {@code pool.failoverMode}, {@code stageUpdatesAhead}, {@code frontEnd.strategy}
   * ({@code PRODUCT_DEFAULT} unless set), {@code frontEnd.strategy.<pool FQDN>} for each pool given
   * its own, {@code frontEnd.drainingTimeout}, {@code settle.time}, {@code settle.pollInterval},
   * {@code settle.giveUpAfter} (durations as ISO-8601, {@link java.time.Duration#toString()}),
   * {@code resetRegistrarStateOnMissingReplicas}, {@code confirmMirroredDatabaseUpdate} and
   * {@code failOverSingleServerPools}.
   */
  public CanonicalOptions canonical() {
    Map<String, String> entries = new TreeMap<>();
    entries.put("scheduledDowntime", String.valueOf(shaping.scheduledDowntime()));
    entries.put("readiness.busyInterval", shaping.readinessPolicy().busyInterval().toString());
    entries.put("readiness.maxConsecutiveBusy", String.valueOf(shaping.readinessPolicy().maxConsecutiveBusy()));
    updatePackage().ifPresent(update -> {
      entries.put("update.location", update.location());
      entries.put("update.targetBuild", update.targetVersion().toString());
    });
    entries.put("backEnd.serverProcedure", String.valueOf(shaping.backEndServerProcedure()));
    entries.put("backEnd.order", shaping.backEndOrder().name());
    entries.put("failoverOnPoolProblem", String.valueOf(shaping.failoverOnPoolProblem()));
    entries.put("pool.failoverMode", shaping.poolFailoverMode().name());
    entries.put("stageUpdatesAhead", String.valueOf(shaping.stageUpdatesAhead()));
    entries.put("frontEnd.strategy", shaping.frontEndStrategy() == null ? "PRODUCT_DEFAULT"
        : shaping.frontEndStrategy().name());
    shaping.poolStrategies().forEach((pool, strategy) -> entries.put("frontEnd.strategy." + pool, strategy.name()));
    entries.put("frontEnd.drainingTimeout", shaping.drainingTimeout().toString());
    entries.put("settle.time", shaping.settlePolicy().settleTime().toString());
    entries.put("settle.pollInterval", shaping.settlePolicy().pollInterval().toString());
    entries.put("settle.giveUpAfter", shaping.settlePolicy().giveUpAfter().toString());
    entries.put("resetRegistrarStateOnMissingReplicas", String.valueOf(shaping.resetRegistrarStateOnMissingReplicas()));
    entries.put("confirmMirroredDatabaseUpdate", String.valueOf(shaping.confirmMirroredDatabaseUpdate()));
    entries.put("failOverSingleServerPools", String.valueOf(shaping.failOverSingleServerPools()));
    return CanonicalOptions.of(entries);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlanOptions that && shaping.equals(that.shaping) && scheduling.equals(that.scheduling);
  }

  @Override
  public int hashCode() {
    return 31 * shaping.hashCode() + scheduling.hashCode();
  }

  @Override
  public String toString() {
    return "PlanOptions[" + canonical().entries() + ", concurrency=" + scheduling.concurrency() + "]";
  }

  /** Builds {@link PlanOptions}; not thread-safe. */
  public static final class Builder {
    private boolean scheduledDowntime;
    private ReadinessPolicy readinessPolicy = ReadinessPolicy.ofDefaults();
    private UpdatePackage updatePackage;
    private boolean backEndServerProcedure = true;
    private BackEndOrder backEndOrder = BackEndOrder.AFTER_FRONT_ENDS;
    private boolean failoverOnPoolProblem = true;
    private PoolFailoverMode poolFailoverMode = PoolFailoverMode.PLANNED;
    private boolean stageUpdatesAhead = true;
    private FrontEndStrategy frontEndStrategy;
    private final Map<Fqdn, FrontEndStrategy> poolStrategies = new TreeMap<>();
    private Duration drainingTimeout = Duration.ofMinutes(30);
    private SettlePolicy settlePolicy = SettlePolicy.ofDefaults();
    private boolean resetRegistrarStateOnMissingReplicas;
    private boolean confirmMirroredDatabaseUpdate;
    private boolean failOverSingleServerPools;
    private Concurrency concurrency = Concurrency.DEFAULT;
    private StepDurations stepDurations = StepDurations.defaults();

    private Builder() {}

    private Builder(PlanOptions from) {
      Shaping shaping = from.shaping;
      scheduledDowntime = shaping.scheduledDowntime();
      readinessPolicy = shaping.readinessPolicy();
      updatePackage = shaping.updatePackage();
      backEndServerProcedure = shaping.backEndServerProcedure();
      backEndOrder = shaping.backEndOrder();
      failoverOnPoolProblem = shaping.failoverOnPoolProblem();
      poolFailoverMode = shaping.poolFailoverMode();
      stageUpdatesAhead = shaping.stageUpdatesAhead();
      frontEndStrategy = shaping.frontEndStrategy();
      poolStrategies.putAll(shaping.poolStrategies());
      drainingTimeout = shaping.drainingTimeout();
      settlePolicy = shaping.settlePolicy();
      resetRegistrarStateOnMissingReplicas = shaping.resetRegistrarStateOnMissingReplicas();
      confirmMirroredDatabaseUpdate = shaping.confirmMirroredDatabaseUpdate();
      failOverSingleServerPools = shaping.failOverSingleServerPools();
      concurrency = from.scheduling.concurrency();
      stepDurations = from.scheduling.stepDurations();
    }

    /** The Front End strategy of every pool not given its own; null for each product's default. */
    public Builder frontEndStrategy(FrontEndStrategy strategy) {
      this.frontEndStrategy = strategy;
      return this;
    }

    /** The Front End strategy of the pool named {@code poolFqdn}. */
    public Builder frontEndStrategy(String poolFqdn, FrontEndStrategy strategy) {
      poolStrategies.put(Fqdn.of(requireNonNull(poolFqdn, "poolFqdn")), requireNonNull(strategy, "strategy"));
      return this;
    }

    /**
     * See {@link PlanOptions#drainingTimeout()}: positive and at most an hour, the cmdlet's
     * default {@code -WaitTime}, so the drain ends before the cmdlet gives up.
     */
    public Builder drainingTimeout(Duration drainingTimeout) {
      requireNonNull(drainingTimeout, "drainingTimeout");
      checkArgument(Durations.isPositive(drainingTimeout) && drainingTimeout.compareTo(Duration.ofHours(1)) <= 0,
          "drainingTimeout must be positive and at most 1 hour (the cmdlet's default -WaitTime), was %s", drainingTimeout);
      this.drainingTimeout = drainingTimeout;
      return this;
    }

    /** See {@link PlanOptions#settlePolicy()}; {@link SettlePolicy#off()} turns the wait off. */
    public Builder settlePolicy(SettlePolicy settlePolicy) {
      this.settlePolicy = requireNonNull(settlePolicy, "settlePolicy");
      return this;
    }

    /** See {@link PlanOptions#resetRegistrarStateOnMissingReplicas()}. */
    public Builder resetRegistrarStateOnMissingReplicas(boolean reset) {
      this.resetRegistrarStateOnMissingReplicas = reset;
      return this;
    }

    /** See {@link PlanOptions#confirmMirroredDatabaseUpdate()}. */
    public Builder confirmMirroredDatabaseUpdate(boolean confirmed) {
      this.confirmMirroredDatabaseUpdate = confirmed;
      return this;
    }

    /** See {@link PlanOptions#failOverSingleServerPools()}. */
    public Builder failOverSingleServerPools(boolean failOver) {
      this.failOverSingleServerPools = failOver;
      return this;
    }

    /** See {@link PlanOptions#poolFailoverMode()}. */
    public Builder poolFailoverMode(PoolFailoverMode mode) {
      this.poolFailoverMode = requireNonNull(mode, "mode");
      return this;
    }

    /** See {@link PlanOptions#scheduledDowntime()}. */
    public Builder scheduledDowntime(boolean scheduledDowntime) {
      this.scheduledDowntime = scheduledDowntime;
      return this;
    }

    /** See {@link PlanOptions#readinessPolicy()}. */
    public Builder readinessPolicy(ReadinessPolicy readinessPolicy) {
      this.readinessPolicy = requireNonNull(readinessPolicy, "readinessPolicy");
      return this;
    }

    /** See {@link PlanOptions#updatePackage()}; null to name none. */
    public Builder updatePackage(UpdatePackage updatePackage) {
      this.updatePackage = updatePackage;
      return this;
    }

    /** See {@link PlanOptions#backEndServerProcedure()}. */
    public Builder backEndServerProcedure(boolean backEndServerProcedure) {
      this.backEndServerProcedure = backEndServerProcedure;
      return this;
    }

    /** See {@link PlanOptions#backEndOrder()}. */
    public Builder backEndOrder(BackEndOrder backEndOrder) {
      this.backEndOrder = requireNonNull(backEndOrder, "backEndOrder");
      return this;
    }

    /** See {@link PlanOptions#failoverOnPoolProblem()}. */
    public Builder failoverOnPoolProblem(boolean failoverOnPoolProblem) {
      this.failoverOnPoolProblem = failoverOnPoolProblem;
      return this;
    }

    /** See {@link PlanOptions#stageUpdatesAhead()}. */
    public Builder stageUpdatesAhead(boolean stageUpdatesAhead) {
      this.stageUpdatesAhead = stageUpdatesAhead;
      return this;
    }

    /** See {@link PlanOptions#concurrency()}. */
    public Builder concurrency(Concurrency concurrency) {
      this.concurrency = requireNonNull(concurrency, "concurrency");
      return this;
    }

    /** See {@link PlanOptions#stepDurations()}. */
    public Builder stepDurations(StepDurations stepDurations) {
      this.stepDurations = requireNonNull(stepDurations, "stepDurations");
      return this;
    }

    /** The options; the builder may be used again. */
    public PlanOptions build() {
      return new PlanOptions(new Shaping(scheduledDowntime, readinessPolicy, updatePackage, backEndServerProcedure,
          backEndOrder, failoverOnPoolProblem, poolFailoverMode, stageUpdatesAhead, frontEndStrategy, poolStrategies,
          drainingTimeout, settlePolicy, resetRegistrarStateOnMissingReplicas, confirmMirroredDatabaseUpdate,
          failOverSingleServerPools), new Scheduling(concurrency, stepDurations));
    }
  }
}
