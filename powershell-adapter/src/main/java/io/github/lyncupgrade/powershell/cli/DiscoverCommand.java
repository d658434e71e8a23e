package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.DiscoveredTopology;
import io.github.lyncupgrade.powershell.PowerShellSession;
import io.github.lyncupgrade.powershell.TopologyDiscovery;
import io.github.lyncupgrade.powershell.topology.DocumentFinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code discover}: read a live deployment's topology (its published topology, with partners and
 * mirrors from live cmdlets) into a topology file, and, if asked, keep the published topology too.
 * What was read, what was skipped, every warning and what the live cmdlets said go to standard
 * error, as {@code --topology} prints them for a document.
 */
@Command(name = "discover",
    description = "Read the live deployment's topology (through PowerShell: Get-CsTopology -AsXml, then"
        + " Get-CsPoolBackupRelationship and Test-CsDatabase for what the document does not carry) into a topology"
        + " file. The files are checked before PowerShell starts; should the topology file still fail to be written,"
        + " the topology is printed on standard output instead, so a discovery is never lost.")
final class DiscoverCommand implements Callable<Integer> {
  @Mixin
  ShellArguments shell;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "The topology file to write (replaced whole, or left as it was).")
  Path output;

  @Option(names = "--save-document", paramLabel = "FILE",
      description = "Also keep the published topology, as Get-CsTopology -AsXml returned it (UTF-16 with a byte-order"
          + " mark, as Out-File writes it), to review or to plan from offline with --topology FILE --overlay.")
  Path document;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputFile file = OutputFile.checked("-o", output, List.of());
    if (document != null && OutputFile.sameFile(document, output)) {
      throw new BadInputException("--save-document " + Text.path(document.toString()) + " is the file -o writes: keep"
          + " the published topology in another file");
    }
    OutputFile documentFile = document == null ? null : OutputFile.checked("--save-document", document, List.of());
    DiscoveredTopology discovered;
    try (PowerShellSession session = PowerShellSession.start(shell.options())) {
      discovered = TopologyDiscovery.discover(session);
    }
    report(discovered, spec.commandLine().getErr());
    Topology topology = discovered.topology();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    TopologyFile.write(topology, json);
    String summary = Text.count(topology.pools().size(), "pool") + " and " + Text.count(topology.frontEndCount(), "server");
    try {
      file.write(json.toByteArray());
    } catch (OutputFailedException e) {
      spec.commandLine().getOut().println(json.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      throw new OutputFailedException(e.getMessage() + ". The discovered topology (" + summary + ") is printed above, on"
          + " standard output: save it to a file");
    }
    spec.commandLine().getOut().println("Wrote " + summary + " to " + Text.path(output.toString()));
    if (documentFile != null) {
      try {
        documentFile.write(("\uFEFF" + discovered.document()).getBytes(StandardCharsets.UTF_16LE));
      } catch (OutputFailedException e) {
        throw new OutputFailedException(e.getMessage() + ". The topology file " + Text.path(output.toString())
            + " was written; the published topology was not: run discover again, or Get-CsTopology -AsXml | Out-File");
      }
      spec.commandLine().getOut().println("Wrote the published topology (" + Text.count(discovered.document().length(),
          "character") + ") to " + Text.path(document.toString()));
    }
    return ExitCodes.OK;
  }

  /** What was read, what was skipped, every warning and what the live cmdlets said, on standard error. */
  private static void report(DiscoveredTopology discovered, PrintWriter err) {
    List<String> lines = new ArrayList<>();
    lines.add(discovered.description());
    lines.add(discovered.imported().skippedSummary());
    for (DocumentFinding warning : discovered.warnings()) {
      lines.add("warning: " + warning);
    }
    for (String answer : discovered.fromLiveCmdlets()) {
      lines.add("live: " + answer);
    }
    lines.forEach(line -> err.println(Text.safe(line, false)));
    err.flush();
  }
}
