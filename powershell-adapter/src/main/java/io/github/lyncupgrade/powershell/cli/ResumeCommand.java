package io.github.lyncupgrade.powershell.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code resume}: go on from the journal of a run that stopped. */
@Command(name = "resume",
    description = "Go on from the journal of a stopped run: done steps are not redone; an interrupted step is checked"
        + " against the servers first. Give the topology file and options of the run.")
final class ResumeCommand extends LiveRun implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr(), true);
  }
}
