package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.CheckDomainReadiness;
import io.github.lyncupgrade.core.plan.CheckFabricState;
import io.github.lyncupgrade.core.plan.CheckPoolReadiness;
import io.github.lyncupgrade.core.plan.CustomStep;
import io.github.lyncupgrade.core.plan.FailBackPool;
import io.github.lyncupgrade.core.plan.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.plan.FailOverPool;
import io.github.lyncupgrade.core.plan.FailOverServer;
import io.github.lyncupgrade.core.plan.ServerStep;
import io.github.lyncupgrade.core.plan.SettlePool;
import io.github.lyncupgrade.core.plan.Step;
import io.github.lyncupgrade.core.plan.StepScope;
import io.github.lyncupgrade.core.plan.StopServices;
import io.github.lyncupgrade.core.plan.UpdateDatabases;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.plan.VerifyDatabases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out one step against the deployment and records it. It checks the deployment before
 * acting wherever the step's effect can be seen (services, installed build, failover), so a
 * step interrupted by a crash, or a server already updated, is recognised and not done twice.
 */
final class StepPerformer {
  private static final String FAILED_OVER = "the pool is failed over (FE-1c): its users are on its partner, so its"
      + " servers are updated without readiness checks, still one domain at a time";

  private final LyncDeployment deployment;
  private final UpdatePackage update;
  private final UpgradeClock clock;
  private final StepRecorder recorder;
  private final RunState state;
  private final RecordedWork recordedWork;
  private final PoolFailovers failovers;
  private final ReadinessGate gate;
  private final SettleWait settleWait;
  private final QuorumGuard quorum;
  private final ReadinessQuery readiness;
  private final Map<StepScope, List<Step>> chains = new LinkedHashMap<>();
  private final Map<String, CustomAction> customActions;

  StepPerformer(UpgradePlan plan, LyncDeployment deployment, UpgradeClock clock, StepRecorder recorder,
      RunState state, BackEndWatch backEnd, EventDispatcher events, CancelSignal cancel,
      Map<String, CustomAction> customActions) {
    this.deployment = deployment;
    this.update = plan.options().updatePackage().orElseThrow();
    this.clock = clock;
    this.recorder = recorder;
    this.state = state;
    this.recordedWork = new RecordedWork(recorder, backEnd, clock);
    this.failovers = new PoolFailovers(plan, deployment, state, recordedWork, events, clock);
    this.readiness = new ReadinessQuery(plan.topology(), deployment);
    this.gate = new ReadinessGate(readiness, failovers, clock, events, cancel::isRequested);
    this.settleWait = new SettleWait(readiness, deployment, failovers, clock, events, cancel::isRequested);
    this.quorum = new QuorumGuard(plan.topology(), deployment, state);
    this.customActions = customActions;
    for (Step step : plan.steps()) {
      step.serverProcedure().ifPresent(scope -> chains.computeIfAbsent(scope, key -> new ArrayList<>()).add(step));
    }
  }

  /**
   * The steps of {@code scope}'s procedure, in plan order, with the steps a user added to it;
   * staging ahead (SDK-5) is not part of it.
   */
  List<Step> chain(StepScope scope) {
    return chains.getOrDefault(scope, List.of());
  }

  /**
   * Performs {@code step}. {@code again} says the journal shows it started (or failed) before
   * without ending, so its effect may already be there.
   */
  StepResult perform(Step step, boolean again) {
    switch (step.kind()) {
      case MANUAL:
        return skip(step, "manual step, not automated: " + step.manualReason().orElseThrow());
      case FAIL_OVER_POOL:
        return again || ((FailOverPool) step).beforeUpdate()
            ? act(step, () -> failovers.failOver((FailOverPool) step, again))
            : skip(step, "armed: runs only if a readiness check or settle wait of the pool finds a problem (FE-1b)");
      case FAIL_OVER_CENTRAL_MANAGEMENT_STORE:
        return again || ((FailOverCentralManagementStore) step).beforeUpdate()
            ? act(step, () -> failovers.failOverStore((FailOverCentralManagementStore) step))
            : skip(step, "armed: runs only before a failover of the pool (FE-1c)");
      case SETTLE_POOL:
        return state.isFailedOver(step.pool()) ? skip(step, FAILED_OVER)
            : act(step, () -> settleWait.settle((SettlePool) step));
      case FAIL_OVER_SERVER:
        return failOverServer((FailOverServer) step, again);
      case FAIL_BACK_POOL:
        return state.isFailedOver(step.pool()) ? act(step, () -> failovers.failBack((FailBackPool) step, again))
            : skip(step, "the pool was not failed over");
      case CHECK_POOL_READINESS:
        return state.isFailedOver(step.pool()) ? skip(step, FAILED_OVER)
            : act(step, () -> gate.check((CheckPoolReadiness) step));
      case CHECK_DOMAIN_READINESS:
        return state.isFailedOver(step.pool()) ? skip(step, FAILED_OVER)
            : act(step, () -> checkDomain((CheckDomainReadiness) step));
      case STOP_SERVICES:
        return stop((StopServices) step);
      case CUSTOM:
        return act(step, () -> custom((CustomStep) step));
      default:
        return act(step, () -> work((ServerStep) step, again));
    }
  }

  private StepResult work(ServerStep step, boolean again) throws InterruptedException {
    Fqdn server = step.target();
    switch (step.kind()) {
      case INSTALL_UPDATE: {
        ServerStatus status = deployment.serverStatus(server);
        if (atTarget(status)) {
          return new StepResult.Done("already at build " + status.installedVersion() + "; the installer was not run");
        }
        boolean restartRequired = deployment.installUpdate(server, update);
        return new StepResult.Done("installed build " + update.targetVersion() + (!restartRequired ? ""
            : step.scope().isBackEnd()
                ? "; the installer asks for a restart (exit 3010, CR-8): restart " + server + " once its procedure is done"
                : "; the installer asks for a restart (exit 3010, CR-8), which the next step does"));
      }
      case RESTART_SERVER: {
        if (again) {
          ServerStatus status = deployment.serverStatus(server);
          if (status.servicesRunning() && atTarget(status)) {
            return new StepResult.Done("re-checked: the server is back and runs build " + status.installedVersion());
          }
        }
        deployment.restart(server);
        return new StepResult.Done("restarted and back");
      }
      case VERIFY_SERVER:
        return verify(step);
      case START_SERVICES:
        deployment.startServices(server);
        return new StepResult.Done("services started");
      case CHECK_ADMINISTRATOR_ROLE:
        return checkAdministrator(step);
      case STAGE_UPDATE: {
        ServerStatus status = deployment.serverStatus(server);
        if (atTarget(status)) {
          return new StepResult.Done("already at build " + status.installedVersion() + "; nothing to stage");
        }
        deployment.stageUpdate(server, update);
        return new StepResult.Done("update copied and extracted");
      }
      case STOP_WEB_SERVICE:
        deployment.stopWebService(server);
        return new StepResult.Done("w3svc stopped");
      case START_WEB_SERVICE:
        deployment.startWebService(server);
        return new StepResult.Done("w3svc started");
      case UPDATE_DATABASES: {
        UpdateDatabases databases = (UpdateDatabases) step;
        deployment.updateDatabases(step.pool(), databases.variant(), databases.sqlServer());
        return new StepResult.Done(databases.command());
      }
      case VERIFY_DATABASES:
        return verifyDatabases((VerifyDatabases) step);
      case PUBLISH_TOPOLOGY:
        deployment.publishTopology(step.pool());
        return new StepResult.Done("topology published and enabled");
      case CHECK_FABRIC_STATE:
        return checkFabric((CheckFabricState) step);
      case FAIL_BACK_SERVER:
        deployment.failBackComputer(server);
        return new StepResult.Done("failed back: services enabled and started");
      default:
        throw new IllegalStateException("no work for " + step.kind());
    }
  }

  /** FE-2a, BE-4, BE-9; on a Front End, opens its chain first so two domains are never down at once. */
  private StepResult stop(StopServices step) {
    Optional<String> domain = step.scope().upgradeDomain();
    if (domain.isEmpty()) {
      return act(step, () -> {
        deployment.stopServices(step.target(), step.graceful());
        return new StepResult.Done("services stopped");
      });
    }
    return takeDown(step, status -> {
      if (!status.servicesRunning()) {
        return new StepResult.Done("services were already stopped");
      }
      deployment.stopServices(step.target(), step.graceful());
      return new StepResult.Done(step.graceful() ? "drained and stopped" : "stopped");
    });
  }

  /** CR-3a, opening the server's chain like a stop (FE-0, CR-1). */
  private StepResult failOverServer(FailOverServer step, boolean again) {
    return takeDown(step, status -> {
      if (again && !status.servicesRunning()) {
        return new StepResult.Done("re-checked: its services are already stopped (failed over)");
      }
      deployment.failOverComputer(step.target(), step.drainingTimeout());
      return new StepResult.Done("failed over: drained, services stopped and disabled");
    });
  }

  /**
   * Takes a Front End down: opens its chain only if no other domain is down (FE-0) and the pool
   * keeps its quorum (CR-1), skips a server already updated and running, else does {@code work}
   * with the server's status.
   */
  private StepResult takeDown(ServerStep step, Function<ServerStatus, StepResult> work) {
    Optional<String> unsafe = quorum.openChainIfSafe(step);
    if (unsafe.isPresent()) {
      return new StepResult.Failed(unsafe.get(), new RunOutcome.SafetyStop(step.id(), unsafe.get()));
    }
    return act(step, () -> {
      ServerStatus status = deployment.serverStatus(step.target());
      return status.servicesRunning() && atTarget(status) ? skipUpdatedServer(step, status) : work.apply(status);
    });
  }

  /** A Front End already at the target build and running needs nothing: its chain is skipped. */
  private StepResult skipUpdatedServer(ServerStep step, ServerStatus status) {
    state.closeChain(step.pool(), step.scope().group(), step.target());
    String reason = "already at build " + status.installedVersion() + " and running; nothing to do";
    List<Step> skipped = chain(step.scope()).stream()
        .filter(chainStep -> !chainStep.isCustom() && !recorder.status(chainStep.id()).isDone())
        .toList();
    skipped.forEach(chainStep -> recorder.skipped(chainStep, reason));
    return new StepResult.Skipped(skipped, reason);
  }

  /** CR-3: every routing group must have its replicas; the registrar reset only when the plan allows it. */
  private StepResult checkFabric(CheckFabricState step) {
    PoolFabricState fabric = deployment.fabricState(step.pool());
    if (!fabric.hasMissingReplicas()) {
      return new StepResult.Done(fabric.routingGroups().size() + " routing groups, none missing replicas");
    }
    if (step.resetOnMissingReplicas()) {
      deployment.resetRegistrarState(step.pool());
      PoolFabricState after = deployment.fabricState(step.pool());
      if (!after.hasMissingReplicas()) {
        return new StepResult.Done("replicas were missing in " + fabric.missingReplicas()
            + "; Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery ran (allowed by the plan) and repaired them");
      }
      fabric = after;
    }
    String reason = "Get-CsPoolFabricState reports replicas missing in routing groups " + fabric.missingReplicas()
        + " of " + step.pool() + " (CR-3); no Front End is failed over while replicas are missing. "
        + (step.resetOnMissingReplicas()
            ? "Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery ran and did not repair them: investigate"
                + " the pool before resuming"
            : "Run Reset-CsPoolRegistrarState -PoolFqdn " + step.pool() + " -ResetType QuorumLossRecovery once you"
                + " have checked the pool, then resume (or plan with resetRegistrarStateOnMissingReplicas to let the"
                + " run do it)");
    return new StepResult.Failed(reason, new RunOutcome.SafetyStop(step.id(), reason));
  }

  /** CR-7: every database at its expected version, else a failure naming those that are not. */
  private StepResult verifyDatabases(VerifyDatabases step) {
    List<DatabaseCheck> checks = deployment.testDatabases(step.pool(), step.sqlServer());
    if (checks.isEmpty()) {
      return failure(step, "Test-CsDatabase reported no database on " + step.sqlServer());
    }
    List<DatabaseCheck> stale = checks.stream().filter(check -> !check.isCurrent()).toList();
    if (!stale.isEmpty()) {
      return failure(step, "Test-CsDatabase: " + stale.size() + " of " + checks.size()
          + " databases are not at their expected version after Install-CsDatabase: " + stale);
    }
    return new StepResult.Done(checks.size() + " databases at their expected versions");
  }

  /** SDK-6: the action registered for the step; what it throws fails the step, with its message. */
  private StepResult custom(CustomStep step) {
    try {
      String detail = customActions.get(step.action()).perform(step, deployment);
      return new StepResult.Done(detail == null || detail.isBlank() ? "done" : detail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Interrupted();
    } catch (Exception e) {
      return failure(step, "the custom action '" + step.action() + "' failed: " + e.getMessage());
    }
  }

  private StepResult verify(ServerStep step) {
    ServerStatus status = deployment.serverStatus(step.target());
    if (!status.servicesRunning()) {
      return failure(step, "its Lync services are not running, so it does not accept new connections");
    }
    if (!atTarget(status)) {
      return failure(step, "it runs build " + status.installedVersion() + ", not " + update.targetVersion());
    }
    step.scope().upgradeDomain().ifPresent(domain -> state.closeChain(step.pool(), domain, step.target()));
    return new StepResult.Done("accepts new connections; build " + status.installedVersion());
  }

  /** BE-1; a Back End already at the target build skips BE-2..BE-10 (its databases are still updated). */
  private StepResult checkAdministrator(ServerStep step) {
    if (!deployment.isCsAdministrator(step.target())) {
      return failure(step, "the account is not a member of the CsAdministrator role (BE-1)");
    }
    ServerStatus status = deployment.serverStatus(step.target());
    if (!atTarget(status)) {
      return new StepResult.Done("member of CsAdministrator");
    }
    String reason = step.target() + " already runs build " + status.installedVersion();
    List<Step> skipped = chain(step.scope()).stream()
        .filter(other -> switch (other.kind()) {
          case STAGE_UPDATE, MANUAL, STOP_SERVICES, STOP_WEB_SERVICE, INSTALL_UPDATE, START_WEB_SERVICE -> true;
          default -> false;
        })
        .filter(other -> !recorder.status(other.id()).isDone())
        .map(Step.class::cast)
        .toList();
    skipped.forEach(other -> recorder.skipped(other, reason));
    return new StepResult.Done("member of CsAdministrator; " + reason + ", so BE-2..BE-10 are not needed", skipped);
  }

  private StepResult checkDomain(CheckDomainReadiness step) {
    String domain = step.upgradeDomain().name();
    PoolReadiness answer = readiness.ask(step.pool(), step.runOn(), domain);
    if (answer.isReadyForUpgrade(domain)) {
      return new StepResult.Done(domain + " is ReadyForUpgrade");
    }
    ReadinessObservation evidence = ReadinessObservation.of(clock.now(), answer);
    return new StepResult.Failed(domain + " is not ReadyForUpgrade (" + answer.state() + ")",
        new RunOutcome.DomainNotReady(step.pool(), domain, evidence));
  }

  private StepResult act(Step step, RecordedWork.Work stepWork) {
    return recordedWork.act(step, stepWork);
  }

  private static StepResult failure(Step step, String reason) {
    return RecordedWork.failure(step, reason);
  }

  private StepResult skip(Step step, String reason) {
    recorder.skipped(step, reason);
    return new StepResult.Skipped(List.of(step), reason);
  }

  private boolean atTarget(ServerStatus status) {
    return status.installedVersion().isAtLeast(update.targetVersion());
  }
}
