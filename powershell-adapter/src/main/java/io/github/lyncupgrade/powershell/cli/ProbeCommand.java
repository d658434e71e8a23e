package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.PowerShellSession;
import io.github.lyncupgrade.powershell.Probe;
import io.github.lyncupgrade.powershell.ProbeReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code probe}: the read-only check of a live deployment to run first in a lab. */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = "Run every read-only operation the SDK relies on against the live deployment, read each reply as a"
        + " run would, compare it with the topology, and print what matched, what is missing or unreadable, and the"
        + " properties and types the cmdlets returned. Changes nothing on any server; needs no update.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every check matched", "2:bad input (command line, topology file)",
        "3:something did not match, or PowerShell did not start"})
final class ProbeCommand implements Callable<Integer> {
  @Mixin
  ShellArguments shell;

  @Mixin
  TopologyArguments.FileOnly topology;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Topology read = topology.read(spec.commandLine().getErr());
    ProbeReport report;
    try (PowerShellSession session = PowerShellSession.start(shell.options())) {
      report = Probe.run(session, read);
    }
    spec.commandLine().getOut().print(report.toText());
    spec.commandLine().getOut().flush();
    return report.allMatched() ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
  }
}
