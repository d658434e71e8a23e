package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The settle rule between upgrade domains (CR-2, from Lync Server 2013's "Improving the
 * reliability of pool upgrades"): once the pool reports Ready after a domain came back, it must
 * stay Ready for {@code settleTime} before the next domain goes down; a Not Ready answer restarts
 * the wait. The routing groups' primaries and secondaries ({@code Get-CsPoolFabricState}) must be
 * the same before and after the wait. Immutable.
 *
 * @param settleTime how long the pool must stay Ready; Microsoft says 20 minutes; zero turns the rule off
 * @param pollInterval how often readiness is asked during the wait
 * @param giveUpAfter how long to wait in all before the pool is taken to have a problem
 */
public record SettlePolicy(Duration settleTime, Duration pollInterval, Duration giveUpAfter) {
  /** Rejects nulls, negative times, a non-positive poll interval and a give-up time shorter than the settle time. */
  public SettlePolicy {
    requireNonNull(settleTime, "settleTime");
    requireNonNull(pollInterval, "pollInterval");
    requireNonNull(giveUpAfter, "giveUpAfter");
    if (settleTime.isNegative()) {
      throw new IllegalArgumentException("settleTime must not be negative, was " + settleTime);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    if (giveUpAfter.compareTo(settleTime) < 0) {
      throw new IllegalArgumentException("giveUpAfter (" + giveUpAfter + ") must be at least settleTime ("
          + settleTime + ")");
    }
  }

  /** Microsoft's rule: 20 minutes of Ready, asked every 5 minutes, a problem after 2 hours. */
  public static SettlePolicy ofDefaults() {
    return new SettlePolicy(Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofHours(2));
  }

  /** No settle wait: the next domain's readiness check follows at once (the seed procedure alone). */
  public static SettlePolicy off() {
    return new SettlePolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO);
  }

  /** Whether the rule is on. */
  public boolean isOn() {
    return !settleTime.isZero();
  }
}
