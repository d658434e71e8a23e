package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import java.time.Instant;

/**
 * One readiness check's answer, kept as evidence when a pool has a problem (FE-1b).
 *
 * @param at when the check answered
 * @param state the pool's upgrade state
 * @param activeFrontEnds how many Front Ends were active
 * @param frontEndCount how many the pool has
 */
public record ReadinessObservation(Instant at, PoolUpgradeState state, int activeFrontEnds, int frontEndCount) {
  /** Rejects nulls. */
  public ReadinessObservation {
    requireNonNull(at, "at");
    requireNonNull(state, "state");
  }

  /** {@code readiness} as answered at {@code at}. */
  public static ReadinessObservation of(Instant at, PoolReadiness readiness) {
    return new ReadinessObservation(at, readiness.state(), readiness.activeFrontEnds(), readiness.frontEndCount());
  }

  @Override
  public String toString() {
    return at + " " + state + " (" + activeFrontEnds + " of " + frontEndCount + " Front Ends active)";
  }
}
