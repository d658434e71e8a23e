package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.powershell.RunbookWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runbook}: the plan as a commented .ps1 to review or run by hand. */
@Command(name = "runbook", mixinStandardHelpOptions = true,
    description = "Write the plan as a commented PowerShell runbook (.ps1) to review or run by hand.")
final class RunbookCommand implements Callable<Integer> {
  @Mixin
  PlanArguments plan;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it. Default: standard output.")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String runbook = RunbookWriter.write(plan.plan(false));
    if (output == null) {
      spec.commandLine().getOut().print(runbook);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(output, runbook, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println("Wrote the runbook to " + output);
    }
    return ExitCodes.OK;
  }
}
