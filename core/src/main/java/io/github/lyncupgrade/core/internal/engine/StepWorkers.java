package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.deployment.WorkTrackingClock;
import io.github.lyncupgrade.core.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads that carry out steps when several run at once. The run decides a round of steps
 * to start, then {@link #dispatch()}es them together: every task is counted by the clock's
 * {@link WorkTrackingClock#trackWork} before any of the round reaches a thread, and a finished
 * task is given back with {@link WorkTrackingClock#workCollected} only once its result is handled
 * and the round it let start is dispatched. So a virtual clock never moves on while the run is
 * still deciding, and runs come out the same every time.
 */
final class StepWorkers implements AutoCloseable {
  record Completion(Step step, StepResult result) {}

  /** How long closing waits for abandoned steps (after a crash) to notice their interrupt. */
  private static final long ABANDON_WAIT_SECONDS = 10;

  /** The clock that tracks work in flight, if the run's clock does (a virtual clock); null for real time. */
  private final WorkTrackingClock clock;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "lync-upgrade-step");
    thread.setDaemon(true);
    return thread;
  });
  private final CompletionService<Completion> completions = new ExecutorCompletionService<>(threads);
  private final List<Callable<Completion>> round = new ArrayList<>();
  private int outstanding;
  private int handled;

  StepWorkers(UpgradeClock clock) {
    this.clock = clock instanceof WorkTrackingClock tracking ? tracking : null;
  }

  /** Adds {@code step} to the round {@link #dispatch()} starts. */
  void submit(Step step, Callable<StepResult> work) {
    outstanding++;
    Callable<Completion> task = () -> new Completion(step, work.call());
    round.add(clock == null ? task : clock.trackWork(task));
  }

  /** Starts the round's steps, then gives the clock back every result handled since the last round. */
  void dispatch() {
    round.forEach(completions::submit);
    round.clear();
    for (; handled > 0; handled--, outstanding--) {
      collected();
    }
  }

  /** Waits for the next step to end; its result counts as handled at the next {@link #dispatch()}. */
  Completion take() {
    try {
      Completion completion = completions.take().get();
      handled++;
      return completion;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while steps were running", e);
    } catch (ExecutionException e) {
      handled++;
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Interrupts what still runs (only after a crash: a run ends when nothing runs), waits
   * briefly, and settles with the clock. A round never dispatched is started only to be
   * interrupted, which takes it off a virtual clock's books.
   */
  @Override
  public void close() {
    round.forEach(completions::submit);
    round.clear();
    threads.shutdownNow();
    try {
      threads.awaitTermination(ABANDON_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (; outstanding > 0; outstanding--) {
      collected();
    }
  }

  private void collected() {
    if (clock != null) {
      clock.workCollected();
    }
  }
}
