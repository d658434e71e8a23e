package io.github.lyncupgrade.powershell;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.deployment.ServerUnreachableException;
import io.github.lyncupgrade.core.deployment.SyntheticTransactions;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.run.Verification;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation through a real child process that answers the SDK's scripts from a fake deployment. */
class PowerShellDeploymentTest {
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");

  private static PowerShellDeployment deployment(String... faults) {
    String[] flags = new String[faults.length + 1];
    flags[0] = "--deployment";
    System.arraycopy(faults, 0, flags, 1, faults.length);
    return PowerShellDeployment.over(PowerShellSession.start(FakeShells.options(flags)));
  }

  @Test
  void everyOperationTravelsThroughTheSessionAndIsParsedIntoTypedResults(@TempDir Path directory) throws IOException {
    Path record = directory.resolve("requests");
    try (PowerShellDeployment deployment = deployment("--record=" + record)) {
      Fqdn fe01 = Fqdn.of("fe01.contoso.com");
      PoolReadiness readiness = deployment.poolReadiness(POOL01, Fqdn.of("fe03.contoso.com"), ProductVersion.LYNC_SERVER_2013);
      assertThat(readiness.state()).isEqualTo(PoolUpgradeState.READY);
      assertThat(readiness.frontEndCount()).isEqualTo(6);
      assertThat(readiness.upgradeDomain("UpgradeDomain1")).hasValueSatisfying(domain -> {
        assertThat(domain.frontEnds()).containsExactly(fe01, Fqdn.of("fe02.contoso.com"));
        assertThat(domain.readyForUpgrade()).isTrue();
      });
      assertThat(deployment.isCsAdministrator(fe01)).isTrue();

      deployment.stopServices(fe01, true);
      assertThat(deployment.serverStatus(fe01).servicesRunning()).isFalse();
      deployment.stageUpdate(fe01, Simulation.SAMPLE_UPDATE);
      deployment.installUpdate(fe01, Simulation.SAMPLE_UPDATE);
      deployment.restart(fe01);
      assertThat(deployment.serverStatus(fe01).installedVersion()).isEqualTo(BuildVersion.parse("5.0.8308.1001"));
      assertThat(deployment.serverStatus(fe01).servicesRunning()).isTrue();

      Fqdn sql01 = Fqdn.of("sql01.contoso.com");
      deployment.stopWebService(sql01);
      assertThat(deployment.serverStatus(sql01).webServiceRunning()).isFalse();
      deployment.startWebService(sql01);
      deployment.startServices(sql01);
      deployment.updateDatabases(POOL01, DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED, sql01);

      deployment.failOver(POOL01, Fqdn.of("pool02.contoso.com"), PoolFailoverMode.PLANNED);
      assertThat(deployment.isFailedOver(POOL01)).isTrue();
      deployment.failBack(POOL01, Fqdn.of("pool02.contoso.com"));
      assertThat(deployment.isFailedOver(POOL01)).isFalse();
      deployment.publishTopology(POOL01);
    }
    // Each operation ran its own script, once, in order: none is skipped or answered without the shell.
    assertThat(RecordedRequests.scripts(record)).containsExactly("ping", "pool-readiness", "is-administrator",
        "stop-services", "server-status", "stage-update", "install-update", "restart", "server-status", "server-status",
        "web-service", "server-status", "web-service", "start-services", "update-databases", "fail-over",
        "failover-state", "fail-back", "failover-state", "publish-topology");
  }

  @Test
  void scriptErrorsBecomeTypedDeploymentExceptions() {
    try (PowerShellDeployment deployment = deployment("--fault=install:fe01.contoso.com", "--fault=lost:fe02.contoso.com")) {
      assertThatThrownBy(() -> deployment.updateDatabases(POOL01, DatabaseUpdateVariant.CONFIGURED_DATABASES,
          Fqdn.of("sql01.contoso.com")))
          .isInstanceOf(DeploymentException.class).hasMessageContaining("-ExcludeCollocatedStores (BE-11b)");
      deployment.stopServices(Fqdn.of("fe01.contoso.com"), false);
      assertThatThrownBy(() -> deployment.installUpdate(Fqdn.of("fe01.contoso.com"), Simulation.SAMPLE_UPDATE))
          .isInstanceOfSatisfying(UpdateInstallFailedException.class, e -> assertThat(e.exitCode()).isEqualTo(1603));
      assertThatThrownBy(() -> deployment.restart(Fqdn.of("fe02.contoso.com")))
          .isInstanceOf(ServerUnreachableException.class).hasMessageContaining("fe02.contoso.com does not answer");
    }
  }

  @Test
  void syntheticTransactionsTravelThroughTheSessionAndStopTheRunAfterTheDomainWhenTheyFail() {
    try (PowerShellDeployment deployment = deployment("--fault=synthetic:pool01.contoso.com")) {
      RunReport report = Executor.builder(deployment).clock(VirtualClock.create())
          .hook("synthetic transactions", Verification.syntheticTransactions(deployment)).build()
          .run(Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
              .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.contoso()));

      assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.Vetoed.class, vetoed -> assertThat(vetoed.reason())
          .contains("after UpgradeDomain1", "Test-CsIM: Failure: the instant message was not delivered"));
      assertThat(deployment.syntheticTransactions(POOL01)).extracting(SyntheticTransactions.Result::passed)
          .containsExactly(true, true);
    }
  }

  @Test
  void theExecutorUpgradesTheSampleThroughTheAdapter() {
    try (PowerShellDeployment deployment = deployment("--fault=busy:pool02.contoso.com:1")) {
      RunReport report = Executor.builder(deployment).clock(VirtualClock.create()).build()
          .run(Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
              .concurrency(Concurrency.sequential()).build())
              .plan(SampleTopologies.contoso()));

      assertThat(report).completed();
      assertThat(report.outcome().kind()).isEqualTo(RunOutcome.Kind.COMPLETED);
    }
  }

  @Test
  void aFailoverStateThatCannotBeReadIsNeverGuessed() {
    try (PowerShellDeployment deployment = deployment("--failover-state-unknown")) {
      assertThatThrownBy(() -> deployment.isFailedOver(POOL01)).isInstanceOf(DeploymentException.class)
          .hasMessageContaining("cannot be read automatically").hasMessageContaining("then resume");
    }
  }

  private static RunReport runSkypeSample(PowerShellDeployment deployment, PlanOptions.Builder options) {
    return Executor.builder(deployment).clock(VirtualClock.create()).build()
        .run(Planner.create(options.updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015))
            .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.skypeForBusiness2015()));
  }

  @Test
  void theExecutorPatchesASkypeForBusinessDeploymentServerByServerThroughTheAdapter() {
    try (PowerShellDeployment deployment = deployment("--sample=skype-2015",
        "--fault=restart-required:sql11.fabrikam.com")) {
      RunReport report = runSkypeSample(deployment, PlanOptions.builder());

      assertThat(report).completed();
      assertThat(deployment.fabricState(Fqdn.of("pool10.fabrikam.com")).routingGroups()).hasSize(4)
          .allSatisfy(group -> assertThat(group.secondaries()).hasSize(2));
      assertThat(deployment.testDatabases(Fqdn.of("pool10.fabrikam.com"), Fqdn.of("ag10.fabrikam.com")))
          .hasSize(4).allMatch(database -> database.isCurrent() && database.expectedVersion().equals("6.0.9319.1001"));
    }
  }

  @Test
  void missingReplicasAndAStaleDatabaseStopTheRunThroughTheAdapter() {
    try (PowerShellDeployment deployment = deployment("--sample=skype-2015", "--fault=replicas:pool10.fabrikam.com")) {
      assertThat(deployment.fabricState(Fqdn.of("pool10.fabrikam.com")).missingReplicas())
          .as("the fake's rg-1 as the GUID a report shows").containsExactly("00000000-0000-0000-0000-000000000001");
      assertThat(runSkypeSample(deployment, PlanOptions.builder()).outcome())
          .isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> assertThat(stop.reason())
              .contains("Reset-CsPoolRegistrarState -PoolFqdn pool10.fabrikam.com -ResetType QuorumLossRecovery"));
    }
    try (PowerShellDeployment deployment = deployment("--sample=skype-2015", "--fault=stale:pool11.fabrikam.com:rtcxds")) {
      assertThat(runSkypeSample(deployment, PlanOptions.builder()).outcome())
          .isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
            assertThat(failed.step().value()).isEqualTo("pool11.fabrikam.com/back-end/sql11.fabrikam.com/verify-databases");
            assertThat(failed.reason()).contains("rtcxds on sql11.fabrikam.com (expected 6.0.9319.1001, installed"
                + " 6.0.9319.0)");
          });
    }
  }

  @Test
  void theInstallersExitCodesAreReadAsSuccessRestartRequiredOrATypedFailureWithItsLog() {
    try (PowerShellDeployment deployment = deployment("--fault=restart-required:fe01.contoso.com",
        "--fault=install:fe02.contoso.com")) {
      Fqdn fe01 = Fqdn.of("fe01.contoso.com");
      Fqdn fe02 = Fqdn.of("fe02.contoso.com");
      deployment.stopServices(fe01, false);
      deployment.stopServices(fe02, false);

      assertThat(deployment.installUpdate(fe01, Simulation.SAMPLE_UPDATE)).as("3010: restart required").isTrue();
      assertThatThrownBy(() -> deployment.installUpdate(fe02, Simulation.SAMPLE_UPDATE))
          .isInstanceOfSatisfying(UpdateInstallFailedException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(1603);
            assertThat(e.logLocation()).contains("fe02.contoso.com");
          });
    }
  }
}
