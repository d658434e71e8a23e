package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.run.CustomAction;
import io.github.lyncupgrade.core.step.CheckAdministratorRole;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;
import io.github.lyncupgrade.core.step.CheckFabricState;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailBackServer;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.InstallUpdate;
import io.github.lyncupgrade.core.step.ManualStep;
import io.github.lyncupgrade.core.step.PublishTopology;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.SettlePool;
import io.github.lyncupgrade.core.step.StageUpdate;
import io.github.lyncupgrade.core.step.StartServices;
import io.github.lyncupgrade.core.step.StartWebService;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepVisitor;
import io.github.lyncupgrade.core.step.StopServices;
import io.github.lyncupgrade.core.step.StopWebService;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.util.Map;

/**
 * Carries out one step against the deployment and records it: a {@link StepVisitor}, so every
 * step type has its handler or the code does not compile. The handlers, by concern: the gates
 * before a domain ({@link ReadinessGate}, {@link SettleWait}, {@link DomainGate}, {@link FabricCheck}),
 * taking a Front End down ({@link TakeDown}), the work on a server ({@link ServerWork}), the
 * databases ({@link DatabaseSteps}), the pool's failover ({@link PoolFailovers}) and the user's
 * steps ({@link CustomSteps}).
 */
final class StepPerformer {
  private static final String FAILED_OVER = "the pool is failed over (FE-1c): its users are on its partner, so its"
      + " servers are updated without readiness checks, still one domain at a time";

  private final RunContext run;
  private final PoolFailovers failovers;
  private final ReadinessGate readinessGate;
  private final SettleWait settleWait;
  private final DomainGate domainGate;
  private final FabricCheck fabricCheck;
  private final TakeDown takeDown;
  private final ServerWork serverWork;
  private final DatabaseSteps databases;
  private final CustomSteps customSteps;

  StepPerformer(RunContext run, Map<String, CustomAction> customActions) {
    this.run = run;
    this.failovers = new PoolFailovers(run);
    this.readinessGate = new ReadinessGate(run, failovers);
    this.settleWait = new SettleWait(run, failovers);
    this.domainGate = new DomainGate(run);
    this.fabricCheck = new FabricCheck(run);
    this.takeDown = new TakeDown(run);
    this.serverWork = new ServerWork(run);
    this.databases = new DatabaseSteps(run);
    this.customSteps = new CustomSteps(run, customActions);
  }

  /**
   * Performs {@code step}. {@code again} says the journal shows it started (or failed) before
   * without ending, so its effect may already be there.
   */
  StepResult perform(Step step, boolean again) {
    return step.accept(new Dispatch(again));
  }

  /** One step's dispatch to its handler; {@code again} as in {@link #perform}. */
  private final class Dispatch implements StepVisitor<StepResult> {
    private final boolean again;

    Dispatch(boolean again) {
      this.again = again;
    }

    private boolean failedOver(Step step) {
      return run.state().isFailedOver(step.pool());
    }

    @Override
    public StepResult visit(CheckPoolReadiness step) {
      return failedOver(step) ? run.skip(step, FAILED_OVER) : run.act(step, () -> readinessGate.check(step));
    }

    @Override
    public StepResult visit(CheckDomainReadiness step) {
      return failedOver(step) ? run.skip(step, FAILED_OVER) : run.act(step, () -> domainGate.check(step));
    }

    @Override
    public StepResult visit(SettlePool step) {
      return failedOver(step) ? run.skip(step, FAILED_OVER) : run.act(step, () -> settleWait.settle(step));
    }

    @Override
    public StepResult visit(FailOverPool step) {
      return again || step.beforeUpdate() ? run.act(step, () -> failovers.failOver(step, again))
          : run.skip(step, "armed: runs only if a readiness check or settle wait of the pool finds a problem (FE-1b)");
    }

    @Override
    public StepResult visit(FailOverCentralManagementStore step) {
      return again || step.beforeUpdate() ? run.act(step, () -> failovers.failOverStore(step))
          : run.skip(step, "armed: runs only before a failover of the pool (FE-1c)");
    }

    @Override
    public StepResult visit(FailBackPool step) {
      return failedOver(step) ? run.act(step, () -> failovers.failBack(step, again))
          : run.skip(step, "the pool was not failed over");
    }

    @Override
    public StepResult visit(StopServices step) {
      if (step.scope().upgradeDomain().isPresent()) {
        return takeDown.stop(step);
      }
      return run.act(step, () -> {
        run.deployment().stopServices(step.target(), step.graceful());
        return new StepResult.Done("services stopped");
      });
    }

    @Override
    public StepResult visit(InstallUpdate step) {
      return run.act(step, () -> serverWork.install(step));
    }

    @Override
    public StepResult visit(RestartServer step) {
      return run.act(step, () -> serverWork.restart(step, again));
    }

    @Override
    public StepResult visit(VerifyServer step) {
      return run.act(step, () -> serverWork.verify(step));
    }

    @Override
    public StepResult visit(StartServices step) {
      return run.act(step, () -> {
        run.deployment().startServices(step.target());
        return new StepResult.Done("services started");
      });
    }

    @Override
    public StepResult visit(CheckAdministratorRole step) {
      return run.act(step, () -> serverWork.checkAdministrator(step));
    }

    @Override
    public StepResult visit(StageUpdate step) {
      return run.act(step, () -> serverWork.stage(step));
    }

    @Override
    public StepResult visit(ManualStep step) {
      return run.skip(step, "manual step, not automated: " + step.manualReason().orElseThrow());
    }

    @Override
    public StepResult visit(StopWebService step) {
      return run.act(step, () -> {
        run.deployment().stopWebService(step.target());
        return new StepResult.Done("w3svc stopped");
      });
    }

    @Override
    public StepResult visit(StartWebService step) {
      return run.act(step, () -> {
        run.deployment().startWebService(step.target());
        return new StepResult.Done("w3svc started");
      });
    }

    @Override
    public StepResult visit(UpdateDatabases step) {
      return run.act(step, () -> databases.update(step));
    }

    @Override
    public StepResult visit(VerifyDatabases step) {
      return run.act(step, () -> databases.verify(step));
    }

    @Override
    public StepResult visit(PublishTopology step) {
      return run.act(step, () -> databases.publish(step));
    }

    @Override
    public StepResult visit(CheckFabricState step) {
      return run.act(step, () -> fabricCheck.check(step));
    }

    @Override
    public StepResult visit(FailOverServer step) {
      return takeDown.failOver(step, again);
    }

    @Override
    public StepResult visit(FailBackServer step) {
      return run.act(step, () -> {
        run.capabilities().computerFailover().failBackComputer(step.target());
        return new StepResult.Done("failed back: services enabled and started");
      });
    }

    @Override
    public StepResult visit(CustomStep step) {
      return run.act(step, () -> customSteps.perform(step));
    }
  }
}
