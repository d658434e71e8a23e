package io.github.lyncupgrade.core.procedure;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Durations;
import java.time.Duration;

/**
 * The settle rule between upgrade domains (CR-2, from Lync Server 2013's "Improving the
 * reliability of pool upgrades"): once the pool reports Ready after a domain came back, it must
 * stay Ready for {@code settleTime} before the next domain goes down; a Not Ready answer restarts
 * the wait. The routing groups' primaries and secondaries ({@code Get-CsPoolFabricState}) must be
 * the same before and after the wait. It adds to FE-1, never replaces it: Busy answers during the
 * wait are waited out and counted by the {@link ReadinessPolicy} (FE-1a, FE-1b). Immutable.
 *
 * @param settleTime how long the pool must stay Ready; Microsoft says 20 minutes; zero turns the
 *     rule off; at most {@link #MAX_SETTLE_TIME}
 * @param pollInterval how often readiness is asked while the pool is Ready
 * @param giveUpAfter after how long the wait gives up (CR-2), at the first Not Ready answer once it
 *     has passed; a Ready stretch under way is always let finish, so the settle time is never cut
 *     short, whatever its length; at most {@link #MAX_GIVE_UP}
 */
public record SettlePolicy(Duration settleTime, Duration pollInterval, Duration giveUpAfter) {
  /** The longest settle time a plan may ask for: a day. */
  public static final Duration MAX_SETTLE_TIME = Duration.ofHours(24);
  /** The longest a settle wait may go on before it gives up: a day. */
  public static final Duration MAX_GIVE_UP = Duration.ofHours(24);

  /**
   * Rejects nulls, a negative or too long settle time, a non-positive poll interval and a
   * negative or too long give-up time.
   */
  public SettlePolicy {
    requireNonNull(settleTime, "settleTime");
    requireNonNull(pollInterval, "pollInterval");
    requireNonNull(giveUpAfter, "giveUpAfter");
    checkArgument(!settleTime.isNegative() && settleTime.compareTo(MAX_SETTLE_TIME) <= 0,
        "settleTime must be between 0 and %s hours, was %s", MAX_SETTLE_TIME.toHours(), settleTime);
    checkArgument(Durations.isPositive(pollInterval), "pollInterval must be positive, was %s", pollInterval);
    checkArgument(!giveUpAfter.isNegative() && giveUpAfter.compareTo(MAX_GIVE_UP) <= 0,
        "giveUpAfter must be between 0 and %s hours, was %s", MAX_GIVE_UP.toHours(), giveUpAfter);
  }

  /** Microsoft's rule: 20 minutes of Ready, asked every 5 minutes, giving up after 2 hours. */
  public static SettlePolicy ofDefaults() {
    return new SettlePolicy(Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofHours(2));
  }

  /** No settle wait: the next domain's readiness check follows at once (the seed procedure alone). */
  public static SettlePolicy off() {
    return new SettlePolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO);
  }

  /**
   * This policy with another settle time, asked as often and giving up as late; {@link Duration#ZERO}
   * is {@link #off()}.
   */
  public SettlePolicy withSettleTime(Duration settleTime) {
    requireNonNull(settleTime, "settleTime");
    return settleTime.isZero() ? off() : new SettlePolicy(settleTime, pollInterval, giveUpAfter);
  }

  /** Whether the rule is on. */
  public boolean isOn() {
    return !settleTime.isZero();
  }
}
