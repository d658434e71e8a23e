package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.CustomAction;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunHooks;
import io.github.lyncupgrade.core.run.RunListener;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link io.github.lyncupgrade.core.run.Executor} is built on: it checks a plan against what
 * the executor was given, then runs it once, from its journal. Not an API: the module does not
 * export this package.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** A hook with the name the operator gave it. */
  public record NamedHooks(String name, RunHooks hooks) {}

  /** What an executor was built with. */
  public record Settings(LyncDeployment deployment, UpgradeClock clock, List<RunListener> listeners, Journal journal,
      Duration downtimeWarning, List<NamedHooks> hooks, Duration hookTimeout, Map<String, CustomAction> customActions) {
    /** Copies the lists and the map. */
    public Settings {
      listeners = List.copyOf(listeners);
      hooks = List.copyOf(hooks);
      customActions = Map.copyOf(customActions);
    }
  }

  private final Settings settings;
  private final Capabilities capabilities;

  private Engine(Settings settings, Capabilities capabilities) {
    this.settings = settings;
    this.capabilities = capabilities;
  }

  /**
   * An engine for {@code plan}, once the plan is checked against {@code settings}: it names its
   * update, every custom step's action is registered, the deployment has every capability its steps
   * need.
   *
   * @throws IllegalArgumentException naming what is missing; nothing runs
   */
  public static Engine checked(UpgradePlan plan, Settings settings) {
    if (plan.options().updatePackage().isEmpty()) {
      throw new IllegalArgumentException("the plan names no update package, so there is nothing to install;"
          + " plan with PlanOptions.builder().updatePackage(UpdatePackage.of(location, targetBuild))");
    }
    Set<String> missing = new TreeSet<>();
    plan.steps().stream().filter(step -> step instanceof CustomStep).map(step -> ((CustomStep) step).action())
        .filter(action -> !settings.customActions().containsKey(action)).forEach(missing::add);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the plan has custom steps (SDK-6) whose actions are not registered: "
          + missing + "; register each with Executor.builder().customAction(name, action)");
    }
    return new Engine(settings, Capabilities.checked(settings.deployment(), plan));
  }

  /**
   * Runs {@code plan} from its journal: from the start, or ({@code resuming}) from where the journal
   * says it stopped. {@code live} is given the steps' statuses as they change, for progress.
   *
   * @throws JournalException if the journal already holds steps of a run that is not resumed
   */
  public RunReport run(UpgradePlan plan, boolean resuming, CancelSignal cancel,
      Consumer<Supplier<Map<StepId, StepStatus>>> live) {
    Journal journal = settings.journal();
    UpgradeClock clock = settings.clock();
    JournalContents contents = journal.open(plan);
    if (!resuming && !contents.records().isEmpty()) {
      throw new JournalException("the journal already records " + contents.records().size()
          + " transitions of this plan; call resume(plan) to go on from there, or use a new journal");
    }
    cancel.reset();
    EventDispatcher events = new EventDispatcher(settings.listeners());
    contents.ignoredTail().ifPresent(tail -> {
      LOG.warn("{}", tail);
      events.emit(new RunEvent.JournalTailIgnored(clock.now(), tail));
    });
    StepRecorder recorder = new StepRecorder(journal, clock, events, contents);
    BackEndWatch backEnd = new BackEndWatch(plan.topology(), settings.downtimeWarning(), events, clock);
    backEnd.restore(plan, contents);
    RunContext run = RunContext.of(plan, settings.deployment(), capabilities, clock, recorder, backEnd,
        restoreState(plan, contents), events, cancel);
    live.accept(recorder::statuses);
    try (HookRunner hookRunner = new HookRunner(plan, settings.hooks(), settings.hookTimeout(), recorder)) {
      return new RunSession(run, new StepPerformer(run, settings.customActions()), hookRunner, backEnd,
          unfinished(contents)).run();
    }
  }

  /** Steps the journal shows started or failed but not done: their effect may be there. */
  private static Set<StepId> unfinished(JournalContents contents) {
    Set<StepId> unfinished = new HashSet<>();
    contents.latestStatuses().forEach((step, status) -> {
      if (status == StepStatus.STARTED || status == StepStatus.FAILED) {
        unfinished.add(step);
      }
    });
    return unfinished;
  }

  /** Which pools the journal shows failed over, and which Front Ends it shows between stop and verify. */
  private static RunState restoreState(UpgradePlan plan, JournalContents contents) {
    Map<StepId, StepStatus> statuses = contents.latestStatuses();
    RunState state = new RunState();
    List<ServerStep> stops = new ArrayList<>();
    for (Step step : plan.steps()) {
      StepStatus status = statuses.getOrDefault(step.id(), StepStatus.PENDING);
      if (step instanceof FailOverPool && status == StepStatus.SUCCEEDED) {
        state.setFailedOver(step.pool(), true);
      } else if (step instanceof FailBackPool && status == StepStatus.SUCCEEDED) {
        state.setFailedOver(step.pool(), false);
      } else if (step instanceof ServerStep server && server.takesAFrontEndDown() && status == StepStatus.SUCCEEDED) {
        stops.add(server);
      }
    }
    for (ServerStep stop : stops) {
      StepId verify = VerifyServer.idOf(stop.scope());
      if (!statuses.getOrDefault(verify, StepStatus.PENDING).isDone()) {
        Fqdn pool = stop.pool();
        state.openChain(pool, stop.scope().group(), stop.target());
      }
    }
    return state;
  }
}
