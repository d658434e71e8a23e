package io.github.lyncupgrade.core.internal;

import java.time.Duration;

/** How the SDK writes durations for people, the same in reports, estimates and charts, and checks them. Not API. */
public final class Durations {
  private Durations() {}

  /** {@code 8h 04m 30s}, or {@code 25m 00s} under an hour. */
  public static String format(Duration duration) {
    long minutes = duration.toMinutes();
    long seconds = duration.toSecondsPart();
    return minutes >= 60
        ? String.format("%dh %02dm %02ds", minutes / 60, minutes % 60, seconds)
        : String.format("%dm %02ds", minutes, seconds);
  }

  /** An offset as a clock reading, {@code 08:04}; past a day the hours go on counting. */
  public static String clock(Duration offset) {
    return String.format("%02d:%02d", offset.toHours(), offset.toMinutesPart());
  }

  /** Whether {@code duration} is more than zero. */
  public static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
