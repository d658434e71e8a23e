package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.plan.ServerStep;
import io.github.lyncupgrade.core.plan.Step;
import io.github.lyncupgrade.core.plan.StepId;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.MDC;

/**
 * One run of a plan: starts every step whose prerequisites are done, in plan order, up to the
 * parallelism (which only the servers of one upgrade domain can use), and stops starting steps
 * after a failure or a cancel. With a parallelism of one it follows the plan's linear order
 * exactly, on the calling thread.
 */
final class RunSession {
  private record Completion(int index, StepResult result) {}

  private final UpgradePlan plan;
  private final StepRecorder recorder;
  private final StepPerformer performer;
  private final BackEndWatch backEnd;
  private final EventDispatcher events;
  private final UpgradeClock clock;
  private final CancelSignal cancel;
  private final int parallelism;
  private final Set<StepId> again;
  private final Map<StepId, Duration> durations = new ConcurrentHashMap<>();

  private final List<Step> steps;
  private final int[] waiting;
  private final boolean[] done;
  private final List<List<Integer>> dependents = new ArrayList<>();
  private final PriorityQueue<Integer> ready = new PriorityQueue<>();
  private final Set<Integer> running = new HashSet<>();
  private RunOutcome failure;
  private boolean interrupted;

  RunSession(UpgradePlan plan, StepRecorder recorder, StepPerformer performer, BackEndWatch backEnd,
      EventDispatcher events, UpgradeClock clock, CancelSignal cancel, int parallelism, Set<StepId> again) {
    this.plan = plan;
    this.recorder = recorder;
    this.performer = performer;
    this.backEnd = backEnd;
    this.events = events;
    this.clock = clock;
    this.cancel = cancel;
    this.parallelism = parallelism;
    this.again = ConcurrentHashMap.newKeySet();
    this.again.addAll(again);
    this.steps = plan.steps();
    this.waiting = new int[steps.size()];
    this.done = new boolean[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      dependents.add(new ArrayList<>(2));
      done[i] = recorder.status(steps.get(i).id()).isDone();
    }
    for (int i = 0; i < steps.size(); i++) {
      for (StepId prerequisite : plan.prerequisites(steps.get(i).id())) {
        int p = plan.positionOf(prerequisite);
        dependents.get(p).add(i);
        waiting[i] += done[p] ? 0 : 1;
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      if (!done[i] && waiting[i] == 0) {
        ready.add(i);
      }
    }
  }

  RunReport run() {
    Instant startedAt = clock.now();
    int alreadyDone = count(done);
    events.emit(new RunEvent.RunStarted(startedAt, plan.fingerprint(), steps.size(), alreadyDone));
    ExecutorService workers = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "lync-upgrade-step");
      thread.setDaemon(true);
      return thread;
    }) : null;
    RunOutcome outcome;
    try {
      outcome = schedule(workers);
    } catch (Error crash) {
      recorder.die();
      throw crash;
    } finally {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
    RunReport report = new RunReport(plan, outcome, Progress.of(plan, recorder.statuses()), startedAt, clock.now(),
        durations, backEnd.downtimes());
    events.emit(new RunEvent.RunFinished(clock.now(), outcome));
    return report;
  }

  private RunOutcome schedule(ExecutorService workers) {
    CompletionService<Completion> completions = workers == null ? null : new ExecutorCompletionService<>(workers);
    while (true) {
      while (running.size() < parallelism && failure == null && !interrupted) {
        Integer next = nextAllowed();
        if (next == null) {
          break;
        }
        running.add(next);
        Step step = steps.get(next);
        if (completions == null) {
          handle(next, perform(step));
        } else {
          int index = next;
          completions.submit(() -> new Completion(index, perform(step)));
        }
      }
      if (running.isEmpty()) {
        break;
      }
      Completion completion = take(completions);
      handle(completion.index(), completion.result());
    }
    return outcome();
  }

  private RunOutcome outcome() {
    if (failure != null) {
      return failure;
    }
    int pending = steps.size() - count(done);
    if (pending == 0) {
      return new RunOutcome.Completed();
    }
    if (interrupted || cancel.isRequested()) {
      return new RunOutcome.Cancelled(pending);
    }
    throw new IllegalStateException(pending + " steps can never start; the plan's prerequisites are inconsistent");
  }

  private static Completion take(CompletionService<Completion> completions) {
    try {
      return completions.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while steps were running", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The lowest ready step that may start now: any, unless cancelled; then only steps of a chain already begun. */
  private Integer nextAllowed() {
    if (cancel.isNow()) {
      return null;
    }
    if (!cancel.isRequested()) {
      return ready.poll();
    }
    Integer candidate = ready.stream().sorted().filter(index -> insideBegunChain(steps.get(index))).findFirst()
        .orElse(null);
    if (candidate != null) {
      ready.remove(candidate);
    }
    return candidate;
  }

  /** Whether stopping before {@code step} would leave a server half-way through its procedure. */
  private boolean insideBegunChain(Step step) {
    if (!(step instanceof ServerStep serverStep)) {
      return false;
    }
    return performer.chain(serverStep.scope()).stream().anyMatch(other -> recorder.status(other.id()).isDone());
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
      return performer.perform(step, repeat);
    } catch (JournalException e) {
      return new StepResult.Failed(e.getMessage(), new RunOutcome.JournalFailure(e.getMessage()));
    } finally {
      durations.put(step.id(), Duration.between(start, clock.now()));
      MDC.remove("lync.pool");
      MDC.remove("lync.domain");
      MDC.remove("lync.server");
    }
  }

  private void handle(int index, StepResult result) {
    running.remove(index);
    if (result instanceof StepResult.Done completed) {
      markDone(index);
      completed.alsoSkipped().forEach(step -> markDone(plan.positionOf(step.id())));
    } else if (result instanceof StepResult.Skipped skipped) {
      skipped.steps().forEach(step -> markDone(plan.positionOf(step.id())));
    } else if (result instanceof StepResult.Failed failed) {
      if (failure == null) {
        failure = failed.outcome();
      }
    } else {
      interrupted = true;
    }
    backEnd.check(clock.now());
  }

  private void markDone(int index) {
    if (done[index]) {
      return;
    }
    done[index] = true;
    ready.remove(index);
    for (int dependent : dependents.get(index)) {
      if (--waiting[dependent] == 0 && !done[dependent]) {
        ready.add(dependent);
      }
    }
  }

  private static int count(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      count += flag ? 1 : 0;
    }
    return count;
  }
}
