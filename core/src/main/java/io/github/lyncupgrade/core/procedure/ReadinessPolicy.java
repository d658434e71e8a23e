package io.github.lyncupgrade.core.procedure;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Durations;
import java.time.Duration;

/**
 * How the pool readiness check (FE-1) treats {@code Busy}: wait {@code busyInterval} and check
 * again (FE-1a); {@code maxConsecutiveBusy} Busy results in a row mean the pool has a problem
 * (FE-1b). Immutable and thread-safe.
 *
 * @param busyInterval how long to wait after a Busy result; the procedure says 10 minutes
 * @param maxConsecutiveBusy how many Busy in a row make a pool problem; the procedure says 3
 */
public record ReadinessPolicy(Duration busyInterval, int maxConsecutiveBusy) {
  /** Rejects a null, zero or negative interval and a count below one. */
  public ReadinessPolicy {
    requireNonNull(busyInterval, "busyInterval");
    checkArgument(Durations.isPositive(busyInterval), "busyInterval must be positive, was %s", busyInterval);
    checkArgument(maxConsecutiveBusy >= 1, "maxConsecutiveBusy must be at least 1, was %s", maxConsecutiveBusy);
  }

  /** The procedure's policy: wait 10 minutes on Busy, a problem after 3 Busy in a row (FE-1a, FE-1b). */
  public static ReadinessPolicy ofDefaults() {
    return new ReadinessPolicy(Duration.ofMinutes(10), 3);
  }
}
