package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closing line of a reply is the shell's own verdict on the script. A reply that closes with
 * {@code ERROR} failed even when it holds no error record (the record lost, or never written by a
 * host that failed while writing it): the records it does hold, however sound they look, are never
 * read as the script's answer, and the run stops at that step. Against the real child-process fake
 * shell, whose records are the shapes the cmdlets return.
 */
class ErrorStatusWithoutRecordTest {
  private static final Fqdn FE01 = Fqdn.of("fe01.contoso.com");

  @TempDir
  Path directory;

  @Test
  void aReplyClosingWithErrorFailedThoughItHoldsNoErrorRecord() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--error-without-record=ping"))) {
      PsReply reply = session.invoke(PsInvocation.of(PsScript.named("ping")).with("Echo", "hello"), Duration.ofSeconds(20));

      assertThat(reply.succeeded()).isFalse();
      assertThat(reply.errors()).containsExactly(new PsReply.PsError("the script failed without an error record", ""));
    }
  }

  @Test
  void anInstallerExitCodeOfZeroInAFailedReplyIsNeverTakenAsInstalled() {
    try (PowerShellDeployment deployment = FakeShells.deployment("--error-without-record=install-update")) {
      deployment.stopServices(FE01, true);

      assertThatThrownBy(() -> deployment.installUpdate(FE01, Simulation.SAMPLE_UPDATE))
          .isInstanceOf(DeploymentException.class).isNotInstanceOf(UpdateInstallFailedException.class)
          .hasMessageContaining("fe01.contoso.com").hasMessageContaining("the script failed without an error record");
    }
  }

  @Test
  void aMembershipOfTrueInAFailedReplyIsNotBe1Passed() {
    try (PowerShellDeployment deployment = FakeShells.deployment("--error-without-record=is-administrator")) {
      assertThatThrownBy(() -> deployment.isCsAdministrator(Fqdn.of("sql01.contoso.com")))
          .isInstanceOf(DeploymentException.class).hasMessageContaining("the script failed without an error record");
    }
  }

  @Test
  void theRunStopsAtAStopWhoseReplyClosedWithErrorAndNothingIsInstalledAfterIt() throws IOException {
    Path record = directory.resolve("requests");
    RunReport report;
    try (PowerShellDeployment deployment = FakeShells.deployment("--error-without-record=stop-services", "--record=" + record)) {
      report = Executor.builder(deployment).clock(VirtualClock.create()).build()
          .run(Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
              .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.contoso()));
    }

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step().value()).isEqualTo("pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/stop-services");
      assertThat(failed.reason()).contains("the script failed without an error record");
    });
    List<String> scripts = RecordedRequests.scripts(record);
    assertThat(scripts).contains("stop-services").doesNotContain("install-update", "restart");
  }
}
