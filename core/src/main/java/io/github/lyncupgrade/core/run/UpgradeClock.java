package io.github.lyncupgrade.core.run;

import java.time.Duration;
import java.time.Instant;

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

  /** The system clock in UTC, waiting with {@link Thread#sleep}. */
  static UpgradeClock system() {
    return SystemUpgradeClock.INSTANCE;
  }
}
