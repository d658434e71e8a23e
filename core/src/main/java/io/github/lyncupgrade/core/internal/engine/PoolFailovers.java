package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.run.ReadinessObservation;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.Step;
import java.util.List;
import java.util.Optional;

/**
 * A pool's problem and its failover: FE-1b found, wherever the run asked (the readiness check or
 * the settle wait), escalated by FE-1c to the pool's partner when the plan arms a failover, with
 * the Central Management Store moved first (CR-9), and the failback once the pool is done (SDK-3).
 */
final class PoolFailovers {
  private final RunContext run;
  private final UpgradePlan plan;
  private final LyncDeployment deployment;
  private final RunState state;
  private final EventDispatcher events;
  private final UpgradeClock clock;

  PoolFailovers(RunContext run) {
    this.run = run;
    this.plan = run.plan();
    this.deployment = run.deployment();
    this.state = run.state();
    this.events = run.events();
    this.clock = run.clock();
  }

  /**
   * The pool of {@code at} has a problem that {@code rule} found. Tells the listeners; then an
   * FE-1b problem of a pool whose failover the plan arms fails it over (FE-1c) and the step is
   * done; anything else stops the run with {@link RunOutcome.PoolProblem}. A settle wait that
   * gives up (CR-2) is never failed over: the pool answers Ready in between, and whether it is
   * healthy enough to keep its users is the operator's call.
   */
  StepResult escalate(Step at, ProcedureRule rule, String reason, List<ReadinessObservation> evidence) {
    Fqdn pool = at.pool();
    Optional<Step> failover = rule == ProcedureRule.FE_1B ? plan.step(FailOverPool.idOf(pool)) : Optional.empty();
    events.emit(new RunEvent.PoolProblemFound(clock.now(), pool, rule, reason, evidence, failover.isPresent()));
    if (failover.isEmpty()) {
      return new StepResult.Failed(reason, new RunOutcome.PoolProblem(pool, rule, reason + "; " + noFailover(pool, rule),
          evidence));
    }
    Optional<Step> store = plan.step(FailOverCentralManagementStore.idOf(pool));
    if (store.isPresent()) {
      StepResult moved = run.act(store.get(), () -> failOverStore((FailOverCentralManagementStore) store.get()));
      if (moved instanceof StepResult.Failed) {
        return moved;
      }
    }
    FailOverPool step = (FailOverPool) failover.get();
    StepResult failedOver = run.act(step, () -> failOver(step, false));
    if (failedOver instanceof StepResult.Failed) {
      return failedOver;
    }
    return new StepResult.Done(reason + ": a pool problem; failed over to " + step.partner()
        + " (FE-1c) and going on without readiness checks");
  }

  private String noFailover(Fqdn pool, ProcedureRule rule) {
    if (rule != ProcedureRule.FE_1B) {
      return "the run stops rather than fail the pool over (only FE-1b problems are failed over, FE-1c): check the"
          + " pool, then resume";
    }
    return plan.topology().pool(pool).orElseThrow().partnerPool().isPresent()
        ? "failover on a pool problem is turned off in the plan's options"
        : "the pool has no disaster-recovery partner to fail over to";
  }

  /** CR-9: the store moves before the pool fails over; the deployment does nothing if it is moved already. */
  StepResult failOverStore(FailOverCentralManagementStore step) {
    run.capabilities().storeFailover().failOverCentralManagementStore(step.pool(), step.backupStore(),
        step.runOn(), step.mode());
    return new StepResult.Done("Central Management Store moved to " + step.backupStore());
  }

  /** FE-1c; {@code again}: the journal shows it started before, so it may be done already. */
  StepResult failOver(FailOverPool step, boolean again) {
    if (again && deployment.isFailedOver(step.pool())) {
      state.setFailedOver(step.pool(), true);
      return new StepResult.Done("re-checked: the pool is failed over to " + step.partner());
    }
    deployment.failOver(step.pool(), step.partner(), step.mode());
    state.setFailedOver(step.pool(), true);
    events.emit(new RunEvent.PoolFailedOver(clock.now(), step.pool(), step.partner()));
    return new StepResult.Done("users moved to " + step.partner());
  }

  /** SDK-3. */
  StepResult failBack(FailBackPool step, boolean again) {
    if (!again || deployment.isFailedOver(step.pool())) {
      deployment.failBack(step.pool(), step.partner());
    }
    state.setFailedOver(step.pool(), false);
    events.emit(new RunEvent.PoolFailedBack(clock.now(), step.pool(), step.partner()));
    return new StepResult.Done("users back from " + step.partner());
  }
}
