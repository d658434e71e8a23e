package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.plan.CheckPoolReadiness;
import io.github.lyncupgrade.core.plan.ProcedureRule;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * PROCEDURE FE-1 right before an upgrade domain: asks for the pool's readiness until it is Ready
 * (FE-1d), waiting on Busy (FE-1a); a problem (FE-1b), as the {@link ReadinessJudge} finds it, goes
 * to {@link PoolFailovers#escalate} (FE-1c).
 */
final class ReadinessGate {
  private final ReadinessQuery readiness;
  private final PoolFailovers failovers;
  private final UpgradeClock clock;
  private final EventDispatcher events;
  private final BooleanSupplier cancelled;

  ReadinessGate(ReadinessQuery readiness, PoolFailovers failovers, UpgradeClock clock, EventDispatcher events,
      BooleanSupplier cancelled) {
    this.readiness = readiness;
    this.failovers = failovers;
    this.clock = clock;
    this.events = events;
    this.cancelled = cancelled;
  }

  StepResult check(CheckPoolReadiness gate) throws InterruptedException {
    ReadinessJudge judge = new ReadinessJudge(gate.policy());
    while (true) {
      PoolReadiness answer = readiness.ask(gate.pool(), gate.runOn(), gate.upgradeDomain());
      Instant now = clock.now();
      ReadinessJudge.Judgement judgement = judge.judge(answer, now);
      Optional<StepResult> end = switch (judgement.verdict()) {
        case READY -> Optional.of(new StepResult.Done("Ready after " + judge.answers()
            + (judge.answers() == 1 ? " check" : " checks")));
        case PROBLEM -> Optional.of(failovers.escalate(gate, ProcedureRule.FE_1B, judgement.reason(),
            judge.evidence()));
        case WAIT -> Optional.empty();
      };
      if (end.isPresent()) {
        return end.get();
      }
      events.emit(new RunEvent.Waiting(now, gate.pool(), ProcedureRule.FE_1A, judgement.reason(),
          now.plus(judgement.interval())));
      clock.sleep(judgement.interval());
      if (cancelled.getAsBoolean()) {
        return new StepResult.Interrupted();
      }
    }
  }
}
