package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.step.CheckAdministratorRole;
import io.github.lyncupgrade.core.step.InstallUpdate;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.StageUpdate;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.util.List;

/**
 * The work on one server that every procedure shares: stage (BE-2, SDK-5), install (FE-2b, BE-7,
 * CR-3b, CR-8), restart (FE-2c), verify (FE-2c, CR-3c, SDK-2), and BE-1 with what a Back End
 * already at the build may skip. Each looks at the server first where its effect can be seen, so a
 * step a crash interrupted, or a server already updated, is not done twice.
 */
final class ServerWork {
  private final RunContext run;

  ServerWork(RunContext run) {
    this.run = run;
  }

  StepResult stage(StageUpdate step) {
    ServerStatus status = run.deployment().serverStatus(step.target());
    if (run.isAtTarget(status.installedVersion())) {
      return new StepResult.Done("already at build " + status.installedVersion() + "; nothing to stage");
    }
    run.deployment().stageUpdate(step.target(), run.update());
    return new StepResult.Done("update copied and extracted");
  }

  StepResult install(InstallUpdate step) {
    Fqdn server = step.target();
    ServerStatus status = run.deployment().serverStatus(server);
    if (run.isAtTarget(status.installedVersion())) {
      return new StepResult.Done("already at build " + status.installedVersion() + "; the installer was not run");
    }
    boolean restartRequired = run.deployment().installUpdate(server, run.update());
    return new StepResult.Done("installed build " + run.update().targetVersion() + (!restartRequired ? ""
        : step.scope().isBackEnd()
            ? "; the installer asks for a restart (exit 3010, CR-8): restart " + server + " once its procedure is done"
            : "; the installer asks for a restart (exit 3010, CR-8), which the next step does"));
  }

  /** {@code again}: the journal shows it started before, so the server may be back already. */
  StepResult restart(RestartServer step, boolean again) {
    if (again) {
      ServerStatus status = run.deployment().serverStatus(step.target());
      if (status.servicesRunning() && run.isAtTarget(status.installedVersion())) {
        return new StepResult.Done("re-checked: the server is back and runs build " + status.installedVersion());
      }
    }
    run.deployment().restart(step.target());
    return new StepResult.Done("restarted and back");
  }

  StepResult verify(VerifyServer step) {
    ServerStatus status = run.deployment().serverStatus(step.target());
    if (!status.servicesRunning()) {
      return RecordedWork.failure(step, "its Lync services are not running, so it does not accept new connections");
    }
    if (!run.isAtTarget(status.installedVersion())) {
      return RecordedWork.failure(step, "it runs build " + status.installedVersion() + ", not "
          + run.update().targetVersion());
    }
    step.scope().upgradeDomain().ifPresent(domain -> run.state().closeChain(step.pool(), domain, step.target()));
    return new StepResult.Done("accepts new connections; build " + status.installedVersion());
  }

  /** BE-1; a Back End already at the target build skips BE-2..BE-10, and its databases are still updated. */
  StepResult checkAdministrator(CheckAdministratorRole step) {
    if (!run.deployment().isCsAdministrator(step.target())) {
      return RecordedWork.failure(step, "the account is not a member of the CsAdministrator role (BE-1)");
    }
    ServerStatus status = run.deployment().serverStatus(step.target());
    if (!run.isAtTarget(status.installedVersion())) {
      return new StepResult.Done("member of CsAdministrator");
    }
    String reason = step.target() + " already runs build " + status.installedVersion();
    List<Step> skipped = run.chains().of(step.scope()).stream()
        .filter(ServerWork::isServerUpdateStep)
        .toList(); // BE-1 begins the chain, so none of them has run (staging ahead, SDK-5, is a chain of its own)
    skipped.forEach(other -> run.recorder().skipped(other, reason));
    return new StepResult.Done("member of CsAdministrator; " + reason + ", so BE-2..BE-10 are not needed", skipped);
  }

  /** BE-2..BE-10: what updates the server itself, which a Back End at the build needs no more. */
  private static boolean isServerUpdateStep(Step step) {
    return switch (step.kind()) {
      case STAGE_UPDATE, MANUAL, STOP_SERVICES, STOP_WEB_SERVICE, INSTALL_UPDATE, START_WEB_SERVICE -> true;
      case CHECK_POOL_READINESS, CHECK_DOMAIN_READINESS, RESTART_SERVER, VERIFY_SERVER, START_SERVICES, FAIL_OVER_POOL,
          FAIL_BACK_POOL, CHECK_ADMINISTRATOR_ROLE, UPDATE_DATABASES, CUSTOM, CHECK_FABRIC_STATE, FAIL_OVER_SERVER,
          FAIL_BACK_SERVER, VERIFY_DATABASES, PUBLISH_TOPOLOGY, FAIL_OVER_CENTRAL_MANAGEMENT_STORE, SETTLE_POOL -> false;
    };
  }
}
