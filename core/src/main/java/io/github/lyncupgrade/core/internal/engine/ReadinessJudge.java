package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.run.ReadinessObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PROCEDURE FE-1's judgement of readiness answers, one after another, wherever the run asks before
 * an upgrade domain: in the readiness check, and in the settle wait (CR-2) that comes first from the
 * second domain on (FE-3: FE-1 repeats for every domain). Ready goes on (FE-1d); Busy waits the
 * policy's interval (FE-1a); the policy's number of Busy in a row, or InsufficientActiveFrontEnds, is
 * a pool problem (FE-1b). Every answer is kept as evidence. Not thread-safe: one judge per step.
 */
final class ReadinessJudge {
  /**
   * What one answer comes to under FE-1: go on (FE-1d), wait {@code interval} and ask again
   * (FE-1a), or a pool problem (FE-1b); {@code reason} says which in a line.
   */
  record Judgement(Verdict verdict, String reason, Duration interval) {
    enum Verdict { READY, WAIT, PROBLEM }

    static Judgement ready() {
      return new Judgement(Verdict.READY, "Ready (FE-1d)", Duration.ZERO);
    }

    static Judgement waitFor(Duration interval, String reason) {
      return new Judgement(Verdict.WAIT, reason, interval);
    }

    static Judgement problem(String reason) {
      return new Judgement(Verdict.PROBLEM, reason, Duration.ZERO);
    }
  }

  private final ReadinessPolicy policy;
  private final List<ReadinessObservation> evidence = new ArrayList<>();
  private int busyInARow;

  ReadinessJudge(ReadinessPolicy policy) {
    this.policy = policy;
  }

  Judgement judge(PoolReadiness answer, Instant at) {
    evidence.add(ReadinessObservation.of(at, answer));
    return switch (answer.state()) {
      case READY -> {
        busyInARow = 0;
        yield Judgement.ready();
      }
      case INSUFFICIENT_ACTIVE_FRONT_ENDS -> Judgement.problem("InsufficientActiveFrontEnds: "
          + answer.activeFrontEnds() + " of " + answer.frontEndCount() + " Front Ends active (FE-1b)");
      case BUSY -> {
        busyInARow++;
        yield busyInARow >= policy.maxConsecutiveBusy()
            ? Judgement.problem("Busy " + busyInARow + " times in a row, " + policy.busyInterval().toMinutes()
                + " minutes apart (FE-1b)")
            : Judgement.waitFor(policy.busyInterval(), "PoolUpgradeState Busy (FE-1a), " + busyInARow + " of "
                + policy.maxConsecutiveBusy() + " in a row");
      }
    };
  }

  /** Every answer judged so far, with its time. */
  List<ReadinessObservation> evidence() {
    return List.copyOf(evidence);
  }

  /** How many answers were judged. */
  int answers() {
    return evidence.size();
  }
}
