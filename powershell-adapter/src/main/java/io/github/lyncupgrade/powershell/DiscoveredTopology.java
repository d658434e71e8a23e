package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.topology.DocumentFinding;
import io.github.lyncupgrade.powershell.topology.ImportedTopology;
import io.github.lyncupgrade.powershell.topology.SkippedCluster;
import java.util.List;

/**
 * What {@link TopologyDiscovery} read from a live deployment. Immutable and thread-safe.
 *
 * @param imported the published topology as the reader mapped it, with what the live cmdlets
 *     added: the validated topology, the reader's warnings and the clusters it skipped
 * @param document the published topology exactly as {@code Get-CsTopology -AsXml} returned it,
 *     whose lines the warnings name: to keep, review, or plan from offline with {@code --topology}
 * @param fromLiveCmdlets what the live cmdlets said of each pool, one line each, for example
 *     {@code pool01.contoso.com: backup pool pool02.contoso.com (Get-CsPoolBackupRelationship)}
 */
public record DiscoveredTopology(ImportedTopology imported, String document, List<String> fromLiveCmdlets) {
  /** Rejects nulls; copies the list. */
  public DiscoveredTopology {
    requireNonNull(imported, "imported");
    requireNonNull(document, "document");
    fromLiveCmdlets = List.copyOf(fromLiveCmdlets);
  }

  /** The topology, valid by construction. */
  public Topology topology() {
    return imported.topology();
  }

  /** The reader's warnings, each with its line in {@link #document()}. */
  public List<DocumentFinding> warnings() {
    return imported.warnings();
  }

  /** The clusters that are not pools to upgrade: Edge, Directors, branch appliances, SQL, file, Office Web Apps... */
  public List<SkippedCluster> skipped() {
    return imported.skipped();
  }

  /**
   * One line that says what was read: {@code Get-CsTopology -AsXml: the published topology (41212
   * characters): 3 pools, 11 Front End and Standard Edition servers}.
   */
  public String description() {
    int pools = topology().pools().size();
    return imported.source() + ": the published topology (" + document.length() + " characters): " + pools + (pools == 1 ? " pool, " : " pools, ") + topology().frontEndCount()
        + " Front End and Standard Edition servers";
  }
}
