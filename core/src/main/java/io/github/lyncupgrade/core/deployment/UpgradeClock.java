package io.github.lyncupgrade.core.deployment;

import java.time.Duration;
import java.time.Instant;

/**
 * The time source and the only way to wait, injected wherever the SDK waits (the 10-minute
 * Busy interval, a restart). {@link #system()} uses the real clock; the testkit's virtual clock
 * makes hours of procedure pass in milliseconds (and is a {@link WorkTrackingClock}, so steps on
 * several threads overlap in virtual time).
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
   * Runs {@code action} once, when this clock reaches {@code at}: the run's Back End watch (BE-0)
   * rings this way while a step still runs. An instant already reached runs {@code action} at once,
   * on the calling thread. The default counts in real time, on a daemon thread of the SDK's
   * ({@code lync-upgrade-alarm}); a clock whose time does not pass with real time (a virtual clock)
   * must ring its alarms itself as its time passes. {@code action} should be quick and must not
   * throw; what it throws is logged.
   *
   * @return a handle that cancels the alarm, if it has not rung yet
   */
  default Alarm alarmAt(Instant at, Runnable action) {
    return RealTimeAlarms.schedule(this, at, action);
  }

  /** An alarm set with {@link #alarmAt}. */
  @FunctionalInterface
  interface Alarm {
    /** Cancels the alarm if it has not rung yet; does nothing otherwise. */
    void cancel();
  }

  /** The system clock in UTC, waiting with {@link Thread#sleep}. */
  static UpgradeClock system() {
    return SystemUpgradeClock.INSTANCE;
  }
}
