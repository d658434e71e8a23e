package com.example.consumer;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import io.github.lyncupgrade.testkit.junit.FakeDeploymentExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a user's project tests its upgrade automation with the testkit: only public API, from a
 * package of its own. docs/testing.md shows this class.
 */
@ExtendWith(FakeDeploymentExtension.class)
class MyUpgradeAutomationTest {
  private static final PlanOptions OPTIONS = PlanOptions.builder()
      .updatePackage(UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001"))
      .build();

  @Test
  void upgradesTheSampleDeploymentSafely(FakeDeployment fake) {
    UpgradePlan plan = Planner.create(OPTIONS).plan(fake.topology());

    RunReport report = Executor.builder(fake).clock(fake.clock()).build().run(plan);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(fake)
        .upgradedOneDomainAtATime()
        .neverStoppedADomainThatWasNotReady()
        .upgradedEveryServerExactlyOnce()
        .usedDatabaseVariant("pool01.contoso.com", DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED);
  }

  @Test
  void myOrderingHoldsForAnyTopology() {
    Theories.qt(100).forAll(LyncGens.topologies().withPools(1, 3))
        .checkAssert(topology -> assertThat(Planner.create(OPTIONS).plan(topology))
            .upgradesOneDomainAtATime()
            .hasEveryFrontEndInExactlyOneChain()
            .hasTheRightDatabaseUpdateForEveryPool());
  }
}
