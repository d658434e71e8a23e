package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.FileJournal;
import io.github.lyncupgrade.core.run.JournalContents;
import io.github.lyncupgrade.core.run.JournalException;
import io.github.lyncupgrade.core.run.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code status}: which domains and servers a journal records as done; safe while a run goes on. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Print which pools, domains and servers a run's journal records as done, in progress or to do.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  PlanArguments plan;

  @Option(names = "--journal", paramLabel = "FILE", required = true, description = "The run's journal.")
  Path journal;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    UpgradePlan upgradePlan = plan.plan(true);
    JournalContents contents = FileJournal.read(journal);
    if (!contents.isNew() && !contents.planFingerprint().equals(upgradePlan.fingerprint())) {
      throw new JournalException("the journal " + journal + " was written for a different plan: give the topology and"
          + " options of the run (the journal has options " + contents.planOptions() + ")");
    }
    contents.ignoredTail().ifPresent(tail -> spec.commandLine().getErr().println(tail));
    spec.commandLine().getOut().print(Progress.of(upgradePlan, contents.latestStatuses()).toText());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
