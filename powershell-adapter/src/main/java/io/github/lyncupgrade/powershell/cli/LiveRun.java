package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.powershell.PowerShellDeployment;
import io.github.lyncupgrade.powershell.PowerShellSessionPool;
import io.github.lyncupgrade.powershell.Preflight;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code run} and {@code resume} share: plan, pre-flight, execute with a journal, report. */
abstract class LiveRun {
  @Mixin
  TopologyArguments.FileOnly topology;

  @Mixin
  PlanArguments plan;

  @Mixin
  ShellArguments shell;

  @Option(names = "--journal", paramLabel = "FILE", required = true,
      description = "The run's journal: every step is recorded here before it goes on; resume reads it.")
  Path journal;

  @Option(names = "--skip-preflight",
      description = "Do not run the pre-flight checks (elevation, PowerShell 5.1+, the Lync module, CsAdministrator,"
          + " WinRM to every server) before the first step.")
  boolean skipPreflight;

  @Option(names = "--no-progress", description = "Print only the final report.")
  boolean noProgress;

  @Option(names = "--sessions", paramLabel = "N", converter = Bounded.Sessions.class,
      description = "PowerShell processes to run steps side by side, 1 to " + Bounded.MAX_SESSIONS + ". Default: as many"
          + " as the plan's limits let run at once (pools x servers of a domain + staging copies), at most "
          + MAX_SESSIONS + ".")
  Integer sessions;

  /** A PowerShell process each is tens of megabytes: enough for a busy night, not one per copy of a large fleet. */
  private static final int MAX_SESSIONS = 16;

  private int sessionCount(UpgradePlan plan) {
    if (sessions != null) {
      return sessions;
    }
    Concurrency limits = plan.options().concurrency();
    return Math.min(MAX_SESSIONS, limits.pools() * limits.serversPerDomain() + limits.stagingCopies());
  }

  /**
   * Plans, checks the journal and the environment, then runs (or resumes) with the journal; SIGINT
   * and SIGTERM stop the run safely ({@link StopOnSignals}).
   */
  int execute(PrintWriter out, PrintWriter err, boolean resume) {
    UpgradePlan upgradePlan = plan.plan(topology.read(err), true, err);
    if (resume) {
      JournalFiles.forResume(journal, upgradePlan);
    } else {
      JournalFiles.forRun(journal, upgradePlan);
    }
    try (PowerShellSessionPool pool = PowerShellSessionPool.start(shell.options(), sessionCount(upgradePlan));
         PowerShellDeployment deployment = PowerShellDeployment.over(pool);
         Journal file = Journal.file(journal)) {
      if (!skipPreflight) {
        pool.withSession(session -> Preflight.check(session, upgradePlan.topology())).orThrow();
      }
      Executor.Builder builder = Executor.builder(deployment).journal(file);
      if (!noProgress) {
        builder.listener(new ProgressPrinter(out, System.console() != null, upgradePlan.size()));
      }
      Executor executor = builder.build();
      RunReport report;
      OptionalInt signalled;
      try (StopOnSignals signals = StopOnSignals.install(executor, err)) {
        report = resume ? executor.resume(upgradePlan) : executor.run(upgradePlan);
        signalled = signals.exitCode();
      }
      out.println();
      out.println(Text.safe(report.toText(), true));
      out.flush();
      if (report.outcome().isCompleted()) {
        return ExitCodes.OK;
      }
      return signalled.orElse(ExitCodes.RUN_INCOMPLETE);
    }
  }
}
