package io.github.lyncupgrade.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanEstimate;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documentation's other examples (README.md and docs/*.md): each shows what the code gives, or is the code that runs. */
class ReadmeExamplesTest {
  private static final Path THIS_FILE = Path.of("src/test/java/io/github/lyncupgrade/testkit/readme/ReadmeExamplesTest.java");
  private static final Path CONSUMER_TEST = Path.of("src/test/java/com/example/consumer/MyUpgradeAutomationTest.java");
  private static final Path CRASH_TEST = Path.of("src/test/java/com/example/consumer/CrashAndResumeTest.java");

  @Test
  void theInvalidTopologyIsRefusedWithTheMessageTheReadmeShows() throws IOException {
    InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class, () -> Topology.builder()
        .pool(Pool.standard("se00.contoso.com"))
        .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1").backEnd("sql01.contoso.com"))
        .pool(Pool.standard("se;01.contoso.com"))
        .build());

    assertThat(DocBlocks.block("invalid-topology")).isEqualTo(DocBlocks.normalized(e.getMessage()));
  }

  @Test
  void theServerByServerExcerptIsAFrontEndsProcedureInTheSkypeSamplesPlan() throws IOException {
    UpgradePlan plan = Planner.create(PlanOptions.builder()
        .updatePackage(Simulation.sampleUpdate(SampleTopologies.skypeForBusiness2015())).build())
        .plan(SampleTopologies.skypeForBusiness2015());
    List<String> lines = DocBlocks.block("server-by-server").lines().toList();
    List<Step> procedure = plan.steps().stream()
        .filter(step -> step.id().value().startsWith("pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/")
            && !step.runsAhead())
        .toList();

    assertThat(lines).extracting(line -> line.split("\\s+", 2)[0])
        .containsExactlyElementsOf(procedure.stream().map(step -> step.id().value()).toList());
    Pattern cmdlet = Pattern.compile("^[A-Z][a-z]+-Cs\\w+");
    for (int i = 0; i < lines.size(); i++) {
      Matcher shown = cmdlet.matcher(lines.get(i).split("\\s+", 2)[1]);
      if (shown.find()) {
        assertThat(procedure.get(i).description()).as(lines.get(i)).contains(shown.group());
      }
    }
  }

  @Test
  void theFleetExampleRunsAndTheReadmeShowsItsCode() throws IOException {
    Topology topology = SampleTopologies.mixedFleet(12, 3, 7);
    UpdatePackage update = Simulation.SAMPLE_UPDATE;
    // fleet:begin
    PlanOptions options = PlanOptions.builder()
        .updatePackage(update)
        .concurrency(Concurrency.pools(8))        // 8 pools at once; 4 servers of a domain; 16 copies
        .build();
    UpgradePlan plan = Planner.create(options).plan(topology);
    PlanEstimate night = plan.estimate();         // window, per pool and domain, Back End downtimes
    night.warnings().forEach(System.out::println); // BE-0: a Back End expected down 30 minutes or more
    String chart = PlanRenderer.gantt(LocalDateTime.parse("2026-11-28T22:00")).render(plan); // Mermaid, from 22:00
    // fleet:end

    assertThat(chart).startsWith("gantt\n").contains("8 pools at once", "2026-11-28 22:00:00");
    assertThat(DocBlocks.block("fleet")).isEqualTo(DocBlocks.code(THIS_FILE, "fleet"));
  }

  @Test
  void theReadmeShowsTheConsumersTestAsItIsWithoutItsOptions() throws IOException {
    String file = Files.readString(CONSUMER_TEST, StandardCharsets.UTF_8);
    String body = file.substring(file.indexOf("@ExtendWith(FakeDeploymentExtension.class)"))
        .replaceFirst("(?s)private static final PlanOptions OPTIONS = .*?\\.build\\(\\);", "");

    assertThat(withoutSpace(DocBlocks.block("consumer-test"))).isEqualTo(withoutSpace(body));
  }

  @Test
  void theReadmeShowsTheConsumersCrashAndResumeTestAsItRuns() throws IOException {
    assertThat(DocBlocks.block("crash-and-resume")).isEqualTo(DocBlocks.code(CRASH_TEST, "crash-and-resume"));
  }

  /** {@code Journal.file} holds a file lock until it is closed: every Java example, on every page, opens it as a resource of a {@code try}. */
  @Test
  void everyFileJournalInTheDocumentationsExamplesIsOpenedInATry() throws IOException {
    int journals = 0;
    for (Map.Entry<String, String> page : DocBlocks.pages().entrySet()) {
      Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(page.getValue());
      while (blocks.find()) {
        String block = blocks.group(1);
        for (int at = block.indexOf("Journal.file("); at >= 0; at = block.indexOf("Journal.file(", at + 1)) {
          int resources = block.lastIndexOf("try (", at);
          assertThat(resources).as("a try before Journal.file( in %s:%n%s", page.getKey(), block).isNotNegative();
          assertThat(block.substring(resources, at))
              .as("Journal.file( among the resources of its try in %s:%n%s", page.getKey(), block).doesNotContain("{", "}");
          journals++;
        }
      }
    }
    assertThat(journals).as("examples that open a file journal").isGreaterThanOrEqualTo(3);
  }

  private static String withoutSpace(String code) {
    return code.replaceAll("\\s+", "");
  }
}
