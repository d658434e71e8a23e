package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROCEDURE FE-0 (keep track) under crashes: for random topologies and a crash of the
 * controlling process after every possible call k, resuming from the file journal finishes with
 * every server updated exactly once, never two domains of a pool down at once, and no step lost
 * or repeated.
 */
@Tag("reliability")
class CrashResumePropertyTest {
  private static final AtomicInteger CASES = new AtomicInteger();

  @TempDir
  Path directory;

  @Test
  void aCrashAfterAnyCallThenResumeFinishesTheUpgradeExactlyOnce() {
    long started = System.nanoTime();
    Theories.qt(25).forAll(LyncGens.topologies().withPools(1, 3).withMaxFrontEnds(6)).checkAssert(topology -> {
      UpgradePlan plan = Scenarios.plan(topology);
      int calls = callsOfACleanRun(topology, plan);
      for (int k = 1; k <= calls; k++) {
        crashAfterCallThenResume(topology, plan, k);
        CASES.incrementAndGet();
      }
    });
    System.out.printf("RELIABILITY crash anywhere: %d (topology, k) cases, a crash after every call k then a"
        + " resume from a file journal, 0 failures (%d ms)%n", CASES.get(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(CASES.get()).as("about 20 crash points per topology").isGreaterThan(Theories.examples(25) * 20);
  }

  private static int callsOfACleanRun(Topology topology, UpgradePlan plan) {
    FakeDeployment fake = fake(topology);
    RunReport report = Scenarios.executor(fake, new Scenarios.Events(), Journal.inMemory()).build().run(plan);
    assertThat(report.outcome().isCompleted()).isTrue();
    return fake.history().callCount();
  }

  private void crashAfterCallThenResume(Topology topology, UpgradePlan plan, int k) {
    FakeDeployment fake = FakeDeployment.builder(topology).timings(FakeTimings.instant())
        .faults(Fault.crashAfterCall(k)).build();
    Path path = directory.resolve("crash-" + k + "-" + System.nanoTime() + ".journal");

    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      SimulatedCrash crash = catchThrowableOfType(SimulatedCrash.class,
          () -> Scenarios.executor(fake, new Scenarios.Events(), journal).build().run(plan));
      assertThat(crash).as("crash after call %d", k).isNotNull();
    }
    RunReport resumed;
    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      resumed = Scenarios.executor(fake, new Scenarios.Events(), journal).build().resume(plan);
    }

    assertThat(resumed.outcome().isCompleted()).as("k=%d: %s", k, resumed.outcome().describe()).isTrue();
    assertThat(fake).as("k=%d", k).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime()
        .neverStoppedADomainThatWasNotReady().neverLostQuorum().hasEveryServerRunning().hasNoPoolLeftFailedOver();
    assertNoStepLostOrRepeated(plan, FileJournal.read(path), k);
  }

  /** Every step ends done exactly once; a failover step may be armed (skipped) and later carried out. */
  private static void assertNoStepLostOrRepeated(UpgradePlan plan, JournalContents journal, int k) {
    assertThat(journal.ignoredTail()).isEmpty();
    Map<StepId, Integer> endings = new HashMap<>();
    for (JournalRecord record : journal.records()) {
      if (record.status().isDone()) {
        endings.merge(record.step(), 1, Integer::sum);
      }
    }
    for (Step step : plan.steps()) {
      int allowed = step.kind() == StepKind.FAIL_OVER_POOL ? 2 : 1;
      assertThat(endings.getOrDefault(step.id(), 0)).as("k=%d: times %s ended", k, step.id()).isBetween(1, allowed);
      assertThat(journal.latestStatuses().get(step.id())).as("k=%d: %s", k, step.id()).matches(StepStatus::isDone);
    }
  }

  private static FakeDeployment fake(Topology topology) {
    return FakeDeployment.builder(topology).timings(FakeTimings.instant()).build();
  }
}
