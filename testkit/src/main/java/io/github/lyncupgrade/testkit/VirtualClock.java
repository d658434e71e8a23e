package io.github.lyncupgrade.testkit;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.deployment.WorkTrackingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time that passes only when told to, so hours of procedure run in milliseconds.
 *
 * <p>On a thread of its own, {@link #sleep} moves time forward at once. Work the executor hands
 * to other threads ({@link #trackWork}) is different: time then moves only when every piece of
 * work in flight waits in {@link #sleep}, straight to the earliest wake-up, and the work wakes
 * one piece at a time in order of wake-up time (then of sleeping), so steps overlap in virtual
 * time as they would in real time and a run is the same every time. If work in flight makes no
 * progress for {@link #STUCK_AFTER} of real time (it waits on something other than this clock),
 * the waiting work fails with an {@link IllegalStateException} that says so, rather than hang.
 *
 * <p>Alarms ({@link #alarmAt}) ring as time passes them, in order, each with the clock at its
 * instant: an untracked {@link #sleep} of two hours rings the alarms inside those hours on the
 * sleeping thread before it returns; among tracked work, an alarm that comes before every wake-up
 * rings on the thread that found it, before the next piece of work wakes. An action that throws
 * lets its exception out on that thread, so a test sees it.
 *
 * <p>Thread-safe; time never goes backwards.
 */
public final class VirtualClock implements WorkTrackingClock {
  /** Where virtual time starts unless told otherwise: 2026-01-10 22:00 UTC, a Saturday evening window. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-10T22:00:00Z");
  /** How long tracked work may make no progress, in real time, before it is declared stuck. */
  public static final Duration STUCK_AFTER = Duration.ofSeconds(60);

  /** A piece of tracked work waiting for its turn: to start, or to wake from a sleep. */
  private static final class Waiter {
    final Instant wakeAt;
    final long order;
    final Condition turn;
    boolean released;

    Waiter(Instant wakeAt, long order, Condition turn) {
      this.wakeAt = wakeAt;
      this.order = order;
      this.turn = turn;
    }
  }

  /** An alarm not rung yet. */
  private static final class Alarm {
    final Instant at;
    final long order;
    final Runnable action;

    Alarm(Instant at, long order, Runnable action) {
      this.at = at;
      this.order = order;
      this.action = action;
    }
  }

  private final Instant start;
  private final Duration stuckAfter;
  private final ReentrantLock lock = new ReentrantLock();
  private final PriorityQueue<Waiter> waiters =
      new PriorityQueue<>(Comparator.comparing((Waiter waiter) -> waiter.wakeAt).thenComparingLong(waiter -> waiter.order));
  private final PriorityQueue<Alarm> alarms =
      new PriorityQueue<>(Comparator.comparing((Alarm alarm) -> alarm.at).thenComparingLong(alarm -> alarm.order));
  private boolean ringing;
  private final ThreadLocal<Boolean> tracked = ThreadLocal.withInitial(() -> false);
  private volatile Instant now;
  private int inFlight;
  private long nextOrder;
  private long progressAt = System.nanoTime();

  private VirtualClock(Instant start, Duration stuckAfter) {
    this.start = start;
    this.stuckAfter = stuckAfter;
    this.now = start;
  }

  /** A clock at {@link #DEFAULT_START}. */
  public static VirtualClock create() {
    return startingAt(DEFAULT_START);
  }

  /** A clock at {@code start}. */
  public static VirtualClock startingAt(Instant start) {
    return startingAt(start, STUCK_AFTER);
  }

  /** A clock at {@code start} that declares tracked work stuck after {@code stuckAfter} without progress. */
  static VirtualClock startingAt(Instant start, Duration stuckAfter) {
    return new VirtualClock(requireNonNull(start, "start"), requireNonNull(stuckAfter, "stuckAfter"));
  }

  @Override
  public Instant now() {
    return now;
  }

  /**
   * Waits {@code duration} of virtual time: at once on an untracked thread; in turn with the
   * other work in flight on a tracked one.
   *
   * @throws InterruptedException if a tracked thread is interrupted while it waits
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    checkNotNegative(duration);
    if (!tracked.get()) {
      advance(duration);
      return;
    }
    Waiter waiter;
    lock.lock();
    try {
      waiter = enqueue(now.plus(duration));
    } finally {
      lock.unlock();
    }
    await(waiter);
  }

  /**
   * Moves time forward by {@code duration}; never blocks.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    checkNotNegative(duration);
    lock.lock();
    try {
      Instant until = now.plus(duration);
      while (!alarms.isEmpty() && !alarms.peek().at.isAfter(until)) {
        ring(alarms.poll());
      }
      if (until.isAfter(now)) {
        now = until;
      }
      releaseNextIfAllWait();
    } finally {
      lock.unlock();
    }
  }

  /** Rings {@code action} when this clock reaches {@code at}; at once, on this thread, if it has. */
  @Override
  public UpgradeClock.Alarm alarmAt(Instant at, Runnable action) {
    requireNonNull(at, "at");
    requireNonNull(action, "action");
    Alarm alarm;
    lock.lock();
    try {
      if (at.isAfter(now)) {
        alarm = new Alarm(at, nextOrder++, action);
        alarms.add(alarm);
      } else {
        alarm = null;
      }
    } finally {
      lock.unlock();
    }
    if (alarm == null) {
      action.run();
      return () -> {};
    }
    return () -> {
      lock.lock();
      try {
        alarms.remove(alarm);
      } finally {
        lock.unlock();
      }
    };
  }

  @Override
  public <T> Callable<T> trackWork(Callable<T> task) {
    requireNonNull(task, "task");
    Waiter turn;
    lock.lock();
    try {
      inFlight++;
      turn = enqueue(now);
    } finally {
      lock.unlock();
    }
    return () -> {
      tracked.set(true);
      try {
        await(turn);
        return task.call();
      } finally {
        tracked.set(false);
      }
    };
  }

  @Override
  public void workCollected() {
    lock.lock();
    try {
      if (inFlight == 0) {
        throw new IllegalStateException("workCollected() without tracked work in flight");
      }
      inFlight--;
      releaseNextIfAllWait();
    } finally {
      lock.unlock();
    }
  }

  /** How much virtual time has passed since the clock was made. */
  public Duration elapsed() {
    return Duration.between(start, now());
  }

  private Waiter enqueue(Instant wakeAt) {
    Waiter waiter = new Waiter(wakeAt, nextOrder++, lock.newCondition());
    waiters.add(waiter);
    return waiter;
  }

  /**
   * When every piece of work in flight waits, rings the alarms due before the earliest wake-up,
   * then wakes it, moving time to its wake-up.
   */
  private void releaseNextIfAllWait() {
    while (!ringing && inFlight > 0 && waiters.size() >= inFlight) {
      Waiter next = waiters.peek();
      if (!alarms.isEmpty() && !alarms.peek().at.isAfter(next.wakeAt)) {
        ring(alarms.poll());
        continue; // the action ran without the lock: look again
      }
      waiters.poll();
      if (next.wakeAt.isAfter(now)) {
        now = next.wakeAt;
      }
      next.released = true;
      progressAt = System.nanoTime();
      next.turn.signal();
      return;
    }
  }

  /**
   * Moves time to {@code alarm}'s instant and runs its action without the lock (an action may set
   * or cancel alarms, or take its owner's lock); no other alarm rings or work wakes meanwhile.
   * Called with the lock held once.
   */
  private void ring(Alarm alarm) {
    if (alarm.at.isAfter(now)) {
      now = alarm.at;
    }
    progressAt = System.nanoTime();
    ringing = true;
    lock.unlock();
    try {
      alarm.action.run();
    } finally {
      lock.lock();
      ringing = false;
    }
  }

  private void await(Waiter waiter) throws InterruptedException {
    lock.lock();
    try {
      releaseNextIfAllWait();
      try {
        while (!waiter.released) {
          waiter.turn.await(Math.min(TimeUnit.SECONDS.toNanos(1), stuckAfter.toNanos() / 4), TimeUnit.NANOSECONDS);
          if (!waiter.released && System.nanoTime() - progressAt > stuckAfter.toNanos()) {
            waiters.remove(waiter);
            throw new IllegalStateException("virtual time is stuck: " + inFlight + " pieces of work in flight, "
                + waiters.size() + " waiting on this clock, none woken for " + stuckAfter.toMillis()
                + " ms; some work waits on something else (a lock, a real sleep, I/O)");
          }
        }
      } catch (InterruptedException e) {
        waiters.remove(waiter);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private static void checkNotNegative(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("virtual time never goes backwards; got " + duration);
    }
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now() + ", elapsed " + elapsed() + "]";
  }
}
