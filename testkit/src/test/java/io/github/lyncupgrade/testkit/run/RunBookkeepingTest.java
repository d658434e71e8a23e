package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.HookDecision;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunHooks;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.Operation;
import io.github.lyncupgrade.testkit.fake.ServerState;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the executor keeps track of besides the steps (FE-0): which pools a resume finds failed
 * over or back, how much of the plan the journal already holds, a torn journal tail said aloud,
 * the hooks around a server whose steps were all skipped, BE-0's watch ending with the run, BE-1's
 * refusal, and staging done ahead kept as done.
 */
class RunBookkeepingTest {
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");

  private final Scenarios.Events events = new Scenarios.Events();

  @TempDir
  Path directory;

  @Test
  void fe0_sdk3_aResumeAfterAFailbackKnowsThePoolsUsersAreHomeAndCountsWhatTheJournalHolds() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.busy(POOL01, 3), Fault.installFails("fe11.contoso.com")).build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = Journal.inMemory();

    RunReport failed = Scenarios.executor(fake, events, journal).build().run(plan);

    assertThat(failed.outcome()).isInstanceOf(RunOutcome.StepFailed.class);
    assertThat(fake.history().calls(Operation.POOL_FAILBACK, POOL01)).as("pool01 was failed back").hasSize(1);
    assertThat(failed.poolsOnTheirPartners()).isEmpty();
    long done = Stream.concat(events.of(RunEvent.StepSucceeded.class).stream().map(RunEvent.StepSucceeded::step),
        events.of(RunEvent.StepSkipped.class).stream().map(RunEvent.StepSkipped::step)).distinct().count();
    events.all.clear();

    RunReport resumed = Scenarios.executor(fake, events, journal).build().resume(plan);

    assertThat(events.of(RunEvent.RunStarted.class)).singleElement().satisfies(started -> {
      assertThat((long) started.alreadyDone()).as("the steps the journal shows done").isEqualTo(done);
      assertThat(started.steps()).isEqualTo(plan.size());
    });
    assertThat(resumed.outcome().isCompleted()).as(resumed.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().hasNoPoolLeftFailedOver();
    assertThat(resumed.poolsOnTheirPartners()).as("the journal shows pool01 failed back").isEmpty();
  }

  @Test
  void fe0_aResumeFromAJournalWhoseLastRecordWasTornSaysSoAndGoesOn() throws IOException {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfter(Operation.RESTART, "fe02.contoso.com")).build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Path path = directory.resolve("run.journal");
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      assertThatThrownBy(() -> Scenarios.executor(fake, events, journal).build().run(plan))
          .isInstanceOf(SimulatedCrash.class);
    }
    Files.write(path, "2\tpool01.contoso.com/Upgr".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    events.all.clear();

    RunReport resumed;
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      resumed = Scenarios.executor(fake, events, journal).build().resume(plan);
    }

    assertThat(events.of(RunEvent.JournalTailIgnored.class)).singleElement()
        .satisfies(torn -> assertThat(torn.description()).contains("torn by a crash and is ignored"));
    assertThat(resumed.outcome().isCompleted()).as(resumed.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce();
  }

  @Test
  void sdk6_theHooksAfterAServerRunAlsoForAServerWhoseStepsWereAllSkipped() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .updatedAtStart(Scenarios.CU.targetVersion(), "fe03.contoso.com").build();
    List<Fqdn> after = new CopyOnWriteArrayList<>();
    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).hook("after", new RunHooks() {
      @Override
      public HookDecision afterServer(Fqdn pool, String group, Fqdn server) {
        after.add(server);
        return HookDecision.proceed();
      }
    }).build().run(Scenarios.plan(fake.topology()));

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(fake.history().timesUpdated("fe03.contoso.com")).isZero();
    assertThat(after).as("afterServer, once per Front End, fe03 among them").contains(Fqdn.of("fe03.contoso.com"))
        .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void be0_theWatchOnABackEndsDowntimeEndsWithTheRun() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso()).timings(FakeTimings.instant())
        .faults(Fault.installFails("sql02.contoso.com")).build();

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(Scenarios.plan(fake.topology()));

    assertThat(report.outcome()).isInstanceOf(RunOutcome.StepFailed.class);
    assertThat(fake.inspect().state("sql02.contoso.com")).as("left down by the failed install")
        .isNotEqualTo(ServerState.RUNNING);
    int eventsAtTheEnd = events.all.size();
    fake.clock().advance(Duration.ofHours(1));
    assertThat(events.all.subList(eventsAtTheEnd, events.all.size()))
        .as("no BE-0 warning from a run that has ended").isEmpty();
  }

  @Test
  void be1_anAccountOutsideCsAdministratorStopsTheRunBeforeItsBackEndIsTouched() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso()).csAdministrator(false).build();

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(Scenarios.plan(fake.topology()));

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step().value()).endsWith("sql01.contoso.com/check-administrator-role");
      assertThat(failed.reason()).contains("not a member of the CsAdministrator role (BE-1)");
    });
    assertThat(fake.history().calls(Operation.STOP_SERVICES, "sql01.contoso.com")).isEmpty();
    assertThat(fake.history().timesUpdated("sql01.contoso.com")).isZero();
  }

  @Test
  void sdk5_aBackEndAtTheBuildKeepsTheCopyStagedAheadAsDoneAndSkipsOnlyWhatIsLeftOfBe2ToBe10() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .updatedAtStart(Scenarios.CU.targetVersion(), "sql01.contoso.com").build();
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(Scenarios.CU).build()).plan(fake.topology());

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(events.of(RunEvent.StepSucceeded.class))
        .filteredOn(done -> done.step().kind() == StepKind.STAGE_UPDATE
            && done.step().target().toString().equals("sql01.contoso.com"))
        .as("staged ahead, before BE-1 found the build (SDK-5)").hasSize(1);
    assertThat(events.of(RunEvent.StepSkipped.class))
        .filteredOn(skip -> skip.step().target().toString().equals("sql01.contoso.com"))
        .extracting(skip -> skip.step().kind()).doesNotContain(StepKind.STAGE_UPDATE).contains(StepKind.INSTALL_UPDATE);
  }
}
