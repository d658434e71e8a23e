package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability of the adapter: the shell dies in the middle of a reply, hangs until the command
 * times out, or answers garbage, whenever any of the scripts a run uses runs. Each time the
 * executor ends with a typed outcome, the journal reads back with the failed step recorded, the
 * session is restarted or closed, and no child process is left behind, counted.
 */
@Tag("reliability")
class ShellFaultMatrixTest {
  /** The scripts a run of the Lync Server 2013 sample uses. */
  private static final List<String> SCRIPTS = List.of("server-status", "stage-update", "pool-readiness",
      "stop-services", "install-update", "restart", "is-administrator", "web-service", "update-databases",
      "start-services", "fabric-state", "test-databases");
  /** The scripts only a Skype for Business run uses: server by server, AlwaysOn. */
  private static final List<String> SKYPE_SCRIPTS = List.of("computer-failover", "computer-failback",
      "publish-topology");
  private static final List<String> FAULTS = List.of("die-on", "hang-on", "garbage-on");

  @TempDir
  Path directory;

  @Test
  void deathHangAndGarbageAtEveryScriptEndTypedWithNothingLeftBehind() throws Exception {
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
        .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.contoso());
    UpgradePlan skypePlan = Planner.create(PlanOptions.builder().drainingTimeout(Duration.ofSeconds(1))
        .updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015))
        .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.skypeForBusiness2015());
    long before = ProcessHandle.current().descendants().count();
    List<Callable<RunOutcome.Kind>> cases = new ArrayList<>();
    for (String fault : FAULTS) {
      for (String script : SCRIPTS) {
        cases.add(() -> runWith(plan, fault, script));
      }
      for (String script : SKYPE_SCRIPTS) {
        cases.add(() -> runWith(skypePlan, fault, script, "--sample=skype-2015"));
      }
    }

    // Three at a time: each case starts fake shells, separate JVMs, that the machine can start side by side.
    ExecutorService threads = Executors.newFixedThreadPool(3);
    Map<String, Integer> outcomes = new TreeMap<>();
    try {
      for (Future<RunOutcome.Kind> outcome : threads.invokeAll(cases)) {
        outcomes.merge(outcome.get().toString(), 1, Integer::sum);
      }
    } finally {
      threads.shutdownNow();
    }
    long leftBehind = ProcessHandle.current().descendants().count() - before;

    assertThat(leftBehind).as("child processes left behind").isZero();
    System.out.printf("RELIABILITY adapter, the shell dying, hanging into a timeout or answering garbage at each of"
        + " %d scripts: %d cases, outcomes %s, %d child processes left behind, 0 failures%n",
        SCRIPTS.size() + SKYPE_SCRIPTS.size(), cases.size(), outcomes, leftBehind);
  }

  private RunOutcome.Kind runWith(UpgradePlan plan, String fault, String script, String... flags) {
    String label = fault + " " + script;
    Path path = directory.resolve(fault + "-" + script + ".journal");
    List<String> shellFlags = new ArrayList<>(List.of("--deployment", "--" + fault + "=" + script));
    shellFlags.addAll(List.of(flags));
    RunReport report;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.bounded(
        FakeShells.options(shellFlags.toArray(String[]::new)), Duration.ofMillis(400)));
         PowerShellDeployment deployment = PowerShellDeployment.over(session);
         Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      report = Executor.builder(deployment).clock(VirtualClock.create()).journal(journal).build().run(plan);
    }
    assertThat(report.outcome().isCompleted()).as(label).isFalse();
    assertThat(report.outcome().describe()).as(label).isNotBlank();
    assertThat(report.outcome()).as(label).isInstanceOfAny(RunOutcome.StepFailed.class, RunOutcome.PoolProblem.class,
        RunOutcome.SafetyStop.class);
    JournalContents journal = FileJournal.read(path);
    assertThat(journal.ignoredTail()).as(label).isEmpty();
    assertThat(journal.latestStatuses()).as(label).containsValue(StepStatus.FAILED);
    return report.outcome().kind();
  }
}
