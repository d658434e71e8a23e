package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.step.Step;
import java.util.List;

/**
 * What every part of a run shares, made once per run by the {@link Executor} and handed to each
 * step handler: the plan and its update, the deployment and its capabilities, the clock, the
 * journal's recorder, the run's state, the events and the cancel signal.
 *
 * @param plan the plan
 * @param update the plan's update package
 * @param deployment the deployment
 * @param capabilities its capabilities, checked against the plan before the run
 * @param clock the run's clock
 * @param recorder the journal and the steps' statuses
 * @param work records a step's work between its journal records
 * @param state which pools are failed over and which Front Ends are down
 * @param chains each server's procedure
 * @param readiness asks for a pool's readiness on one of its Front Ends
 * @param events the listeners
 * @param cancel whether the run was asked to stop
 */
record RunContext(UpgradePlan plan, UpdatePackage update, LyncDeployment deployment, Capabilities capabilities,
    UpgradeClock clock, StepRecorder recorder, RecordedWork work, RunState state, ServerChains chains,
    ReadinessQuery readiness, EventDispatcher events, CancelSignal cancel) {

  /** The context of a run of {@code plan}; the plan names its update (the executor checks). */
  static RunContext of(UpgradePlan plan, LyncDeployment deployment, Capabilities capabilities, UpgradeClock clock,
      StepRecorder recorder, BackEndWatch backEnd, RunState state, EventDispatcher events, CancelSignal cancel) {
    return new RunContext(plan, plan.options().updatePackage().orElseThrow(), deployment, capabilities, clock, recorder,
        new RecordedWork(recorder, backEnd, clock), state, new ServerChains(plan),
        new ReadinessQuery(plan.topology(), deployment), events, cancel);
  }

  /** Whether {@code version} is the update's build or later. */
  boolean isAtTarget(BuildVersion version) {
    return version.isAtLeast(update.targetVersion());
  }

  /** Records {@code step} as not needed, for {@code reason}. */
  StepResult skip(Step step, String reason) {
    recorder.skipped(step, reason);
    return new StepResult.Skipped(List.of(step), reason);
  }

  /** Does {@code step}'s work between its journal records. */
  StepResult act(Step step, RecordedWork.Work stepWork) {
    return work.act(step, stepWork);
  }
}
