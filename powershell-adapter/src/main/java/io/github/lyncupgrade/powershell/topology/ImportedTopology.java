package io.github.lyncupgrade.powershell.topology;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Topology;
import java.util.List;

/**
 * A topology read from one of Lync's own documents: the validated {@link Topology}, what the
 * document was (its shape and encoding, told from its content), the warnings the operator should
 * read, and the clusters that are not pools to upgrade. Immutable and thread-safe.
 *
 * @param topology the pools to upgrade, valid by construction
 * @param source the document's name as the caller gave it
 * @param shape the published topology or a Topology Builder file
 * @param encoding how the bytes were decoded, for example {@code UTF-16 LE with a byte-order mark}
 * @param warnings elements not understood and values adjusted, each with its line, in document order
 * @param skipped the clusters that are not pools to upgrade, in document order
 */
public record ImportedTopology(Topology topology, String source, DocumentShape shape, String encoding,
    List<DocumentFinding> warnings, List<SkippedCluster> skipped) {
  /** Rejects nulls; copies the lists. */
  public ImportedTopology {
    requireNonNull(topology, "topology");
    requireNonNull(source, "source");
    requireNonNull(shape, "shape");
    requireNonNull(encoding, "encoding");
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
  }

  /**
   * One line that says what was read: {@code topology.tbxml: Topology Builder file (.tbxml), UTF-8:
   * 3 pools, 11 Front End and Standard Edition servers}.
   */
  public String description() {
    int pools = topology.pools().size();
    return source + ": " + shape + ", " + encoding + ": " + pools + (pools == 1 ? " pool, " : " pools, ")
        + topology.frontEndCount() + " Front End and Standard Edition servers";
  }

  /** {@code skipped: 3 Edge servers, 1 Office Web Apps server, ...}: see {@link SkippedCluster#summary}. */
  public String skippedSummary() {
    return SkippedCluster.summary(skipped);
  }
}
