package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static io.github.lyncupgrade.testkit.run.Scenarios.executor;
import static io.github.lyncupgrade.testkit.run.Scenarios.options;
import static io.github.lyncupgrade.testkit.run.Scenarios.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.Progress;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunFailedException;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.Operation;
import io.github.lyncupgrade.testkit.fake.ServerState;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One scenario per rule, on the fake deployment in virtual time. */
class ExecutorScenarioTest {
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");
  private static final FakeTimings NO_REBALANCE = FakeTimings.ofDefaults().withRebalance(Duration.ZERO);

  private final Scenarios.Events events = new Scenarios.Events();

  private static FakeDeployment sample(Fault... faults) {
    return FakeDeployment.builder(SampleTopologies.contoso()).timings(NO_REBALANCE).faults(faults).build();
  }

  private RunReport run(FakeDeployment fake) {
    return run(fake, plan(fake.topology()));
  }

  private RunReport run(FakeDeployment fake, UpgradePlan plan) {
    return executor(fake, events, Journal.inMemory()).build().run(plan);
  }

  @Test
  void theSampleIsUpgradedSafelyAndCompletely() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());

    RunReport report = run(fake);

    assertThat(report.outcome().kind()).isEqualTo(RunOutcome.Kind.COMPLETED);
    assertThat(fake).upgradedOneDomainAtATime()
        .neverStoppedADomainThatWasNotReady()
        .upgradedEveryServerExactlyOnce()
        .neverLostQuorum()
        .keptUsersOutOfResiliencyMode()
        .hasNoPoolLeftFailedOver()
        .hasEveryServerRunning()
        .usedDatabaseVariant("pool01.contoso.com", DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED)
        .usedDatabaseVariant("pool02.contoso.com", DatabaseUpdateVariant.CONFIGURED_DATABASES)
        .usedDatabaseVariant("se01.contoso.com", DatabaseUpdateVariant.LOCAL_DATABASES);
    assertThat(report.progress().isComplete()).isTrue();
    assertThat(report.duration()).isEqualTo(fake.clock().elapsed()).isGreaterThan(Duration.ofHours(3));
    assertThat(report.backEndDowntimes()).containsKeys(POOL01, Fqdn.of("pool02.contoso.com"), Fqdn.of("se01.contoso.com"));
    // fe01: drain 5 min, install 15, restart 15 (FakeTimings defaults); the verification takes no time.
    // staging 5 min (SDK-5), drain 5, install 15, restart 15 (FakeTimings defaults)
    assertThat(report.timeSpentOn(Fqdn.of("fe01.contoso.com"))).isEqualTo(Duration.ofMinutes(40));
    assertThat(report.toText()).startsWith("Run COMPLETED after ").contains("pool01.contoso.com  DONE");
    assertThat(events.of(RunEvent.RunStarted.class)).hasSize(1);
    assertThat(events.of(RunEvent.RunFinished.class)).singleElement()
        .satisfies(finished -> assertThat(finished.outcome().isCompleted()).isTrue());
  }

  @Test
  void fe1a_busyOnceThenReady_waitsTheIntervalOnTheClock() {
    FakeDeployment fake = sample(Fault.busy("pool01.contoso.com", 1));

    RunReport report = run(fake);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.Waiting.class)).filteredOn(waiting -> !waiting.reason().contains("CR-2"))
        .singleElement().satisfies(waiting -> {
      assertThat(waiting.pool()).isEqualTo(POOL01);
      assertThat(Duration.between(waiting.at(), waiting.until())).isEqualTo(Duration.ofMinutes(10));
      assertThat(waiting.reason()).contains("Busy (FE-1a), 1 of 3");
    });
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).isEmpty();
  }

  @Test
  void fe1b_fe1c_busyThreeTimesFailsAPairedPoolOverUpdatesItAndFailsItBack() {
    FakeDeployment fake = sample(Fault.busy("pool01.contoso.com", 3));

    RunReport report = run(fake);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.PoolProblemFound.class)).singleElement().satisfies(problem -> {
      assertThat(problem.failingOver()).isTrue();
      assertThat(problem.evidence()).extracting(observation -> observation.state())
          .containsExactly(PoolUpgradeState.BUSY, PoolUpgradeState.BUSY, PoolUpgradeState.BUSY);
    });
    assertThat(events.of(RunEvent.PoolFailedOver.class)).extracting(RunEvent.PoolFailedOver::partner)
        .containsExactly(Fqdn.of("pool02.contoso.com"));
    assertThat(fake.history().events(FakeEvent.PoolFailedBack.class)).hasSize(1);
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().hasNoPoolLeftFailedOver();
    assertThat(events.of(RunEvent.StepSkipped.class)).filteredOn(skip -> skip.step().pool().equals(POOL01))
        .filteredOn(skip -> skip.reason().startsWith("the pool is failed over")).hasSize(7)
        .filteredOn(skip -> skip.step().kind() == StepKind.SETTLE_POOL).as("no settle wait while failed over")
        .hasSize(2);
  }

  @Test
  void fe1b_busyThreeTimesStopsAnUnpairedPoolWithTheEvidence() {
    FakeDeployment fake = FakeDeployment.builder(Scenarios.lonePool()).timings(NO_REBALANCE)
        .faults(Fault.busy("pool09.contoso.com", 3)).build();

    RunReport report = run(fake);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.PoolProblem.class, problem -> {
      assertThat(problem.pool()).isEqualTo(Fqdn.of("pool09.contoso.com"));
      assertThat(problem.reason()).contains("Busy 3 times in a row, 10 minutes apart", "no disaster-recovery partner");
      assertThat(problem.evidence()).hasSize(3);
      assertThat(Duration.between(problem.evidence().get(0).at(), problem.evidence().get(2).at()))
          .isEqualTo(Duration.ofMinutes(20).plusSeconds(60));
    });
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class)).isEmpty();
    assertThatThrownBy(report::orThrow).isInstanceOf(RunFailedException.class).hasMessageContaining("pool09.contoso.com");
  }

  @Test
  void fe1b_insufficientActiveFrontEndsStopsWhenFailoverIsTurnedOff() {
    FakeDeployment fake = sample(Fault.insufficientActiveFrontEnds("pool01.contoso.com", 1));
    UpgradePlan plan = Planner.create(Scenarios.options().failoverOnPoolProblem(false).build()).plan(fake.topology());

    RunReport report = executor(fake, events, Journal.inMemory()).build().run(plan);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.PoolProblem.class, problem -> {
      assertThat(problem.reason()).contains("InsufficientActiveFrontEnds: 6 of 6", "failover on a pool problem is turned off");
      assertThat(problem.evidence()).hasSize(1);
    });
  }

  @Test
  void fe1c_insufficientActiveFrontEndsFailsAPairedPoolOver() {
    FakeDeployment fake = sample(Fault.insufficientActiveFrontEnds("pool01.contoso.com", 1));

    assertThat(run(fake).outcome().isCompleted()).isTrue();
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).hasSize(1);
  }

  @Test
  void fe2_aDomainThatIsNotReadyIsNeverStopped() {
    FakeDeployment fake = sample();
    fake.stopServices(Fqdn.of("fe03.contoso.com"), false);

    RunReport report = run(fake);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.DomainNotReady.class, notReady -> {
      assertThat(notReady.upgradeDomain()).isEqualTo("UpgradeDomain1");
      assertThat(notReady.describe()).contains("none of its servers was stopped");
    });
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class)).extracting(FakeEvent.ServicesStopped::server)
        .containsExactly(Fqdn.of("fe03.contoso.com"));
    assertThat(fake).hasServerIn("fe01.contoso.com", ServerState.RUNNING);
  }

  @Test
  void fe2b_aFailedInstallStopsTheRunBeforeAnyOtherDomain() {
    FakeDeployment fake = sample(Fault.installFails("fe01.contoso.com"));

    RunReport report = run(fake);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step()).isEqualTo(new StepId("pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/install-update"));
      assertThat(failed.reason()).contains("exited with code 1603", "LyncServerUpdateInstaller.log");
    });
    assertThat(fake).hasServerIn("fe01.contoso.com", ServerState.STOPPED).hasServerIn("fe03.contoso.com", ServerState.RUNNING);
    Progress.PoolProgress pool01 = report.progress().pools().get(0);
    assertThat(pool01.groups().get(0).state()).isEqualTo(Progress.State.FAILED);
    assertThat(pool01.groups().get(1).state()).isEqualTo(Progress.State.PENDING);
    assertThat(report.toText()).contains("fe01 FAILED (1 of 4 steps done)");
  }

  @Test
  void fe2c_aServerThatNeverComesBackStopsTheRun() {
    FakeDeployment fake = sample(Fault.neverComesBack("fe03.contoso.com"));

    RunReport report = run(fake);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed ->
        assertThat(failed.step().value()).endsWith("fe03.contoso.com/restart"));
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class)).extracting(FakeEvent.ServicesStopped::server)
        .doesNotContain(Fqdn.of("fe05.contoso.com"), Fqdn.of("fe04.contoso.com"));
  }

  @Test
  void fe2c_theRunNeverGoesOnPastAFailedVerification() {
    FakeDeployment fake = sample(Fault.servicesFailToStart("fe02.contoso.com"));

    RunReport report = run(fake);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step().value()).endsWith("fe02.contoso.com/verify");
      assertThat(failed.reason()).contains("does not accept new connections");
    });
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class)).hasSize(2);
  }

  @Test
  void be0_aBackEndDownPastThirtyMinutesIsReported() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .timings(NO_REBALANCE.withInstall(Duration.ofMinutes(40))).build();

    RunReport report = run(fake);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.BackEndDowntimeWarning.class)).extracting(RunEvent.BackEndDowntimeWarning::pool)
        .contains(POOL01);
    assertThat(events.of(RunEvent.BackEndDowntimeExceeded.class)).extracting(RunEvent.BackEndDowntimeExceeded::pool)
        .contains(POOL01, Fqdn.of("pool02.contoso.com"));
    assertThat(report.backEndDowntimes().get(POOL01)).isGreaterThan(Duration.ofMinutes(40));
    assertThat(report.toText()).contains("users may be in resiliency mode, BE-0");
    assertThat(fake.history().usersWentIntoResiliencyMode(POOL01)).isTrue();
  }

  /**
   * BE-0 rings while the step that keeps a Back End down still runs, at the thresholds: an install
   * of two virtual hours raises the warning at 20 minutes of downtime and the 30-minute event at 30,
   * not when the install ends; one step at a time and with steps side by side.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void be0_theWarningAndTheThirtyMinuteEventComeAtTheirThresholdsWhileTheInstallStillRuns(boolean oneAtATime) {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .timings(NO_REBALANCE.withInstall(Duration.ofHours(2))).build();
    UpgradePlan plan = Planner.create(options().concurrency(oneAtATime ? Concurrency.sequential()
        : Concurrency.pools(2)).build()).plan(fake.topology());

    RunReport report = executor(fake, events, Journal.inMemory()).build().run(plan);

    assertThat(report.outcome().isCompleted()).isTrue();
    for (String pool : List.of("pool01.contoso.com", "pool02.contoso.com", "se01.contoso.com")) {
      Fqdn fqdn = Fqdn.of(pool);
      Instant down = events.of(RunEvent.StepStarted.class).stream()
          .filter(started -> BackEndDowntime.opens(started.step(), fake.topology()) && started.step().pool().equals(fqdn))
          .map(RunEvent.StepStarted::at).findFirst().orElseThrow();
      Instant installed = events.of(RunEvent.StepSucceeded.class).stream()
          .filter(done -> done.step().pool().equals(fqdn) && done.step().kind() == StepKind.INSTALL_UPDATE
              && ((ServerStep) done.step()).scope().isBackEnd())
          .map(RunEvent.StepSucceeded::at).findFirst().orElseThrow();
      assertThat(events.of(RunEvent.BackEndDowntimeWarning.class)).filteredOn(warning -> warning.pool().equals(fqdn))
          .singleElement().satisfies(warning -> {
            assertThat(warning.at()).isEqualTo(down.plus(Duration.ofMinutes(20))).isBefore(installed);
            assertThat(warning.downtime()).isEqualTo(Duration.ofMinutes(20));
          });
      assertThat(events.of(RunEvent.BackEndDowntimeExceeded.class)).filteredOn(exceeded -> exceeded.pool().equals(fqdn))
          .singleElement().satisfies(exceeded -> {
            assertThat(exceeded.at()).isEqualTo(down.plus(Duration.ofMinutes(30))).isBefore(installed);
            assertThat(exceeded.downtime()).isEqualTo(Duration.ofMinutes(30));
          });
    }
    assertThat(events.all).as("no alarm rings after the run").last().isInstanceOf(RunEvent.RunFinished.class);
  }

  @Test
  void be0_aResumedRunStillRingsOnTimeForABackEndTheCrashLeftDown() {
    FakeDeployment rehearsal = FakeDeployment.builder(Scenarios.lonePool())
        .timings(NO_REBALANCE.withInstall(Duration.ofHours(2))).build();
    UpgradePlan plan = plan(rehearsal.topology());
    executor(rehearsal, new Scenarios.Events(), Journal.inMemory()).build().run(plan);
    int installCall = rehearsal.history().events(FakeEvent.OperationCalled.class).stream()
        .filter(call -> call.operation() == Operation.INSTALL_UPDATE && call.target().equals(Fqdn.of("sql09.contoso.com")))
        .mapToInt(FakeEvent.OperationCalled::call).findFirst().orElseThrow();
    FakeDeployment fake = FakeDeployment.builder(Scenarios.lonePool())
        .timings(NO_REBALANCE.withInstall(Duration.ofHours(2))).faults(Fault.crashAfterCall(installCall - 1)).build();
    Journal journal = Journal.inMemory();
    assertThatThrownBy(() -> executor(fake, new Scenarios.Events(), journal).build().run(plan))
        .isInstanceOf(SimulatedCrash.class);
    Instant down = journal.open(plan).records().stream()
        .filter(record -> record.step().value().endsWith("sql09.contoso.com/stop-web-service"))
        .map(JournalRecord::at).findFirst().orElseThrow();

    RunReport resumed = executor(fake, events, journal).build().resume(plan);

    assertThat(resumed.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.BackEndDowntimeWarning.class)).singleElement()
        .satisfies(warning -> assertThat(warning.at()).isEqualTo(down.plus(Duration.ofMinutes(20))));
    assertThat(events.of(RunEvent.BackEndDowntimeExceeded.class)).singleElement()
        .satisfies(exceeded -> assertThat(exceeded.at()).isEqualTo(down.plus(Duration.ofMinutes(30))));
  }

  @Test
  void be0_theEstimateAndTheRunMeasureEveryBackEndsDowntimeAlike() {
    for (Topology topology : List.of(SampleTopologies.contoso(), SampleTopologies.skypeForBusiness2015())) {
      FakeDeployment fake = FakeDeployment.of(topology);
      UpgradePlan plan = Planner.create(options().updatePackage(Simulation.sampleUpdate(topology)).build())
          .plan(topology);

      RunReport report = executor(fake, new Scenarios.Events(), Journal.inMemory()).build().run(plan);

      assertThat(report.backEndDowntimes()).isNotEmpty().allSatisfy((pool, downtime) ->
          assertThat(plan.estimate().pool(pool).orElseThrow().backEndDowntime()).as(pool.toString())
              .hasValue(downtime));
    }
  }

  @Test
  void sdk7_pairedSingleServerPoolsFailOverBeforeTheirUpdateAndBackAfter() {
    Topology topology = Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UD1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UD2", "fe03.contoso.com", "fe04.contoso.com")
            .backEnd("sql01.contoso.com").partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("sql02.contoso.com").partnerPool("pool01.contoso.com"))
        .pool(Pool.standard("se02.contoso.com").partnerPool("se03.contoso.com"))
        .pool(Pool.standard("se03.contoso.com").partnerPool("se02.contoso.com"))
        .build();
    FakeDeployment fake = FakeDeployment.builder(topology).timings(NO_REBALANCE.withInstall(Duration.ofMinutes(40)))
        .build();
    UpgradePlan plan = Planner.create(options().failOverSingleServerPools(true).build()).plan(topology);

    RunReport report = run(fake, plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    List<FakeEvent> history = fake.history().events();
    for (String pool : List.of("pool02.contoso.com", "se02.contoso.com", "se03.contoso.com")) {
      String server = pool.equals("pool02.contoso.com") ? "fe11.contoso.com" : pool;
      int failedOver = Scenarios.indexOf(history, event -> event instanceof FakeEvent.PoolFailedOver failover
          && failover.pool().equals(Fqdn.of(pool)));
      int stopped = Scenarios.indexOf(history, event -> event instanceof FakeEvent.ServicesStopped stop
          && stop.server().equals(Fqdn.of(server)));
      int failedBack = Scenarios.indexOf(history, event -> event instanceof FakeEvent.PoolFailedBack failback
          && failback.pool().equals(Fqdn.of(pool)));
      assertThat(failedOver).as("%s failed over before %s stopped", pool, server).isNotNegative().isLessThan(stopped);
      assertThat(failedBack).as("and back after").isGreaterThan(stopped);
    }
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).extracting(failover -> failover.pool().toString())
        .as("pool01 keeps its quorum: no failover").containsExactlyInAnyOrder("pool02.contoso.com", "se02.contoso.com",
            "se03.contoso.com");
    assertThat(events.of(RunEvent.StepSkipped.class)).filteredOn(skip -> skip.step().pool().equals(Fqdn.of("pool02.contoso.com")))
        .extracting(skip -> skip.step().kind()).contains(StepKind.CHECK_POOL_READINESS, StepKind.CHECK_DOMAIN_READINESS);
    assertThat(fake).upgradedEveryServerExactlyOnce().hasNoPoolLeftFailedOver();
    assertThat(fake.history().usersWentIntoResiliencyMode(Fqdn.of("pool02.contoso.com")))
        .as("its users were on pool01 while its Back End was down %s", report.backEndDowntimes()
            .get(Fqdn.of("pool02.contoso.com"))).isFalse();
    assertThat(plan.estimate().warnings()).as("no BE-0 warning for pools whose users are on their partners").isEmpty();
  }

  @Test
  void aServerAlreadyAtTheTargetBuildIsSkipped_soRunningAgainIsSafe() {
    FakeDeployment fake = sample();
    run(fake);

    RunReport again = run(fake);

    assertThat(again.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce();
    assertThat(events.of(RunEvent.StepSkipped.class))
        .filteredOn(skip -> skip.reason().startsWith("already at build 5.0.8308.1001")).hasSize(10 * 4);
  }

  @Test
  void cancelStopsAtTheNextSafePointAndResumeFinishes() {
    FakeDeployment fake = sample();
    Journal journal = Journal.inMemory();
    Executor[] executor = new Executor[1];
    executor[0] = executor(fake, events, journal).listener(event -> {
      if (event instanceof RunEvent.StepSucceeded succeeded
          && succeeded.step().id().value().endsWith("fe01.contoso.com/install-update")) {
        executor[0].cancel();
      }
    }).build();
    UpgradePlan plan = plan(fake.topology());

    RunReport cancelled = executor[0].run(plan);

    assertThat(cancelled.outcome().kind()).isEqualTo(RunOutcome.Kind.CANCELLED);
    assertThat(fake).hasEveryServerRunning();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe01.contoso.com"))).isEqualTo(1);
    assertThat(fake.history().timesUpdated(Fqdn.of("fe02.contoso.com"))).isZero();
    assertThat(executor[0].progress()).hasValueSatisfying(progress -> assertThat(progress.stepsDone()).isBetween(1, 20));

    RunReport resumed = Scenarios.executor(fake, events, journal).build().resume(plan);

    assertThat(resumed.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
  }

  @Test
  void runRefusesAJournalThatAlreadyHoldsTheRun() {
    FakeDeployment fake = sample(Fault.installFails("fe01.contoso.com"));
    Journal journal = Journal.inMemory();
    UpgradePlan plan = plan(fake.topology());
    executor(fake, events, journal).build().run(plan);

    assertThatThrownBy(() -> executor(fake, events, journal).build().run(plan))
        .isInstanceOf(JournalException.class).hasMessageContaining("call resume(plan)");
    RunReport resumed = executor(fake, events, journal).build().resume(plan);
    assertThat(resumed.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce();
  }

  @Test
  void aPlanWithoutAnUpdatePackageIsRefusedBeforeAnythingRuns() {
    FakeDeployment fake = sample();

    assertThatThrownBy(() -> executor(fake, events, Journal.inMemory()).build().run(Planner.create().plan(fake.topology())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no update package");
    assertThat(fake.history().events()).isEmpty();
  }

  @Test
  void aListenerThatThrowsNeverBreaksTheRun() {
    FakeDeployment fake = sample();

    RunReport report = executor(fake, events, Journal.inMemory()).listener(event -> {
      throw new IllegalStateException("listener bug");
    }).build().run(plan(fake.topology()));

    assertThat(report.outcome().isCompleted()).isTrue();
  }

  @Test
  void theServersOfADomainCanRunInParallel() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());

    UpgradePlan plan = Planner.create(options().concurrency(Concurrency.DEFAULT).build()).plan(fake.topology());

    RunReport report = executor(fake, events, Journal.inMemory()).build().run(plan);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedOneDomainAtATime().upgradedEveryServerExactlyOnce().neverStoppedADomainThatWasNotReady()
        .hasEveryServerRunning();
  }

  @Test
  void manualStepsAreRecordedAsSkippedWithTheirReason() {
    FakeDeployment fake = sample();

    run(fake);

    assertThat(events.of(RunEvent.StepSkipped.class)).filteredOn(skip -> skip.step().isManual()).hasSize(9)
        .allSatisfy(skip -> assertThat(skip.reason()).startsWith("manual step, not automated: "));
  }

  @Test
  void progressIsReadableFromTheJournalAlone() {
    FakeDeployment fake = sample(Fault.installFails("fe05.contoso.com"));
    Journal journal = Journal.inMemory();
    UpgradePlan plan = plan(fake.topology());
    executor(fake, events, journal).build().run(plan);

    Progress progress = Progress.of(plan, journal.open(plan).latestStatuses());

    assertThat(progress.pools().get(0).groups()).extracting(Progress.GroupProgress::state).containsExactly(
        Progress.State.DONE, Progress.State.DONE, Progress.State.FAILED, Progress.State.PENDING);
    assertThat(journal.open(plan).latestStatuses().get(
        new StepId("pool01.contoso.com/UpgradeDomain3/fe05.contoso.com/install-update"))).isEqualTo(StepStatus.FAILED);
  }
}
