package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.plan.StepScheduler;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Progress;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * One run of a plan: starts every step the plan's {@link StepScheduler} lets start, and stops
 * starting steps after a failure or a cancel. When the plan's concurrency is one step at a time
 * it follows the plan's linear order exactly, on the calling thread.
 */
final class RunSession {
  private final RunContext run;
  private final UpgradePlan plan;
  private final StepRecorder recorder;
  private final StepPerformer performer;
  private final HookRunner hooks;
  private final BackEndWatch backEnd;
  private final EventDispatcher events;
  private final UpgradeClock clock;
  private final CancelSignal cancel;
  private final Set<StepId> again;
  private final Map<StepId, Duration> durations = new ConcurrentHashMap<>();
  private final StepScheduler scheduler;
  private final Set<Step> running = new HashSet<>();
  private RunOutcome failure;
  private boolean interrupted;

  RunSession(RunContext run, StepPerformer performer, HookRunner hooks, BackEndWatch backEnd, Set<StepId> again) {
    this.run = run;
    this.plan = run.plan();
    this.recorder = run.recorder();
    this.performer = performer;
    this.hooks = hooks;
    this.backEnd = backEnd;
    this.events = run.events();
    this.clock = run.clock();
    this.cancel = run.cancel();
    this.again = ConcurrentHashMap.newKeySet();
    this.again.addAll(again);
    Set<StepId> done = plan.steps().stream().map(Step::id).filter(id -> recorder.status(id).isDone())
        .collect(Collectors.toSet());
    this.scheduler = StepScheduler.of(plan, done);
  }

  RunReport run() {
    Instant startedAt = clock.now();
    int alreadyDone = plan.size() - scheduler.remaining();
    events.emit(new RunEvent.RunStarted(startedAt, plan.fingerprint(), plan.size(), alreadyDone));
    boolean oneAtATime = plan.options().concurrency().isSequential();
    StepWorkers workers = oneAtATime ? null : new StepWorkers(clock);
    RunOutcome outcome;
    try {
      outcome = schedule(workers);
    } catch (Error crash) {
      recorder.die();
      throw crash;
    } finally {
      backEnd.stopWatching();
      if (workers != null) {
        workers.close();
      }
    }
    RunReport report = new RunReport(plan, outcome, Progress.of(plan, recorder.statuses()), startedAt, clock.now(),
        durations, backEnd.downtimes(), run.state().failedOverPools());
    events.emit(new RunEvent.RunFinished(clock.now(), outcome));
    return report;
  }

  private RunOutcome schedule(StepWorkers workers) {
    while (true) {
      while ((workers != null || running.isEmpty()) && (failure == null || stoppedByHook()) && !interrupted) {
        Optional<Step> next = nextAllowed();
        if (next.isEmpty()) {
          break;
        }
        Step step = next.get();
        running.add(step);
        if (workers == null) {
          handle(step, perform(step));
        } else {
          workers.submit(step, () -> perform(step));
        }
      }
      if (workers != null) {
        workers.dispatch();
      }
      if (running.isEmpty()) {
        break;
      }
      StepWorkers.Completion completion = workers.take();
      handle(completion.step(), completion.result());
    }
    return outcome();
  }

  private RunOutcome outcome() {
    if (failure != null) {
      return failure;
    }
    if (scheduler.isFinished()) {
      return new RunOutcome.Completed();
    }
    if (interrupted || cancel.isRequested()) {
      return new RunOutcome.Cancelled(scheduler.remaining(), !cancel.isNow());
    }
    throw new IllegalStateException(scheduler.remaining() + " steps can never start; the plan's prerequisites are"
        + " inconsistent");
  }

  /**
   * The next step that may start now: any, unless cancelled or stopped by a hook; then only steps
   * of a server's procedure already begun, so that no server is left between stop and verify.
   */
  private Optional<Step> nextAllowed() {
    if (cancel.isNow()) {
      return Optional.empty();
    }
    if (!cancel.isRequested() && failure == null) {
      return scheduler.next();
    }
    return scheduler.next(this::insideBegunChain);
  }

  /** Whether a hook stopped the run: a clean stop, which brings back the servers already begun. */
  private boolean stoppedByHook() {
    return failure instanceof RunOutcome.Vetoed || failure instanceof RunOutcome.HookFailed;
  }

  /** Whether stopping before {@code step} would leave a server half-way through its procedure. */
  private boolean insideBegunChain(Step step) {
    return run.chains().isInsideBegunChain(step, recorder);
  }

  private StepResult perform(Step step) {
    boolean repeat = again.remove(step.id());
    Instant start = clock.now();
    MDC.put("lync.pool", step.pool().toString());
    if (step instanceof ServerStep serverStep) {
      MDC.put("lync.domain", serverStep.scope().group());
      MDC.put("lync.server", serverStep.target().toString());
    }
    try {
      Optional<StepResult> stopped = hooks.before(step);
      if (stopped.isPresent()) {
        return stopped.get();
      }
      StepResult result = performer.perform(step, repeat);
      if (result instanceof StepResult.Done || result instanceof StepResult.Skipped) {
        Optional<StepResult> after = hooks.after(step);
        if (after.isPresent()) {
          return after.get();
        }
      }
      return result;
    } catch (JournalException e) {
      return new StepResult.Failed(e.getMessage(), new RunOutcome.JournalFailure(e.getMessage()));
    } finally {
      durations.put(step.id(), Duration.between(start, clock.now()));
      MDC.remove("lync.pool");
      MDC.remove("lync.domain");
      MDC.remove("lync.server");
    }
  }

  private void handle(Step step, StepResult result) {
    running.remove(step);
    if (result instanceof StepResult.Done completed) {
      scheduler.done(step);
      completed.alsoSkipped().forEach(scheduler::done);
    } else if (result instanceof StepResult.Skipped skipped) {
      skipped.steps().forEach(scheduler::done);
    } else if (result instanceof StepResult.Failed failed) {
      boolean hookStop = failed.outcome() instanceof RunOutcome.Vetoed || failed.outcome() instanceof RunOutcome.HookFailed;
      if (failure == null || (stoppedByHook() && !hookStop)) {
        failure = failed.outcome();
      }
    } else {
      interrupted = true;
    }
  }
}
