package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import java.time.Instant;
import java.util.Optional;

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
  private final CancelSignal cancel;

  ReadinessGate(RunContext run, PoolFailovers failovers) {
    this.readiness = run.readiness();
    this.failovers = failovers;
    this.clock = run.clock();
    this.events = run.events();
    this.cancel = run.cancel();
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
      if (cancel.isRequested()) {
        return new StepResult.Interrupted();
      }
    }
  }
}
