package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.PowerShellSession;
import io.github.lyncupgrade.powershell.TopologyDiscovery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discover}: read a live deployment's topology into a topology file. */
@Command(name = "discover", mixinStandardHelpOptions = true,
    description = "Read the live deployment's topology (through PowerShell) into a topology file.")
final class DiscoverCommand implements Callable<Integer> {
  @Mixin
  ShellArguments shell;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The topology file to write.")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Topology topology;
    try (PowerShellSession session = PowerShellSession.start(shell.options())) {
      topology = TopologyDiscovery.discover(session);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      TopologyFile.write(topology, out);
    }
    spec.commandLine().getOut().println("Wrote " + topology.pools().size() + " pools and " + topology.frontEndCount()
        + " servers to " + output);
    return ExitCodes.OK;
  }
}
