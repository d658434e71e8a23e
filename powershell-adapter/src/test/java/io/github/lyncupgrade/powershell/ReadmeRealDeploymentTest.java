package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/real-deployment.md: it compiles here, against the adapter's public API, and
 * the page shows exactly these lines. Running it needs Lync Server, which no machine of
 * this project has.
 */
class ReadmeRealDeploymentTest {
  private static final Path THIS_FILE = Path.of("src/test/java/io/github/lyncupgrade/powershell/ReadmeRealDeploymentTest.java");

  /** The example; never called (it would patch a real deployment). */
  @SuppressWarnings("unused")
  private static void upgrade(PlanOptions options) throws IOException {
    // real-deployment:begin
    try (PowerShellSession session = PowerShellSession.start(PowerShellOptions.ofDefaults());
         PowerShellDeployment deployment = PowerShellDeployment.over(session);
         Journal journal = Journal.file(Path.of("upgrade.journal"))) {     // locked until it is closed
      Topology topology = TopologyDiscovery.discover(session).topology(); // or build it yourself
      Probe.run(session, topology).notMatched().forEach(System.out::println); // what does not read as the SDK reads it
      Preflight.check(session, topology).orThrow();                      // every problem at once
      UpgradePlan plan = Planner.create(options).plan(topology);
      Files.writeString(Path.of("upgrade.ps1"), RunbookWriter.write(plan)); // to review, or run by hand
      Executor.builder(deployment).journal(journal).build().run(plan);
    }
    // real-deployment:end
  }

  @Test
  void thePageShowsTheCodeThatCompilesHere() throws IOException {
    assertThat(DocBlocks.normalized(DocBlocks.block("real-deployment")))
        .isEqualTo(DocBlocks.normalized(DocBlocks.code(THIS_FILE, "real-deployment")));
  }
}
