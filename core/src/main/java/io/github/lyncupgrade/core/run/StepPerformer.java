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
import io.github.lyncupgrade.core.plan.StepId;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one step against the deployment and records it. It checks the deployment before
 * acting wherever the step's effect can be seen (services, installed build, failover), so a
 * step interrupted by a crash, or a server already updated, is recognised and not done twice.
 */
final class StepPerformer {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

  private static final String FAILED_OVER = "the pool is failed over (FE-1c): its users are on its partner, so its"
      + " servers are updated without readiness checks, still one domain at a time";

  @FunctionalInterface
  private interface Work {
    StepResult perform() throws InterruptedException;
  }

  private final UpgradePlan plan;
  private final LyncDeployment deployment;
  private final UpdatePackage update;
  private final UpgradeClock clock;
  private final StepRecorder recorder;
  private final RunState state;
  private final ReadinessGate gate;
  private final SettleWait settleWait;
  private final QuorumGuard quorum;
  private final ReadinessQuery readiness;
  private final BackEndWatch backEnd;
  private final EventDispatcher events;
  private final Map<StepScope, List<Step>> chains = new LinkedHashMap<>();
  private final Map<String, CustomAction> customActions;

  StepPerformer(UpgradePlan plan, LyncDeployment deployment, UpgradeClock clock, StepRecorder recorder,
      RunState state, ReadinessQuery readiness, ReadinessGate gate, SettleWait settleWait, BackEndWatch backEnd,
      EventDispatcher events, Map<String, CustomAction> customActions) {
    this.settleWait = settleWait;
    this.quorum = new QuorumGuard(plan.topology(), deployment, state);
    this.plan = plan;
    this.deployment = deployment;
    this.update = plan.options().updatePackage().orElseThrow();
    this.clock = clock;
    this.recorder = recorder;
    this.state = state;
    this.readiness = readiness;
    this.gate = gate;
    this.backEnd = backEnd;
    this.events = events;
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
        return again ? act(step, () -> failOver((FailOverPool) step, true))
            : skip(step, "armed: runs only if a readiness check of the pool finds a problem (FE-1b)");
      case FAIL_OVER_CENTRAL_MANAGEMENT_STORE:
        return again ? act(step, () -> failOverStore((FailOverCentralManagementStore) step))
            : skip(step, "armed: runs only before a failover of the pool (FE-1c)");
      case SETTLE_POOL:
        return state.isFailedOver(step.pool()) ? skip(step, FAILED_OVER)
            : act(step, () -> settleWait.settle((SettlePool) step));
      case FAIL_OVER_SERVER:
        return failOverServer((FailOverServer) step, again);
      case FAIL_BACK_POOL:
        return state.isFailedOver(step.pool()) ? act(step, () -> failBack((FailBackPool) step, again))
            : skip(step, "the pool was not failed over");
      case CHECK_POOL_READINESS:
        return state.isFailedOver(step.pool()) ? skip(step, FAILED_OVER)
            : act(step, () -> checkPool((CheckPoolReadiness) step));
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

  /** CR-9: the store moves before the pool fails over; the deployment does nothing if it is moved already. */
  private StepResult failOverStore(FailOverCentralManagementStore step) {
    deployment.failOverCentralManagementStore(step.pool(), step.backupStore(), step.runOn(), step.mode());
    return new StepResult.Done("Central Management Store moved to " + step.backupStore());
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

  private StepResult checkPool(CheckPoolReadiness step) throws InterruptedException {
    ReadinessGate.Verdict verdict = gate.check(step);
    if (verdict.ready()) {
      return new StepResult.Done(verdict.reason());
    }
    if (verdict.interrupted()) {
      return new StepResult.Interrupted();
    }
    Optional<Step> failover = plan.step(new StepId(step.pool() + "/fail-over"));
    events.emit(new RunEvent.PoolProblemFound(clock.now(), step.pool(), verdict.reason(), verdict.evidence(),
        failover.isPresent()));
    if (failover.isEmpty()) {
      String why = plan.topology().pool(step.pool()).orElseThrow().partnerPool().isPresent()
          ? "failover on a pool problem is turned off in the plan's options"
          : "the pool has no disaster-recovery partner to fail over to";
      return new StepResult.Failed(verdict.reason(),
          new RunOutcome.PoolProblem(step.pool(), verdict.reason() + "; " + why, verdict.evidence()));
    }
    Optional<Step> store = plan.step(new StepId(step.pool() + "/fail-over-central-management-store"));
    if (store.isPresent()) {
      StepResult moved = act(store.get(), () -> failOverStore((FailOverCentralManagementStore) store.get()));
      if (moved instanceof StepResult.Failed failed) {
        return failed;
      }
    }
    StepResult failedOver = act(failover.get(), () -> failOver((FailOverPool) failover.get(), false));
    if (failedOver instanceof StepResult.Failed failed) {
      return failed;
    }
    return new StepResult.Done(verdict.reason() + ": a pool problem (FE-1b); failed over to "
        + ((FailOverPool) failover.get()).partner() + " (FE-1c) and going on without readiness checks");
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

  private StepResult failOver(FailOverPool step, boolean again) {
    if (again && deployment.isFailedOver(step.pool())) {
      state.setFailedOver(step.pool(), true);
      return new StepResult.Done("re-checked: the pool is failed over to " + step.partner());
    }
    deployment.failOver(step.pool(), step.partner(), step.mode());
    state.setFailedOver(step.pool(), true);
    events.emit(new RunEvent.PoolFailedOver(clock.now(), step.pool(), step.partner()));
    return new StepResult.Done("users moved to " + step.partner());
  }

  private StepResult failBack(FailBackPool step, boolean again) {
    if (!again || deployment.isFailedOver(step.pool())) {
      deployment.failBack(step.pool(), step.partner());
    }
    state.setFailedOver(step.pool(), false);
    return new StepResult.Done("users back from " + step.partner());
  }

  /** Records the start, does the work, records how it ended. */
  private StepResult act(Step step, Work work) {
    recorder.started(step);
    backEnd.stepStarting(step, clock.now());
    StepResult result;
    try {
      result = work.perform();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Interrupted();
    } catch (DeploymentException e) {
      result = failure(step, e.getMessage());
    } catch (StepRecorder.RunIsDead | JournalException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("{} threw unexpectedly", step.id(), e);
      result = failure(step, "unexpected " + e);
    }
    if (result instanceof StepResult.Done done) {
      recorder.succeeded(step, done.detail());
      backEnd.stepDone(step, clock.now());
    } else if (result instanceof StepResult.Failed failed) {
      recorder.failed(step, failed.reason());
    }
    return result;
  }

  private StepResult skip(Step step, String reason) {
    recorder.skipped(step, reason);
    return new StepResult.Skipped(List.of(step), reason);
  }

  private static StepResult failure(Step step, String reason) {
    return new StepResult.Failed(reason, new RunOutcome.StepFailed(step.id(), step.target(), reason));
  }

  private boolean atTarget(ServerStatus status) {
    return status.installedVersion().isAtLeast(update.targetVersion());
  }
}
