package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.ServerState;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: every fault at every kind of step of the sample, each run against a real file
 * journal. Whatever fails, the run ends with a typed outcome, the journal reads back and records
 * how the failing step ended, and no server is left between stop and verify without the journal
 * saying so; resumed once the fault has passed, the run completes with every server updated once.
 */
@Tag("reliability")
class FaultMatrixTest {
  private static final Topology SAMPLE = SampleTopologies.contoso();

  @TempDir
  Path directory;

  private final Map<StepKind, AtomicInteger> casesByKind = new EnumMap<>(StepKind.class);
  private final AtomicInteger cases = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();

  private static UpgradePlan plan() {
    return Scenarios.plan(SAMPLE);
  }

  @Test
  void aLostConnectionAtEveryCallBeforeOrAfterItsEffect() {
    UpgradePlan plan = plan();
    FakeDeployment clean = FakeDeployment.builder(SAMPLE).timings(FakeTimings.instant()).build();
    Scenarios.executor(clean, new Scenarios.Events(), Journal.inMemory()).build().run(plan);
    int calls = clean.history().callCount();

    for (int call = 1; call <= calls; call++) {
      for (boolean afterEffect : List.of(false, true)) {
        failThenResume(plan, "call " + call + (afterEffect ? " (after its effect)" : ""),
            Fault.callFails(call, afterEffect), NOTHING_TO_FIX);
      }
    }

    report("lost connection or dying shell at every call, before and after its effect");
    assertThat(cases.get()).isEqualTo(2 * calls);
    List<StepKind> recovered = List.of(StepKind.CHECK_POOL_READINESS, StepKind.CHECK_DOMAIN_READINESS);
    assertThat(casesByKind.keySet()).as("every kind of step that calls the deployment failed typed, but the"
        + " readiness checks, which ask another Front End of the pool").containsAll(kindsThatCall(plan).stream()
        .filter(kind -> !recovered.contains(kind)).toList());
    assertThat(completed.get()).as("runs the readiness fallback carried through").isPositive();
  }

  @Test
  void eachFaultTypeAtEveryStepItCanStrike() {
    UpgradePlan plan = plan();
    for (Step step : plan.steps()) {
      String target = step.target().toString();
      switch (step.kind()) {
        case CHECK_POOL_READINESS -> {
          failThenResume(plan, "Busy forever before " + step.id(), Fault.busy(step.pool().toString(), 3),
              NOTHING_TO_FIX);
          failThenResume(plan, "InsufficientActiveFrontEnds before " + step.id(),
              Fault.insufficientActiveFrontEnds(step.pool().toString(), 1), NOTHING_TO_FIX);
        }
        case INSTALL_UPDATE -> failThenResume(plan, "install fails: " + step.id(), Fault.installFails(target),
            NOTHING_TO_FIX);
        case RESTART_SERVER -> {
          failThenResume(plan, "never back: " + step.id(), Fault.neverComesBack(target), null);
          failThenResume(plan, "services fail to start: " + step.id(), Fault.servicesFailToStart(target),
              fake -> fake.startServices(step.target()));
        }
        case START_SERVICES -> failThenResume(plan, "services fail to start: " + step.id(),
            Fault.servicesFailToStart(target), NOTHING_TO_FIX);
        default -> {
        }
      }
    }
    report("each fault type (Busy forever, InsufficientActiveFrontEnds, install failure, never back,"
        + " services fail to start) at every step it can strike");
    Map<StepKind, Long> kinds = plan.steps().stream().collect(Collectors.groupingBy(Step::kind, Collectors.counting()));
    assertThat((long) cases.get()).isEqualTo(2 * kinds.get(StepKind.CHECK_POOL_READINESS)
        + kinds.get(StepKind.INSTALL_UPDATE) + 2 * kinds.get(StepKind.RESTART_SERVER)
        + kinds.get(StepKind.START_SERVICES));
    assertThat(completed.get()).as("pool problems of paired pools end in failover and failback").isPositive();
  }

  /** What the operator does before resuming; the fault itself passes once it has struck. */
  private static final Consumer<FakeDeployment> NOTHING_TO_FIX = fake -> { };

  /**
   * Runs the sample with {@code fault} on a file journal and checks how it ended; then, unless
   * there is no {@code fix} (a server that never comes back), fixes what the operator would and
   * resumes to completion.
   */
  private void failThenResume(UpgradePlan plan, String label, Fault fault, Consumer<FakeDeployment> fix) {
    FakeDeployment fake = FakeDeployment.builder(SAMPLE).timings(FakeTimings.instant()).faults(fault).build();
    Path path = directory.resolve("matrix-" + cases.get() + ".journal");
    RunReport report;
    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      report = Scenarios.executor(fake, new Scenarios.Events(), journal).build().run(plan);
    }
    JournalContents contents = FileJournal.read(path);
    assertThat(contents.ignoredTail()).as(label).isEmpty();
    assertThat(report.outcome()).as(label).isNotNull();
    assertThat(report.outcome().describe()).as(label).isNotBlank();
    if (!report.outcome().isCompleted()) {
      assertThat(contents.latestStatuses()).as("%s: the journal records the failed step", label)
          .containsValue(StepStatus.FAILED);
    }
    everyServerDownIsRecorded(plan, fake, contents, label);
    assertThat(fake).as(label).upgradedOneDomainAtATime().neverStoppedADomainThatWasNotReady().neverLostQuorum();
    Step failing = failingStep(plan, contents).orElse(null);
    if (failing != null) {
      casesByKind.computeIfAbsent(failing.kind(), kind -> new AtomicInteger()).incrementAndGet();
    }
    cases.incrementAndGet();
    if (report.outcome().isCompleted()) {
      completed.incrementAndGet();
      return;
    }
    if (fix == null) {
      return;
    }
    fix.accept(fake);
    RunReport resumed;
    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      resumed = Scenarios.executor(fake, new Scenarios.Events(), journal).build().resume(plan);
    }
    assertThat(resumed.outcome().isCompleted()).as("%s, resumed: %s", label, resumed.outcome().describe()).isTrue();
    assertThat(fake).as(label).upgradedEveryServerExactlyOnce().hasEveryServerRunning().hasNoPoolLeftFailedOver();
  }

  /** A server not running in the fake has its stop recorded in the journal, and its verify not recorded as done. */
  private static void everyServerDownIsRecorded(UpgradePlan plan, FakeDeployment fake, JournalContents journal,
      String label) {
    Map<StepId, StepStatus> statuses = journal.latestStatuses();
    for (Step step : plan.steps()) {
      if (step.kind() != StepKind.STOP_SERVICES || step.runsAhead()
          || !((ServerStep) step).scope().upgradeDomain().isPresent()) {
        continue;
      }
      Fqdn server = step.target();
      ServerState state = fake.inspect().state(server);
      if (state != ServerState.RUNNING) {
        assertThat(statuses.get(step.id())).as("%s: %s is %s; its stop is in the journal", label, server, state)
            .isNotNull();
        assertThat(statuses.get(((ServerStep) step).scope().stepId("verify")))
            .as("%s: %s is %s; its verify is not recorded as done", label, server, state)
            .matches(status -> status == null || !status.isDone());
      }
    }
  }

  private static Optional<Step> failingStep(UpgradePlan plan, JournalContents journal) {
    return journal.latestStatuses().entrySet().stream()
        .filter(entry -> entry.getValue() == StepStatus.FAILED)
        .map(entry -> plan.step(entry.getKey()).orElseThrow())
        .findFirst();
  }

  private static List<StepKind> kindsThatCall(UpgradePlan plan) {
    return plan.steps().stream().map(Step::kind)
        .filter(kind -> kind != StepKind.MANUAL && kind != StepKind.FAIL_OVER_POOL && kind != StepKind.FAIL_BACK_POOL)
        .distinct().toList();
  }

  private void report(String category) {
    Function<Map.Entry<StepKind, AtomicInteger>, String> entry = e -> e.getKey() + "=" + e.getValue();
    System.out.printf("RELIABILITY fault matrix, %s: %d cases, 0 failures (%d completed anyway; failed at: %s)%n",
        category, cases.get(), completed.get(), casesByKind.entrySet().stream().map(entry).toList());
  }
}
