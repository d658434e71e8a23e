package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the planner is told beyond the topology. Immutable and thread-safe; build with
 * {@link #builder()} or take {@link #ofDefaults()}.
 */
public final class PlanOptions {
  private final boolean scheduledDowntime;
  private final ReadinessPolicy readinessPolicy;
  private final UpdatePackage updatePackage;
  private final boolean backEndServerProcedure;
  private final BackEndOrder backEndOrder;
  private final boolean failoverOnPoolProblem;
  private final boolean stageUpdatesAhead;
  private final Concurrency concurrency;
  private final StepDurations stepDurations;
  private final FrontEndStrategy frontEndStrategy;
  private final Map<Fqdn, FrontEndStrategy> poolStrategies;
  private final Duration drainingTimeout;
  private final SettlePolicy settlePolicy;
  private final boolean resetRegistrarStateOnMissingReplicas;
  private final boolean confirmMirroredDatabaseUpdate;
  private final PoolFailoverMode poolFailoverMode;

  private PlanOptions(Builder builder) {
    this.poolFailoverMode = builder.poolFailoverMode;
    this.frontEndStrategy = builder.frontEndStrategy;
    this.poolStrategies = Map.copyOf(builder.poolStrategies);
    this.drainingTimeout = builder.drainingTimeout;
    this.settlePolicy = builder.settlePolicy;
    this.resetRegistrarStateOnMissingReplicas = builder.resetRegistrarStateOnMissingReplicas;
    this.confirmMirroredDatabaseUpdate = builder.confirmMirroredDatabaseUpdate;
    this.scheduledDowntime = builder.scheduledDowntime;
    this.readinessPolicy = builder.readinessPolicy;
    this.updatePackage = builder.updatePackage;
    this.backEndServerProcedure = builder.backEndServerProcedure;
    this.backEndOrder = builder.backEndOrder;
    this.failoverOnPoolProblem = builder.failoverOnPoolProblem;
    this.stageUpdatesAhead = builder.stageUpdatesAhead;
    this.concurrency = builder.concurrency;
    this.stepDurations = builder.stepDurations;
  }

  /**
   * The defaults: graceful stops, the procedure's readiness policy, no update package named,
   * the full Back End procedure for Enterprise pools, the Back End after the Front Ends,
   * failover of paired pools on a pool problem, the update staged ahead on every server,
   * {@link Concurrency#DEFAULT}, {@link StepDurations#defaults()}, each pool's product's
   * {@linkplain FrontEndStrategy#defaultFor default Front End strategy}, a 30-minute draining
   * timeout, {@link SettlePolicy#ofDefaults()}, no automatic registrar reset, no update of
   * mirrored databases and planned pool failovers ({@link PoolFailoverMode#PLANNED}).
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
    return new Builder()
        .scheduledDowntime(scheduledDowntime)
        .readinessPolicy(readinessPolicy)
        .backEndServerProcedure(backEndServerProcedure)
        .backEndOrder(backEndOrder)
        .failoverOnPoolProblem(failoverOnPoolProblem)
        .stageUpdatesAhead(stageUpdatesAhead)
        .concurrency(concurrency)
        .stepDurations(stepDurations)
        .updatePackage(updatePackage)
        .frontEndStrategy(frontEndStrategy)
        .poolStrategies(poolStrategies)
        .drainingTimeout(drainingTimeout)
        .settlePolicy(settlePolicy)
        .resetRegistrarStateOnMissingReplicas(resetRegistrarStateOnMissingReplicas)
        .confirmMirroredDatabaseUpdate(confirmMirroredDatabaseUpdate)
        .poolFailoverMode(poolFailoverMode);
  }

  /**
   * How {@code pool}'s Front Ends are patched: the strategy set for the pool, else the one set for
   * every pool, else its product's default (by upgrade domain for Lync Server 2013, server by
   * server for Skype for Business Server 2015 and 2019).
   */
  public FrontEndStrategy frontEndStrategy(Pool pool) {
    requireNonNull(pool, "pool");
    FrontEndStrategy chosen = poolStrategies.get(pool.fqdn());
    if (chosen != null) {
      return chosen;
    }
    return frontEndStrategy != null ? frontEndStrategy : FrontEndStrategy.defaultFor(pool.product());
  }

  /** The draining timeout passed to {@code Invoke-CsComputerFailOver} (CR-3a). */
  public Duration drainingTimeout() {
    return drainingTimeout;
  }

  /** The settle rule between upgrade domains (CR-2). */
  public SettlePolicy settlePolicy() {
    return settlePolicy;
  }

  /**
   * Whether missing replicas found by {@code Get-CsPoolFabricState} (CR-3) may be repaired with
   * {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} without asking; otherwise the
   * run stops and says so.
   */
  public boolean resetRegistrarStateOnMissingReplicas() {
    return resetRegistrarStateOnMissingReplicas;
  }

  /**
   * Whether the operator confirmed that {@code Install-CsDatabase -Update} may run against
   * mirrored databases (CR-5); otherwise a plan with a mirrored store is refused.
   */
  public boolean confirmMirroredDatabaseUpdate() {
    return confirmMirroredDatabaseUpdate;
  }

  /** How FE-1c fails a pool over, and the Central Management Store before it (CR-9): planned unless set. */
  public PoolFailoverMode poolFailoverMode() {
    return poolFailoverMode;
  }

  /** Whether the upgrade runs in a scheduled downtime: FE-2a then stops without {@code -Graceful}. */
  public boolean scheduledDowntime() {
    return scheduledDowntime;
  }

  /** The readiness policy of FE-1a and FE-1b. */
  public ReadinessPolicy readinessPolicy() {
    return readinessPolicy;
  }

  /** The update to install, when named; an executor that installs needs one. */
  public Optional<UpdatePackage> updatePackage() {
    return Optional.ofNullable(updatePackage);
  }

  /**
   * Whether Enterprise pools get the whole Back End server procedure (BE-1..BE-10) before
   * {@code Install-CsDatabase} (BE-11), or BE-11 alone. Standard Edition servers always get it all.
   */
  public boolean backEndServerProcedure() {
    return backEndServerProcedure;
  }

  /** Where the Back End procedure goes relative to the Front End domains (SDK-1). */
  public BackEndOrder backEndOrder() {
    return backEndOrder;
  }

  /** Whether a paired pool with a problem is failed over (FE-1c) and back (SDK-3), rather than stopping. */
  public boolean failoverOnPoolProblem() {
    return failoverOnPoolProblem;
  }

  /**
   * Whether every server gets the update copied and extracted before any service of its pool
   * stops (SDK-5), in a lane of its own that overlaps other pools' work; otherwise only Back End
   * and Standard Edition servers stage it, at BE-2 inside their procedure, and a Front End's
   * installer copies it while the server is down.
   */
  public boolean stageUpdatesAhead() {
    return stageUpdatesAhead;
  }

  /** How much runs at once; not part of the plan's fingerprint (see {@link Concurrency}). */
  public Concurrency concurrency() {
    return concurrency;
  }

  /** The expected step durations the plan's estimate and its pool order use; not part of the fingerprint. */
  public StepDurations stepDurations() {
    return stepDurations;
  }

  /** What changes the steps themselves: every option but the concurrency and the durations. */
  String procedureText() {
    return "PlanOptions[scheduledDowntime=" + scheduledDowntime
        + ", readinessPolicy=" + readinessPolicy
        + ", updatePackage=" + updatePackage
        + ", backEndServerProcedure=" + backEndServerProcedure
        + ", backEndOrder=" + backEndOrder
        + ", failoverOnPoolProblem=" + failoverOnPoolProblem
        + ", stageUpdatesAhead=" + stageUpdatesAhead
        + ", frontEndStrategy=" + (frontEndStrategy == null ? "product default" : frontEndStrategy)
        + (poolStrategies.isEmpty() ? "" : ", poolStrategies=" + new TreeMap<>(poolStrategies))
        + ", drainingTimeout=" + drainingTimeout
        + ", settlePolicy=" + settlePolicy
        + ", resetRegistrarStateOnMissingReplicas=" + resetRegistrarStateOnMissingReplicas
        + ", confirmMirroredDatabaseUpdate=" + confirmMirroredDatabaseUpdate
        + (poolFailoverMode == PoolFailoverMode.PLANNED ? "" : ", poolFailoverMode=" + poolFailoverMode) + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlanOptions that
        && scheduledDowntime == that.scheduledDowntime
        && readinessPolicy.equals(that.readinessPolicy)
        && Objects.equals(updatePackage, that.updatePackage)
        && backEndServerProcedure == that.backEndServerProcedure
        && backEndOrder == that.backEndOrder
        && failoverOnPoolProblem == that.failoverOnPoolProblem
        && stageUpdatesAhead == that.stageUpdatesAhead
        && concurrency.equals(that.concurrency)
        && stepDurations.equals(that.stepDurations)
        && frontEndStrategy == that.frontEndStrategy
        && poolStrategies.equals(that.poolStrategies)
        && drainingTimeout.equals(that.drainingTimeout)
        && settlePolicy.equals(that.settlePolicy)
        && resetRegistrarStateOnMissingReplicas == that.resetRegistrarStateOnMissingReplicas
        && confirmMirroredDatabaseUpdate == that.confirmMirroredDatabaseUpdate
        && poolFailoverMode == that.poolFailoverMode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheduledDowntime, readinessPolicy, updatePackage, backEndServerProcedure, backEndOrder,
        failoverOnPoolProblem, stageUpdatesAhead, concurrency, stepDurations, frontEndStrategy, poolStrategies,
        drainingTimeout, settlePolicy, resetRegistrarStateOnMissingReplicas, confirmMirroredDatabaseUpdate,
        poolFailoverMode);
  }

  @Override
  public String toString() {
    String procedure = procedureText();
    return procedure.substring(0, procedure.length() - 1) + ", concurrency=" + concurrency + "]";
  }

  /** Builds {@link PlanOptions}; not thread-safe. */
  public static final class Builder {
    private boolean scheduledDowntime;
    private ReadinessPolicy readinessPolicy = ReadinessPolicy.ofDefaults();
    private UpdatePackage updatePackage;
    private boolean backEndServerProcedure = true;
    private BackEndOrder backEndOrder = BackEndOrder.AFTER_FRONT_ENDS;
    private boolean failoverOnPoolProblem = true;
    private boolean stageUpdatesAhead = true;
    private Concurrency concurrency = Concurrency.DEFAULT;
    private StepDurations stepDurations = StepDurations.defaults();
    private FrontEndStrategy frontEndStrategy;
    private final Map<Fqdn, FrontEndStrategy> poolStrategies = new TreeMap<>();
    private Duration drainingTimeout = Duration.ofMinutes(30);
    private SettlePolicy settlePolicy = SettlePolicy.ofDefaults();
    private boolean resetRegistrarStateOnMissingReplicas;
    private boolean confirmMirroredDatabaseUpdate;
    private PoolFailoverMode poolFailoverMode = PoolFailoverMode.PLANNED;

    private Builder() {}

    /** See {@link PlanOptions#poolFailoverMode()}. */
    public Builder poolFailoverMode(PoolFailoverMode mode) {
      this.poolFailoverMode = requireNonNull(mode, "mode");
      return this;
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

    private Builder poolStrategies(Map<Fqdn, FrontEndStrategy> strategies) {
      poolStrategies.clear();
      poolStrategies.putAll(strategies);
      return this;
    }

    /**
     * See {@link PlanOptions#drainingTimeout()}: positive and at most an hour, the cmdlet's
     * default {@code -WaitTime}, so the drain ends before the cmdlet gives up.
     */
    public Builder drainingTimeout(Duration drainingTimeout) {
      requireNonNull(drainingTimeout, "drainingTimeout");
      if (drainingTimeout.isNegative() || drainingTimeout.isZero() || drainingTimeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("drainingTimeout must be positive and at most 1 hour (the cmdlet's"
            + " default -WaitTime), was " + drainingTimeout);
      }
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
      return new PlanOptions(this);
    }
  }
}
