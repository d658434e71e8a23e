package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.powershell.RunbookWriter;
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

/** {@code runbook}: the plan as a commented .ps1 to review or run by hand. */
@Command(name = "runbook",
    description = "Write the plan as a commented PowerShell runbook (.ps1) to review or run by hand.")
final class RunbookCommand implements Callable<Integer> {
  @Mixin
  TopologyArguments.FileOrSample topology;

  @Mixin
  PlanArguments plan;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to write it (replaced whole, or left as it was; never one of the command's inputs)."
          + " Default: standard output.")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> inputs = new ArrayList<>(topology.inputs());
    inputs.addAll(plan.inputs());
    OutputFile file = output == null ? null : OutputFile.checked("-o", output, inputs);
    String runbook = RunbookWriter.write(plan.plan(topology.read(spec.commandLine().getErr()), false, spec.commandLine().getErr()));
    if (file == null) {
      spec.commandLine().getOut().print(runbook);
      spec.commandLine().getOut().flush();
    } else {
      file.write(runbook.getBytes(StandardCharsets.UTF_8));
      spec.commandLine().getOut().println("Wrote the runbook to " + Text.path(output.toString()));
    }
    return ExitCodes.OK;
  }
}
