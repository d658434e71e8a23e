package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BE-1 on live servers: whether the account is a member of CsAdministrator is what the server's
 * {@code WindowsPrincipal.IsInRole('CSAdministrator')} answers (a System.Boolean), read through the
 * real child-process fake shell on each Back End and Standard Edition server, never assumed; an
 * account outside the role stops the run at BE-1, before anything on that server is stopped.
 */
class CsAdministratorCheckTest {
  private static final List<Fqdn> BACK_ENDS = List.of(Fqdn.of("sql01.contoso.com"), Fqdn.of("sql02.contoso.com"),
      Fqdn.of("se01.contoso.com"));
  private static final Set<String> ACTIONS = ScriptContracts.ALL.stream().filter(contract -> contract.kinds().isEmpty())
      .map(ScriptContract::script).collect(Collectors.toSet());

  @TempDir
  Path directory;

  @Test
  void membershipIsWhatEachServerAnswers() {
    try (PowerShellDeployment member = FakeShells.deployment()) {
      for (Fqdn server : BACK_ENDS) {
        assertThat(member.isCsAdministrator(server)).as("BE-1 on %s, the account a member", server).isTrue();
      }
    }
    try (PowerShellDeployment outsider = FakeShells.deployment("--not-administrator")) {
      for (Fqdn server : BACK_ENDS) {
        assertThat(outsider.isCsAdministrator(server)).as("BE-1 on %s, the account not a member", server).isFalse();
      }
    }
  }

  @Test
  void anAccountOutsideCsAdministratorStopsTheRunAtBe1BeforeTheBackEndIsTouched() throws IOException {
    Path record = directory.resolve("requests");
    RunReport report;
    try (PowerShellDeployment deployment = FakeShells.deployment("--not-administrator", "--record=" + record)) {
      report = Executor.builder(deployment).clock(VirtualClock.create()).build()
          .run(Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
              .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.contoso()));
    }

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step().value()).isEqualTo("pool01.contoso.com/back-end/sql01.contoso.com/check-administrator-role");
      assertThat(failed.reason()).contains("not a member of the CsAdministrator role (BE-1)");
    });
    List<RecordedRequests.Request> requests = RecordedRequests.in(record);
    assertThat(requests).filteredOn(request -> request.script().equals("is-administrator"))
        .extracting(request -> request.parameters().get("Server")).containsExactly("sql01.contoso.com");
    assertThat(requests).as("what acted on the Back End: only staging ahead (SDK-5), nothing of BE-4..BE-11")
        .filteredOn(request -> ACTIONS.contains(request.script()))
        .filteredOn(request -> "sql01.contoso.com".equals(request.parameters().get("Server"))
            || "sql01.contoso.com".equals(request.parameters().get("SqlServer")))
        .extracting(RecordedRequests.Request::script).containsExactly("stage-update");
  }
}
