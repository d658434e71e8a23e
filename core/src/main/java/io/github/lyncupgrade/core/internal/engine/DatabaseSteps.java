package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.step.PublishTopology;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import java.util.List;

/** BE-11's {@code Install-CsDatabase} variant, its check (CR-7) and, for AlwaysOn, the topology published again (CR-6). */
final class DatabaseSteps {
  private final RunContext run;

  DatabaseSteps(RunContext run) {
    this.run = run;
  }

  StepResult update(UpdateDatabases step) {
    run.deployment().updateDatabases(step.pool(), step.variant(), step.sqlServer());
    return new StepResult.Done(step.command());
  }

  /** CR-7: every database at its expected version, else a failure naming those that are not. */
  StepResult verify(VerifyDatabases step) {
    List<DatabaseCheck> checks = run.capabilities().databaseTests().testDatabases(step.pool(), step.sqlServer());
    if (checks.isEmpty()) {
      return RecordedWork.failure(step, "Test-CsDatabase reported no database on " + step.sqlServer());
    }
    List<DatabaseCheck> stale = checks.stream().filter(check -> !check.isCurrent()).toList();
    if (!stale.isEmpty()) {
      return RecordedWork.failure(step, "Test-CsDatabase: " + stale.size() + " of " + checks.size()
          + " databases are not at their expected version after Install-CsDatabase: " + stale);
    }
    return new StepResult.Done(checks.size() + " databases at their expected versions");
  }

  StepResult publish(PublishTopology step) {
    run.capabilities().topologyPublishing().publishTopology(step.pool());
    return new StepResult.Done("topology published and enabled");
  }
}
