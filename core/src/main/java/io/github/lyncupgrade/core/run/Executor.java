package io.github.lyncupgrade.core.run;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.DeploymentCapability;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.internal.engine.CancelSignal;
import io.github.lyncupgrade.core.internal.engine.Engine;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.journal.JournalMismatchException;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.StepScheduler;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Carries out an {@link UpgradePlan} against a {@link LyncDeployment}, enforcing the
 * procedure's safety rules whatever the plan says, recording every step in a {@link Journal}
 * before going on, and telling {@link RunListener}s what happens.
 *
 * <ul>
 *   <li>FE-1: Ready goes on; Busy waits the policy's interval on the injected clock and checks
 *       again; the policy's number of Busy in a row, or InsufficientActiveFrontEnds, is a pool
 *       problem: a pool with a partner and failover allowed is failed over (FE-1c), updated
 *       without further readiness checks and failed back (SDK-3); otherwise the run stops with
 *       {@link RunOutcome.PoolProblem} and the evidence.</li>
 *   <li>FE-2: a domain's servers are stopped only after it reports ReadyForUpgrade, checked
 *       right before the domain; no server of another domain of the pool is ever stopped while
 *       one is between stop and verify.</li>
 *   <li>A failed step stops the run: no new step starts, the running ones finish.</li>
 *   <li>BE-0: a Back End's downtime raises an event at the warning threshold and at 30 minutes.</li>
 *   <li>SDK-6: steps a user added run the {@link CustomAction} registered under their name;
 *       {@link RunHooks} are asked before and after each pool, upgrade domain and server, and
 *       may stop the run cleanly ({@link RunOutcome.Vetoed}).</li>
 *   <li>SDK-4, SDK-5: steps start as the plan's {@link StepScheduler} lets them: pools and servers
 *       of a domain at once up to the plan's {@link Concurrency}, never both pools of a
 *       disaster-recovery pair, the update staged ahead; with every limit at one, one step at a
 *       time in the plan's linear order, on the calling thread.</li>
 *   <li>A server already at the update's build is skipped, so running a plan again is safe.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Journal journal = Journal.file(path)) {  // the file stays locked until it is closed
 *   Executor executor = Executor.builder(deployment).journal(journal).build();
 *   RunReport report = executor.run(plan);     // later, after a stop: executor.resume(plan)
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #cancel()} and {@link #progress()} may be called while a run goes on.
 * One run at a time per executor.
 */
public final class Executor {
  /** The default Back End downtime warning threshold. */
  public static final Duration DEFAULT_DOWNTIME_WARNING = Duration.ofMinutes(20);
  /** How long a hook may take to answer unless told otherwise. */
  public static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofMinutes(5);

  private final Engine.Settings settings;
  private final CancelSignal cancel = new CancelSignal();
  private final AtomicReference<Live> live = new AtomicReference<>();
  private final Object oneRunAtATime = new Object();
  private boolean running;

  /** The run under way, or the last: its plan and its steps' statuses as they are now. */
  private record Live(UpgradePlan plan, Supplier<Map<StepId, StepStatus>> statuses) {}

  private Executor(Builder builder) {
    this.settings = new Engine.Settings(builder.deployment, builder.clock, builder.listeners, builder.journal,
        builder.downtimeWarning, builder.hooks, builder.hookTimeout, builder.customActions);
  }

  /** A builder for an executor that acts on {@code deployment}. */
  public static Builder builder(LyncDeployment deployment) {
    return new Builder(requireNonNull(deployment, "deployment"));
  }

  /**
   * Runs {@code plan} from the start. The journal must hold nothing of it yet.
   *
   * @throws IllegalArgumentException if the plan names no update package, has custom steps whose actions are not
   *     registered, or needs a {@link DeploymentCapability} the deployment lacks; nothing runs
   * @throws JournalException if the journal already holds steps (use {@link #resume}) or cannot be used
   * @throws JournalMismatchException if the journal belongs to another plan
   */
  public RunReport run(UpgradePlan plan) {
    return start(plan, false);
  }

  /**
   * Resumes {@code plan} from its journal: steps recorded as done are not run again; a step
   * recorded as started (or failed) but not done is checked against the deployment (services,
   * installed build, failover) and then redone or recorded as done. With an empty journal it
   * is the same as {@link #run}.
   *
   * @throws IllegalArgumentException if the plan names no update package, has custom steps whose actions are not
   *     registered, or needs a {@link DeploymentCapability} the deployment lacks; nothing runs
   * @throws JournalMismatchException if the journal was written for a different plan; it says what changed
   */
  public RunReport resume(UpgradePlan plan) {
    return start(plan, true);
  }

  /**
   * Stops the run at the next safe point: no new upgrade domain, Back End procedure or gate
   * starts, but a server between stop and verify is brought back first. The journal stays
   * consistent and {@link #resume} goes on from there.
   */
  public void cancel() {
    cancel.atSafePoint();
  }

  /**
   * Stops before the next step, whatever it is, even inside a server's stop..verify chain.
   * Running steps finish; nothing is abandoned half-way.
   */
  public void cancelNow() {
    cancel.now();
  }

  /** Where the current (or last) run stands; empty before the first run. */
  public Optional<Progress> progress() {
    Live current = live.get();
    return current == null ? Optional.empty() : Optional.of(Progress.of(current.plan(), current.statuses().get()));
  }

  private RunReport start(UpgradePlan plan, boolean resuming) {
    requireNonNull(plan, "plan");
    Engine engine = Engine.checked(plan, settings);
    synchronized (oneRunAtATime) {
      if (running) {
        throw new IllegalStateException("this executor is already running a plan; one run at a time");
      }
      running = true;
    }
    try {
      return engine.run(plan, resuming, cancel, statuses -> live.set(new Live(plan, statuses)));
    } finally {
      synchronized (oneRunAtATime) {
        running = false;
      }
    }
  }

  /** Builds an {@link Executor}; not thread-safe. */
  public static final class Builder {
    private final LyncDeployment deployment;
    private UpgradeClock clock;
    private final List<RunListener> listeners = new ArrayList<>();
    private Journal journal = Journal.inMemory();
    private Duration downtimeWarning = DEFAULT_DOWNTIME_WARNING;
    private final List<Engine.NamedHooks> hooks = new ArrayList<>();
    private Duration hookTimeout = DEFAULT_HOOK_TIMEOUT;
    private final Map<String, CustomAction> customActions = new HashMap<>();

    private Builder(LyncDeployment deployment) {
      this.deployment = deployment;
      this.clock = deployment.ownClock().orElse(UpgradeClock.system());
    }

    /**
     * The clock that times steps and waits. Unless told otherwise, the deployment's
     * {@link LyncDeployment#ownClock() own clock} if it has one (a fake in virtual time), and
     * {@link UpgradeClock#system()} otherwise.
     *
     * @throws IllegalArgumentException if the deployment runs on a clock of its own and this is another:
     *     the run's waits would pass in one time and the deployment's work in the other
     */
    public Builder clock(UpgradeClock clock) {
      requireNonNull(clock, "clock");
      Optional<UpgradeClock> own = deployment.ownClock();
      if (own.isPresent() && !own.get().equals(clock)) {
        throw new IllegalArgumentException("the deployment runs on a clock of its own (" + own.get() + "), so the"
            + " executor must use that one, not " + clock + "; leave clock(...) out and the executor uses it");
      }
      this.clock = clock;
      return this;
    }

    /** Adds a listener for the run's events. */
    public Builder listener(RunListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where to record step transitions. In memory unless told otherwise, which survives no
     * crash: give real runs {@link Journal#file}.
     */
    public Builder journal(Journal journal) {
      this.journal = requireNonNull(journal, "journal");
      return this;
    }

    /**
     * After how long a Back End's downtime raises {@link RunEvent.BackEndDowntimeWarning}; 20
     * minutes unless told otherwise. The 30-minute event of BE-0 always comes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder backEndDowntimeWarning(Duration threshold) {
      requireNonNull(threshold, "threshold");
      checkArgument(Durations.isPositive(threshold), "the warning threshold must be positive, was %s", threshold);
      this.downtimeWarning = threshold;
      return this;
    }

    /**
     * Adds {@code hooks}, called {@code name} in events, the journal and outcomes, at the run's
     * boundaries (see {@link RunHooks}); hooks are asked in the order they were added.
     */
    public Builder hook(String name, RunHooks hooks) {
      requireNonNull(name, "name");
      requireNonNull(hooks, "hooks");
      this.hooks.add(new Engine.NamedHooks(name, hooks));
      return this;
    }

    /**
     * How long a hook may take to answer before the run stops with {@link RunOutcome.HookFailed};
     * 5 minutes unless told otherwise. Real time: hooks are your code.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder hookTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      checkArgument(Durations.isPositive(timeout), "the hook timeout must be positive, was %s", timeout);
      this.hookTimeout = timeout;
      return this;
    }

    /** Registers what the plan's custom steps named {@code action} do (SDK-6, see {@link CustomStep}). */
    public Builder customAction(String action, CustomAction customAction) {
      requireNonNull(action, "action");
      requireNonNull(customAction, "customAction");
      customActions.put(action, customAction);
      return this;
    }

    /** The executor. */
    public Executor build() {
      return new Executor(this);
    }
  }
}
