package io.github.lyncupgrade.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run, and the Gantt chart of docs/fleet.md: the pages must show exactly what runs. */
class ReadmeQuickStartTest {
  private static final Path THIS_FILE =
      Path.of("src/test/java/io/github/lyncupgrade/testkit/readme/ReadmeQuickStartTest.java");

  @Test
  void theQuickStartRuns() {
    // quick-start:begin
    Topology topology = Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe03.contoso.com", "fe04.contoso.com")
            .backEnd("sql01.contoso.com", CollocatedDatabase.MONITORING))
        .build();
    PlanOptions options = PlanOptions.builder()
        .updatePackage(UpdatePackage.of("C:\\Updates\\LyncServerUpdateInstaller.exe", "5.0.8308.1001"))
        .build();
    UpgradePlan plan = Planner.create(options).plan(topology);
    System.out.println(PlanRenderer.text().render(plan));

    FakeDeployment fake = FakeDeployment.of(topology); // a real deployment implements LyncDeployment
    Executor executor = Executor.builder(fake).clock(fake.clock()).journal(Journal.inMemory()).build();
    RunReport report = executor.run(plan);
    System.out.println(report.toText());
    // quick-start:end

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(plan.databaseUpdates()).singleElement().satisfies(update -> assertThat(update.command())
        .isEqualTo("Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com"
            + " -ExcludeCollocatedStores"));
  }

  @Test
  void theReadmeShowsExactlyTheCodeThatRuns() throws IOException {
    assertThat(DocBlocks.block("quick-start")).isEqualTo(DocBlocks.code(THIS_FILE, "quick-start"));
  }

  @Test
  void theReadmesGanttChartIsTheSamplesWithTwoPoolsAtOnce() throws IOException {
    UpgradePlan plan = Planner.create(PlanOptions.builder().concurrency(Concurrency.pools(2)).build())
        .plan(SampleTopologies.contoso());

    assertThat(DocBlocks.block("gantt")).isEqualTo(DocBlocks.normalized(PlanRenderer.gantt().render(plan)));
  }
}
