package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: which domains and servers a journal records as done; safe while a run goes on. */
@Command(name = "status",
    description = "Print which pools, domains and servers a run's journal records as done, in progress or to do; safe"
        + " while the run goes on (the journal is read, never locked or changed). Give the topology file and the options"
        + " that shape the steps, as for resume.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  TopologyArguments.FileOnly topology;

  @Mixin
  PlanArguments plan;

  @Option(names = "--journal", paramLabel = "FILE", required = true, description = "The run's journal.")
  Path journal;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    UpgradePlan upgradePlan = plan.plan(topology.read(spec.commandLine().getErr()), true, spec.commandLine().getErr());
    JournalContents contents = JournalFiles.forStatus(journal, upgradePlan);
    contents.ignoredTail().ifPresent(tail -> spec.commandLine().getErr().println(tail));
    spec.commandLine().getOut().print(Progress.of(upgradePlan, contents.latestStatuses()).toText());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
