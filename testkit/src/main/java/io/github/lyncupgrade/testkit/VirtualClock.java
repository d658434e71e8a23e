package io.github.lyncupgrade.testkit;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.run.UpgradeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time that passes only when told to: {@link #sleep} and {@link #advance} move it forward at
 * once, so hours of procedure run in milliseconds. Thread-safe; time never goes backwards.
 */
public final class VirtualClock implements UpgradeClock {
  /** Where virtual time starts unless told otherwise: 2026-01-10 22:00 UTC, a Saturday evening window. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-10T22:00:00Z");

  private final Instant start;
  private final AtomicReference<Instant> now;

  private VirtualClock(Instant start) {
    this.start = start;
    this.now = new AtomicReference<>(start);
  }

  /** A clock at {@link #DEFAULT_START}. */
  public static VirtualClock create() {
    return startingAt(DEFAULT_START);
  }

  /** A clock at {@code start}. */
  public static VirtualClock startingAt(Instant start) {
    return new VirtualClock(requireNonNull(start, "start"));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /** Moves time forward by {@code duration} at once; never blocks. */
  @Override
  public void sleep(Duration duration) {
    advance(duration);
  }

  /**
   * Moves time forward by {@code duration}.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("virtual time never goes backwards; got " + duration);
    }
    now.updateAndGet(current -> current.plus(duration));
  }

  /** How much virtual time has passed since the clock was made. */
  public Duration elapsed() {
    return Duration.between(start, now());
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now() + ", elapsed " + elapsed() + "]";
  }
}
