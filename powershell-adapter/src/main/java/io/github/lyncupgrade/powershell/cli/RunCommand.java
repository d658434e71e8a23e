package io.github.lyncupgrade.powershell.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code run}: carry the plan out on the live deployment through PowerShell. */
@Command(name = "run",
    description = "Check the environment, then carry the plan out on the live deployment, recording every step in a"
        + " new journal.")
final class RunCommand extends LiveRun implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr(), false);
  }
}
