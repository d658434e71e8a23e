package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.PlanRefusedException;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.powershell.topology.LyncDocuments.Encoding;
import io.github.lyncupgrade.powershell.topology.LyncDocuments;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random valid topologies (every product, every kind of Back End, disaster-recovery pairs, a
 * Central Management Store or none) written as Lync's tools would write them, as a published
 * topology and as a {@code .tbxml}, each in a random encoding, with the overlay of what the
 * documents do not carry, read back through {@code --topology}: the same topology, and the same
 * plan, as the topology file (JSON) of the same topology.
 */
@Tag("reliability")
class TopologyDocumentRoundTripPropertyTest {
  private static final int EXAMPLES = 200;

  @TempDir
  Path directory;

  @Test
  void bothShapesInAnyEncodingReadBackToTheSameTopologyAndPlanAsTheJson() {
    long seed = Long.getLong("lyncupgrade.seed", Theories.DEFAULT_SEED);
    AtomicInteger examples = new AtomicInteger();
    AtomicInteger paired = new AtomicInteger();
    StringWriter summaries = new StringWriter();
    PrintWriter err = new PrintWriter(summaries);

    Theories.qt(EXAMPLES).forAll(topologies(), Generate.enumValues(Encoding.class), Generate.enumValues(Encoding.class))
        .checkAssert((topology, publishedEncoding, builderEncoding) -> {
          Path json = write("topology.json", out -> TopologyFile.write(topology, out));
          Path published = write("published.xml",
              out -> out.write(LyncDocuments.encoded(LyncDocuments.published(topology), publishedEncoding)));
          Path tbxml = write("topology.tbxml",
              out -> out.write(LyncDocuments.encoded(LyncDocuments.topologyBuilder(topology), builderEncoding)));
          Path overlay = write("overlay.json",
              out -> out.write(LyncDocuments.overlayJson(topology).getBytes(StandardCharsets.UTF_8)));

          Topology fromJson = TopologyInput.read(json, null, err);
          Topology fromPublished = TopologyInput.read(published, overlay, err);
          Topology fromBuilder = TopologyInput.read(tbxml, overlay, err);

          assertThat(fromJson).isEqualTo(topology);
          assertThat(fromPublished).isEqualTo(fromJson);
          assertThat(fromBuilder).isEqualTo(fromJson);
          assertThat(plan(fromPublished)).isEqualTo(plan(fromJson));
          assertThat(plan(fromBuilder)).isEqualTo(plan(fromJson));
          examples.incrementAndGet();
          if (topology.pools().stream().anyMatch(pool -> pool.partnerPool().isPresent())) {
            paired.incrementAndGet();
          }
        });

    assertThat(summaries.toString()).contains("skipped: 2 Edge servers, 1 Director, 1 branch appliance, 1 Office Web Apps server");
    System.out.printf("RELIABILITY topology documents: %d random topologies (%d with disaster-recovery pairs) as a"
        + " published topology and a .tbxml in random encodings read back to the same topology and plan as their JSON"
        + " (seed %d)%n", examples.get(), paired.get(), seed);
  }

  /** Topologies of one product each (a plan is of one product), every Back End kind, with a store's pool or none. */
  private static Gen<Topology> topologies() {
    return Generate.enumValues(ProductVersion.class).flatMap(product -> LyncGens.topologies().products(product)
            .backEndKinds(BackEndHighAvailability.STANDALONE, BackEndHighAvailability.MIRRORED,
                BackEndHighAvailability.ALWAYS_ON))
        .zip(Generate.range(-1, 3), (topology, store) -> {
          if (store < 0 || store >= topology.pools().size()) {
            return topology;
          }
          Topology.Builder copy = Topology.builder().centralManagementStore(topology.pools().get(store).fqdn().toString());
          topology.pools().forEach(copy::pool);
          return copy.build();
        });
  }

  /** The plan's fingerprint and steps, or why it was refused. */
  private static String plan(Topology topology) {
    PlanOptions options = PlanOptions.builder().updatePackage(Simulation.sampleUpdate(topology))
        .confirmMirroredDatabaseUpdate(true).build();
    try {
      UpgradePlan plan = Planner.create(options).plan(topology);
      return plan.fingerprint() + "\n" + plan.steps().stream().map(step -> step.id().value() + " " + step.description()).collect(Collectors.joining("\n"));
    } catch (PlanRefusedException e) {
      return "refused: " + e.getMessage();
    }
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private Path write(String name, Content content) {
    Path file = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
