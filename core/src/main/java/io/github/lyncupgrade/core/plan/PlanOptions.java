package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

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

  private PlanOptions(Builder builder) {
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
   * {@link Concurrency#DEFAULT} and {@link StepDurations#defaults()}.
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
        .updatePackage(updatePackage);
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
        + ", stageUpdatesAhead=" + stageUpdatesAhead + "]";
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
        && stepDurations.equals(that.stepDurations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheduledDowntime, readinessPolicy, updatePackage, backEndServerProcedure, backEndOrder,
        failoverOnPoolProblem, stageUpdatesAhead, concurrency, stepDurations);
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

    private Builder() {}

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
