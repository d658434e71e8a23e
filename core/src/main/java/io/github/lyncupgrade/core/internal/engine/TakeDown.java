package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StopServices;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Taking a Front End down, by {@code Stop-CsWindowsService} (FE-2a) or
 * {@code Invoke-CsComputerFailOver} (CR-3a): its chain opens only if no other domain of the pool
 * is down (FE-0) and the pool keeps its quorum (CR-1); a Front End already updated and running
 * needs nothing, so its chain is skipped.
 */
final class TakeDown {
  private final RunContext run;
  private final QuorumGuard quorum;

  TakeDown(RunContext run) {
    this.run = run;
    this.quorum = new QuorumGuard(run.plan().topology(), run.deployment(), run.state());
  }

  /** FE-2a. */
  StepResult stop(StopServices step) {
    return takeDown(step, status -> {
      if (!status.servicesRunning()) {
        return new StepResult.Done("services were already stopped");
      }
      run.deployment().stopServices(step.target(), step.graceful());
      return new StepResult.Done(step.graceful() ? "drained and stopped" : "stopped");
    });
  }

  /** CR-3a; {@code again}: the journal shows it started before. */
  StepResult failOver(FailOverServer step, boolean again) {
    return takeDown(step, status -> {
      if (again && !status.servicesRunning()) {
        return new StepResult.Done("re-checked: its services are already stopped (failed over)");
      }
      run.capabilities().computerFailover().failOverComputer(step.target(), step.drainingTimeout());
      return new StepResult.Done("failed over: drained, services stopped and disabled");
    });
  }

  private StepResult takeDown(ServerStep step, Function<ServerStatus, StepResult> work) {
    Optional<String> unsafe = quorum.openChainIfSafe(step);
    if (unsafe.isPresent()) {
      return new StepResult.Failed(unsafe.get(), new RunOutcome.SafetyStop(step.id(), unsafe.get()));
    }
    return run.act(step, () -> {
      ServerStatus status = run.deployment().serverStatus(step.target());
      return status.servicesRunning() && run.isAtTarget(status.installedVersion()) ? skipUpdated(step, status)
          : work.apply(status);
    });
  }

  /** A Front End already at the target build and running: its chain is skipped, the steps a user added excepted (SDK-6). */
  private StepResult skipUpdated(ServerStep step, ServerStatus status) {
    run.state().closeChain(step.pool(), step.scope().group(), step.target());
    String reason = "already at build " + status.installedVersion() + " and running; nothing to do";
    List<Step> skipped = run.chains().of(step.scope()).stream()
        .filter(chainStep -> !chainStep.isCustom() && !run.recorder().status(chainStep.id()).isDone())
        .toList();
    skipped.forEach(chainStep -> run.recorder().skipped(chainStep, reason));
    return new StepResult.Skipped(skipped, reason);
  }
}
