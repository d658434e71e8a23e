package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.plan.CheckPoolReadiness;
import io.github.lyncupgrade.core.plan.ReadinessPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * PROCEDURE FE-1: asks for the pool's readiness until it is Ready (FE-1d), waiting the policy's
 * interval on Busy (FE-1a), and reports a problem after the policy's number of Busy in a row or
 * on InsufficientActiveFrontEnds (FE-1b).
 */
final class ReadinessGate {
  /** What the checks came to, with every answer as evidence. */
  record Verdict(boolean ready, String reason, List<ReadinessObservation> evidence, boolean interrupted) {}

  private final ReadinessQuery readiness;
  private final UpgradeClock clock;
  private final EventDispatcher events;
  private final BooleanSupplier cancelled;

  ReadinessGate(ReadinessQuery readiness, UpgradeClock clock, EventDispatcher events, BooleanSupplier cancelled) {
    this.readiness = readiness;
    this.clock = clock;
    this.events = events;
    this.cancelled = cancelled;
  }

  Verdict check(CheckPoolReadiness gate) throws InterruptedException {
    ReadinessPolicy policy = gate.policy();
    List<ReadinessObservation> evidence = new ArrayList<>();
    int busyInARow = 0;
    while (true) {
      PoolReadiness answer = readiness.ask(gate.pool(), gate.runOn(), gate.upgradeDomain());
      evidence.add(ReadinessObservation.of(clock.now(), answer));
      switch (answer.state()) {
        case READY:
          return new Verdict(true, "Ready after " + evidence.size() + (evidence.size() == 1 ? " check" : " checks"),
              evidence, false);
        case INSUFFICIENT_ACTIVE_FRONT_ENDS:
          return new Verdict(false, "InsufficientActiveFrontEnds: " + answer.activeFrontEnds() + " of "
              + answer.frontEndCount() + " Front Ends active", evidence, false);
        case BUSY:
        default:
          busyInARow++;
          if (busyInARow >= policy.maxConsecutiveBusy()) {
            return new Verdict(false, "Busy " + busyInARow + " times in a row, "
                + policy.busyInterval().toMinutes() + " minutes apart", evidence, false);
          }
          Instant until = clock.now().plus(policy.busyInterval());
          events.emit(new RunEvent.Waiting(clock.now(), gate.pool(), "PoolUpgradeState Busy (FE-1a), "
              + busyInARow + " of " + policy.maxConsecutiveBusy() + " in a row", until));
          clock.sleep(policy.busyInterval());
          if (cancelled.getAsBoolean()) {
            return new Verdict(false, "cancelled while waiting", evidence, true);
          }
      }
    }
  }
}
