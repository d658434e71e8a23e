package io.github.lyncupgrade.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The time source and the only way to wait, injected wherever the SDK waits (the 10-minute
 * Busy interval, a restart). {@link #system()} uses the real clock; the testkit's virtual clock
 * makes hours of procedure pass in milliseconds.
 */
public interface UpgradeClock {

  /** The current instant. */
  Instant now();

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Wraps a task the executor is about to hand to another thread. A virtual clock counts the
   * task as work in flight from this call until the matching {@link #workCollected()}, and
   * moves time on only while all work in flight waits in {@link #sleep}: so steps on different
   * threads overlap in virtual time as they would in real time. A real clock returns the task
   * as it is, which is what this default does.
   */
  default <T> Callable<T> trackWork(Callable<T> task) {
    return task;
  }

  /**
   * The executor has handled the result of one task from {@link #trackWork} (and submitted the
   * tasks it let start), or given up on a task that ended. Does nothing by default.
   */
  default void workCollected() {}

  /** The system clock in UTC, waiting with {@link Thread#sleep}. */
  static UpgradeClock system() {
    return SystemUpgradeClock.INSTANCE;
  }
}
