package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.PoolFabric;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.SettlePool;
import java.time.Duration;
import java.time.Instant;

/**
 * CR-2 between two upgrade domains, on top of FE-1 (never instead of it, FE-3): every answer is
 * judged by the {@link ReadinessJudge} first, so Busy waits the readiness policy's interval
 * (FE-1a) and counts toward a pool problem (FE-1b, escalated to a failover by FE-1c), and
 * InsufficientActiveFrontEnds is a problem at once. Only Ready answers count toward the settle
 * time: the pool must stay Ready that long, asked every poll interval, and a Not Ready answer
 * restarts the wait. The routing groups ({@code Get-CsPoolFabricState}) taken at the first Ready
 * answer must be those at the end. The wait gives up (CR-2) at the first Not Ready answer once the
 * policy's give-up time has passed; a Ready stretch under way is always let finish, so the give-up
 * time never cuts a settle time short.
 */
final class SettleWait {
  private final ReadinessQuery readiness;
  private final Capabilities capabilities;
  private final PoolFailovers failovers;
  private final UpgradeClock clock;
  private final EventDispatcher events;
  private final CancelSignal cancel;

  SettleWait(RunContext run, PoolFailovers failovers) {
    this.readiness = run.readiness();
    this.capabilities = run.capabilities();
    this.failovers = failovers;
    this.clock = run.clock();
    this.events = run.events();
    this.cancel = run.cancel();
  }

  StepResult settle(SettlePool step) throws InterruptedException {
    SettlePolicy policy = step.policy();
    PoolFabric fabric = capabilities.fabric();
    ReadinessJudge judge = new ReadinessJudge(step.readiness());
    Instant giveUpAt = clock.now().plus(policy.giveUpAfter());
    Instant readySince = null;
    PoolFabricState before = null;
    int restarts = 0;
    while (true) {
      PoolReadiness answer = readiness.ask(step.pool(), step.runOn(), step.nextDomain());
      Instant now = clock.now();
      ReadinessJudge.Judgement judgement = judge.judge(answer, now);
      if (judgement.verdict() == ReadinessJudge.Judgement.Verdict.PROBLEM) {
        return failovers.escalate(step, ProcedureRule.FE_1B, judgement.reason(), judge.evidence());
      }
      boolean ready = judgement.verdict() == ReadinessJudge.Judgement.Verdict.READY;
      if (!ready && !now.isBefore(giveUpAt)) {
        return failovers.escalate(step, ProcedureRule.CR_2, "did not stay Ready for " + minutes(policy.settleTime())
            + " within " + minutes(policy.giveUpAfter()) + " of waiting (CR-2); last answer " + answer.state(),
            judge.evidence());
      }
      if (ready && readySince == null) {
        readySince = now;
        before = fabric.fabricState(step.pool());
      } else if (ready && !now.isBefore(readySince.plus(policy.settleTime()))) {
        break;
      } else if (!ready && readySince != null) {
        restarts++;
        events.emit(new RunEvent.SettleRestarted(now, step.pool(), answer.state(), readySince));
        readySince = null;
      }
      Instant next;
      RunEvent.Waiting waiting;
      if (ready) {
        next = earliest(now.plus(policy.pollInterval()), readySince.plus(policy.settleTime()));
        waiting = new RunEvent.Waiting(now, step.pool(), ProcedureRule.CR_2, "settling after "
            + step.completedDomain() + " (CR-2): Ready since " + readySince, next);
      } else {
        next = now.plus(judgement.interval());
        waiting = new RunEvent.Waiting(now, step.pool(), ProcedureRule.FE_1A, judgement.reason()
            + ", settling after " + step.completedDomain() + " (CR-2)", next);
      }
      events.emit(waiting);
      Duration left = Duration.between(clock.now(), next); // Get-CsPoolFabricState may have taken some of it
      clock.sleep(left.isNegative() ? Duration.ZERO : left);
      if (cancel.isRequested()) {
        return new StepResult.Interrupted();
      }
    }
    PoolFabricState after = fabric.fabricState(step.pool());
    if (!after.changesSince(before).isEmpty()) {
      RunOutcome.RoutingGroupsMoved moved = new RunOutcome.RoutingGroupsMoved(step.id(), step.pool(), before, after);
      return new StepResult.Failed(moved.describe(), moved);
    }
    return new StepResult.Done("Ready for " + minutes(policy.settleTime())
        + (restarts == 0 ? "" : " after " + restarts + (restarts == 1 ? " restart" : " restarts") + " of the wait")
        + "; " + after.routingGroups().size() + " routing groups kept their primaries and secondaries");
  }

  private static String minutes(Duration duration) {
    long minutes = duration.toMinutes();
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
