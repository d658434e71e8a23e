package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.powershell.DocBlocks;
import io.github.lyncupgrade.powershell.cli.CommandLineTest.Result;
import io.github.lyncupgrade.powershell.topology.ImportedTopology;
import io.github.lyncupgrade.powershell.topology.LyncTopologyReader;
import io.github.lyncupgrade.powershell.topology.TopologyOverlay;
import io.github.lyncupgrade.testkit.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page "Topology from Lync's own files" (docs/topology-files.md): every example in it is what runs. */
class ReadmeTopologyDocumentsTest {
  private static final String MODULE = "powershell-adapter";
  private static final Path DOCUMENTS = Path.of("src/test/resources/lync-topology");

  @TempDir
  Path directory;

  @Test
  void thePlanExampleIsWhatTheCommandPrintsAndTheSamplesPlan() throws IOException {
    List<String> example = block("topology-plan");
    assertThat(example.get(0)).isEqualTo("$ cd " + MODULE + "/" + DOCUMENTS.toString().replace('\\', '/'));
    String prefix = "$ java -jar ../../../../target/lync-upgrade.jar ";
    assertThat(example.get(1)).startsWith(prefix);
    assertThat(Path.of(MODULE).resolve(DOCUMENTS).resolve("../../../../target/lync-upgrade.jar").normalize())
        .isEqualTo(Path.of(MODULE, "target", "lync-upgrade.jar"));
    String[] args = Arrays.stream(example.get(1).substring(prefix.length()).split(" "))
        .map(arg -> Files.exists(DOCUMENTS.resolve(arg)) ? DOCUMENTS.resolve(arg).toString() : arg).toArray(String[]::new);

    Result result = CommandLineTest.run(args);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertShows(example.subList(2, example.size()), result.err() + result.out());
    assertThat(result.out()).isEqualTo(CommandLineTest.run("plan", "--sample", "skype-2015").out());
  }

  @Test
  void theOverlayExampleAddsPartnersAMirrorAPersistentChatStoreAndTheStoreToTheLync2013TopologyBuilderFile()
      throws IOException {
    Path overlay = Files.writeString(directory.resolve("overlay.json"), String.join("\n", block("topology-overlay")),
        StandardCharsets.UTF_8);

    Topology topology = TopologyInput.read(DOCUMENTS.resolve("lync2013.tbxml"), overlay, new PrintWriter(new StringWriter()));

    EnterprisePool pool01 = (EnterprisePool) topology.pools().get(0);
    EnterprisePool pool02 = (EnterprisePool) topology.pools().get(1);
    assertThat(pool01.partnerPool()).hasValue(pool02.fqdn());
    assertThat(pool02.partnerPool()).hasValue(pool01.fqdn());
    assertThat(pool01.backEnd().collocatedDatabases())
        .containsExactlyInAnyOrder(CollocatedDatabase.MONITORING, CollocatedDatabase.PERSISTENT_CHAT);
    assertThat(pool02.backEnd().mirror()).hasValueSatisfying(mirror -> assertThat(mirror).hasToString("sql02m.contoso.com"));
    assertThat(topology.hostsCentralManagementStore(pool01.fqdn())).isTrue();
  }

  @Test
  void theRefusalExampleIsWhatTheTemplateGets() throws IOException {
    Result result = CommandLineTest.run("plan", "--topology", DOCUMENTS.resolve("template.xml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertShows(block("topology-refused"), result.err());
  }

  @Test
  void theJavaExampleRunsAsShown() throws IOException {
    Path file = DOCUMENTS.resolve("skype2015.tbxml");
    PlanOptions options = PlanOptions.builder()
        .updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015)).build();
    // topology-api:begin
    TopologyOverlay partners = TopologyOverlay.builder("partners")
        .partnerPool("pool10.fabrikam.com", "pool11.fabrikam.com")
        .partnerPool("pool11.fabrikam.com", "pool10.fabrikam.com")
        .build();
    ImportedTopology imported = LyncTopologyReader.builder().overlay(partners).build()
        .read(file);                       // or read(stream, name), or read(text, name)
    imported.warnings().forEach(System.err::println);
    System.err.println(imported.skippedSummary());
    UpgradePlan plan = Planner.create(options).plan(imported.topology());
    // topology-api:end

    assertThat(plan.topology().pools()).hasSize(3);
    assertThat(DocBlocks.normalized(DocBlocks.block("topology-api"))).isEqualTo(DocBlocks.normalized(DocBlocks.code(
        Path.of("src/test/java/io/github/lyncupgrade/powershell/cli/ReadmeTopologyDocumentsTest.java"), "topology-api")));
  }

  /**
   * The page's lines are the output's first lines; a line ending in {@code ...} shows only how
   * the output's line starts, and a line that is only {@code ...} stands for the rest.
   */
  private static void assertShows(List<String> shown, String output) {
    List<String> actual = output.replace(DOCUMENTS + "/", "").lines().toList();
    for (int i = 0; i < shown.size(); i++) {
      String line = shown.get(i);
      if (line.equals("...")) {
        return;
      }
      assertThat(actual.size()).as("the output has line %d: %s", i + 1, line).isGreaterThan(i);
      if (line.endsWith("...")) {
        assertThat(actual.get(i)).startsWith(line.substring(0, line.length() - 3));
      } else {
        assertThat(actual.get(i)).isEqualTo(line);
      }
    }
    assertThat(actual).as("the page shows the whole output").hasSameSizeAs(shown);
  }

  /** The page's block between {@code <!-- name:begin -->} and {@code <!-- name:end -->}: its lines, without fences or blank lines. */
  private static List<String> block(String name) throws IOException {
    return DocBlocks.block(name).lines().filter(line -> !line.isBlank()).map(String::stripTrailing).toList();
  }
}
