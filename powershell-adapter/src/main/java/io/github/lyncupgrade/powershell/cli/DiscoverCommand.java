package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.PowerShellSession;
import io.github.lyncupgrade.powershell.TopologyDiscovery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code discover}: read a live deployment's topology into a topology file. */
@Command(name = "discover",
    description = "Read the live deployment's topology (through PowerShell) into a topology file. The file is checked"
        + " before PowerShell starts; should it still fail to be written, the topology is printed on standard output"
        + " instead, so a discovery is never lost.")
final class DiscoverCommand implements Callable<Integer> {
  @Mixin
  ShellArguments shell;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "The topology file to write (replaced whole, or left as it was).")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputFile file = OutputFile.checked("-o", output, List.of());
    Topology topology;
    try (PowerShellSession session = PowerShellSession.start(shell.options())) {
      topology = TopologyDiscovery.discover(session);
    }
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
    return ExitCodes.OK;
  }
}
