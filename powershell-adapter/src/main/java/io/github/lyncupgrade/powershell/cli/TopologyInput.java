package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.topology.DocumentFinding;
import io.github.lyncupgrade.powershell.topology.ImportedTopology;
import io.github.lyncupgrade.powershell.topology.LyncTopologyReader;
import io.github.lyncupgrade.powershell.topology.TopologyOverlay;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code --topology FILE} names, told by its content and never by its name: the topology
 * file (JSON, {@link TopologyFile}), or one of Lync's own documents, the published topology
 * ({@code Get-CsTopology -AsXml}) or a Topology Builder file ({@code .tbxml}), with the overlay of
 * {@code --overlay}. Every command that takes {@code --topology} reads it here. For Lync's
 * documents, what was read, what was skipped and every warning go to standard error, so that
 * standard output stays the plan, the runbook or the JSON a program reads.
 */
final class TopologyInput {
  private TopologyInput() {}

  static Topology read(Path file, Path overlay, PrintWriter err) {
    if (Files.isDirectory(file)) {
      throw new TopologyFileException(Text.path(file.toString()), List.of(Text.path(file.toString())
          + ": cannot be read: it is a folder, not a topology file"));
    }
    if (!isXml(file)) {
      if (overlay != null) {
        throw new BadInputException("--overlay adds to a Lync topology document (Get-CsTopology -AsXml or a"
            + " .tbxml), but " + Text.path(file.toString()) + " is a topology file (JSON), which names partners and"
            + " mirrors itself");
      }
      return TopologyFile.read(file);
    }
    TopologyOverlay additions = overlay == null ? TopologyOverlay.none() : OverlayFile.read(overlay);
    ImportedTopology imported;
    try {
      imported = LyncTopologyReader.builder().overlay(additions).build().read(file);
    } catch (UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    }
    err.println(imported.description());
    err.println(imported.skippedSummary());
    for (DocumentFinding warning : imported.warnings()) {
      err.println("warning: " + warning);
    }
    err.flush();
    return imported.topology();
  }

  private static boolean isXml(Path file) {
    try {
      return LyncTopologyReader.isXml(file);
    } catch (UncheckedIOException e) {
      throw unreadable(file, e.getCause());
    }
  }

  /** {@code file} (a topology or an overlay) cannot be read, said in words rather than an exception's name. */
  static TopologyFileException unreadable(Path file, IOException e) {
    String shown = Text.path(file.toString());
    return new TopologyFileException(shown, List.of(shown + ": cannot be read: " + Text.reason(e)));
  }
}
