package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.plan.SettlePolicy;
import io.github.lyncupgrade.core.plan.SettlePool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * CR-2 between two upgrade domains: waits until the pool has reported Ready for the policy's
 * settle time without a Not Ready answer in between (one restarts the wait), then compares the
 * routing groups ({@code Get-CsPoolFabricState}) taken at the first Ready answer with those at
 * the end. Gives up, as a pool problem, after the policy's give-up time.
 */
final class SettleWait {
  private final ReadinessQuery readiness;
  private final LyncDeployment deployment;
  private final UpgradeClock clock;
  private final EventDispatcher events;
  private final BooleanSupplier cancelled;

  SettleWait(ReadinessQuery readiness, LyncDeployment deployment, UpgradeClock clock, EventDispatcher events,
      BooleanSupplier cancelled) {
    this.readiness = readiness;
    this.deployment = deployment;
    this.clock = clock;
    this.events = events;
    this.cancelled = cancelled;
  }

  StepResult settle(SettlePool step) throws InterruptedException {
    SettlePolicy policy = step.policy();
    Instant giveUpAt = clock.now().plus(policy.giveUpAfter());
    List<ReadinessObservation> evidence = new ArrayList<>();
    Instant readySince = null;
    PoolFabricState before = null;
    int restarts = 0;
    while (true) {
      PoolReadiness answer = readiness.ask(step.pool(), step.runOn(), step.nextDomain());
      Instant now = clock.now();
      evidence.add(ReadinessObservation.of(now, answer));
      if (answer.state() == PoolUpgradeState.READY) {
        if (readySince == null) {
          readySince = now;
          before = deployment.fabricState(step.pool());
        } else if (!now.isBefore(readySince.plus(policy.settleTime()))) {
          break;
        }
      } else if (readySince != null) {
        restarts++;
        events.emit(new RunEvent.SettleRestarted(now, step.pool(), answer.state(), readySince));
        readySince = null;
      }
      if (!now.isBefore(giveUpAt)) {
        String reason = "did not stay Ready for " + policy.settleTime().toMinutes() + " minutes within "
            + policy.giveUpAfter().toMinutes() + " minutes of waiting (CR-2); last answer " + answer.state();
        return new StepResult.Failed(reason, new RunOutcome.PoolProblem(step.pool(), reason, evidence));
      }
      Instant next = readySince == null ? now.plus(policy.pollInterval())
          : earliest(now.plus(policy.pollInterval()), readySince.plus(policy.settleTime()));
      events.emit(new RunEvent.Waiting(now, step.pool(), readySince == null
          ? "settling after " + step.completedDomain() + " (CR-2): " + answer.state() + ", waiting for Ready"
          : "settling after " + step.completedDomain() + " (CR-2): Ready since " + readySince, next));
      clock.sleep(Duration.between(now, next));
      if (cancelled.getAsBoolean()) {
        return new StepResult.Interrupted();
      }
    }
    PoolFabricState after = deployment.fabricState(step.pool());
    if (!after.changesSince(before).isEmpty()) {
      RunOutcome.RoutingGroupsMoved moved = new RunOutcome.RoutingGroupsMoved(step.id(), step.pool(), before, after);
      return new StepResult.Failed(moved.describe(), moved);
    }
    return new StepResult.Done("Ready for " + policy.settleTime().toMinutes() + " minutes"
        + (restarts == 0 ? "" : " after " + restarts + (restarts == 1 ? " restart" : " restarts") + " of the wait")
        + "; " + after.routingGroups().size() + " routing groups kept their primaries and secondaries");
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
