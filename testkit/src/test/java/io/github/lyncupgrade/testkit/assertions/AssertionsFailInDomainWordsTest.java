package io.github.lyncupgrade.testkit.assertions;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.Progress;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.ServerState;
import org.junit.jupiter.api.Test;

/** The assertions pass when they should, and fail with messages that name pools, domains and servers. */
class AssertionsFailInDomainWordsTest {
  private static final PlanOptions OPTIONS = PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
      .concurrency(Concurrency.sequential()).build();

  private static RunReport run(FakeDeployment fake) {
    UpgradePlan plan = Planner.create(OPTIONS).plan(fake.topology());
    return Executor.builder(fake).clock(fake.clock()).build().run(plan);
  }

  @Test
  void runReportAssertionsNameTheStepAndTheServer() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso()).faults(Fault.installFails("fe03.contoso.com"))
        .build();
    RunReport report = run(fake);

    assertThat(report).endedWith(RunOutcome.Kind.STEP_FAILED)
        .failedAt("pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/install-update")
        .hasServer("fe01.contoso.com", Progress.State.DONE)
        .hasServer("fe03.contoso.com", Progress.State.FAILED)
        .hasServer("fe05.contoso.com", Progress.State.PENDING);
    assertThatThrownBy(() -> assertThat(report).completed()).hasMessageContaining("ended STEP_FAILED")
        .hasMessageContaining("fe03.contoso.com/install-update failed on fe03.contoso.com");
    assertThatThrownBy(() -> assertThat(report).hasServer("fe03.contoso.com", Progress.State.DONE))
        .hasMessageContaining("fe03.contoso.com to be DONE in UpgradeDomain2 of pool01.contoso.com, but it is FAILED");
    assertThatThrownBy(() -> assertThat(report).stoppedOnAProblemOf("pool01.contoso.com"))
        .hasMessageContaining("problem of pool pool01.contoso.com");
  }

  @Test
  void fakeAssertionsNameTheDomainsThatWereDownTogether() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    fake.stopServices(Fqdn.of("fe01.contoso.com"), false);
    fake.stopServices(Fqdn.of("fe03.contoso.com"), false);

    assertThatThrownBy(() -> assertThat(fake).upgradedOneDomainAtATime())
        .hasMessageContaining("pool01.contoso.com to upgrade one domain at a time")
        .hasMessageContaining("UpgradeDomain1=[fe01.contoso.com]").hasMessageContaining("UpgradeDomain2=[fe03.contoso.com]");
    assertThatThrownBy(() -> assertThat(fake).neverStoppedADomainThatWasNotReady())
        .hasMessageContaining("fe03.contoso.com (UpgradeDomain2 of pool01.contoso.com)");
    assertThatThrownBy(() -> assertThat(fake).upgradedEveryServerExactlyOnce()).hasMessageContaining("fe01.contoso.com=0");
    assertThatThrownBy(() -> assertThat(fake).hasEveryServerRunning()).hasMessageContaining("fe01.contoso.com of pool01");
    assertThat(fake).hasServerIn("fe01.contoso.com", ServerState.STOPPED).neverLostQuorum();
  }

  @Test
  void planAssertionsNameTheVariant() {
    UpgradePlan plan = Planner.create(OPTIONS).plan(SampleTopologies.contoso());

    assertThat(plan).hasStep("pool02.contoso.com/back-end/sql02.contoso.com/update-databases")
        .usesDatabaseVariant("pool02.contoso.com", DatabaseUpdateVariant.CONFIGURED_DATABASES);
    assertThatThrownBy(() -> assertThat(plan).usesDatabaseVariant("pool02.contoso.com",
        DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED))
        .hasMessageContaining("pool02.contoso.com to be updated once with Install-CsDatabase -Update -ConfiguredDatabases"
            + " -SqlServerFqdn <sql> -ExcludeCollocatedStores (BE-11b), but the plan uses [CONFIGURED_DATABASES]");
    assertThatThrownBy(() -> assertThat(plan).hasStep("pool02.contoso.com/nowhere")).hasMessageContaining("has none");
  }

  @Test
  void theReportRendersAsMarkdown() {
    RunReport report = run(FakeDeployment.of(SampleTopologies.contoso()));

    org.assertj.core.api.Assertions.assertThat(report.toMarkdown())
        .startsWith("### Run COMPLETED after 10h 03m 30s")
        .contains("| pool01.contoso.com | UpgradeDomain1 | DONE | fe01 DONE, fe02 DONE |")
        .contains("- Back End downtime of pool01.contoso.com: 16m 40s");
  }
}
