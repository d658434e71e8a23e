package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static io.github.lyncupgrade.testkit.run.Scenarios.executor;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.run.ReadinessObservation;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FE-3: FE-1 repeats before every upgrade domain, the settle wait (CR-2) included, never only
 * before the first. Each rule is tried before UpgradeDomain2 and UpgradeDomain3 of the sample's
 * pool01 (paired with pool02), and of a lone pool of three domains, with the first domain as the
 * reference the others must match.
 */
class ReadinessBeforeEveryDomainTest {
  private static final String POOL01 = "pool01.contoso.com";
  private static final String LONE = "pool07.contoso.com";

  private final Scenarios.Events events = new Scenarios.Events();

  /** Six Front Ends in three domains (any one may go down: 4 of 6 keep the quorum of 3), no partner. */
  private static Topology lonePoolOfThreeDomains() {
    return Topology.builder()
        .pool(Pool.enterprise(LONE)
            .upgradeDomain("UpgradeDomain1", "fe71.contoso.com", "fe72.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe73.contoso.com", "fe74.contoso.com")
            .upgradeDomain("UpgradeDomain3", "fe75.contoso.com", "fe76.contoso.com")
            .backEnd("sql07.contoso.com"))
        .build();
  }

  private RunReport run(FakeDeployment fake) {
    return run(fake, Scenarios.plan(fake.topology()));
  }

  private RunReport run(FakeDeployment fake, UpgradePlan plan) {
    return executor(fake, events, Journal.inMemory()).build().run(plan);
  }

  /** The waits of the run for {@code pool} between the moment {@code domain}'s previous domain was verified and its first stop. */
  private List<RunEvent.Waiting> waitsBefore(String pool, String domain) {
    Instant from = verifiedBefore(pool, domain);
    Instant to = firstStopOf(pool, domain);
    return events.of(RunEvent.Waiting.class).stream()
        .filter(waiting -> waiting.pool().equals(Fqdn.of(pool)))
        .filter(waiting -> !waiting.at().isBefore(from) && waiting.at().isBefore(to)).toList();
  }

  private Instant verifiedBefore(String pool, String domain) {
    return events.of(RunEvent.StepSucceeded.class).stream()
        .filter(done -> done.step().pool().equals(Fqdn.of(pool)) && done.step().kind() == StepKind.VERIFY_SERVER)
        .filter(done -> done.step().group().orElseThrow().compareTo(domain) < 0)
        .map(RunEvent.StepSucceeded::at).max(Instant::compareTo).orElse(Instant.MIN);
  }

  private Instant firstStopOf(String pool, String domain) {
    return events.of(RunEvent.StepSucceeded.class).stream()
        .filter(done -> done.step().pool().equals(Fqdn.of(pool)) && done.step().kind() == StepKind.STOP_SERVICES)
        .filter(done -> done.step().group().orElseThrow().equals(domain))
        .map(RunEvent.StepSucceeded::at).min(Instant::compareTo).orElse(Instant.MAX);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain1", "UpgradeDomain2", "UpgradeDomain3"})
  void fe1a_busyTwiceThenReadyGoesOnAfterTwoTenMinuteWaits(String domain) {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.beforeDomain(POOL01, domain, Fault.busy(POOL01, 2))).build();

    RunReport report = run(fake);

    assertThat(report.outcome().isCompleted()).isTrue();
    List<RunEvent.Waiting> fe1a = waitsBefore(POOL01, domain).stream()
        .filter(waiting -> waiting.rule() == ProcedureRule.FE_1A).toList();
    assertThat(fe1a).extracting(RunEvent.Waiting::reason).allMatch(reason -> reason.contains("Busy (FE-1a)"))
        .anyMatch(reason -> reason.contains("2 of 3 in a row"));
    assertThat(fe1a).hasSize(2).allSatisfy(waiting ->
        assertThat(Duration.between(waiting.at(), waiting.until())).isEqualTo(Duration.ofMinutes(10)));
    assertThat(events.of(RunEvent.PoolProblemFound.class)).isEmpty();
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).isEmpty();
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().neverStoppedADomainThatWasNotReady();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain1", "UpgradeDomain2", "UpgradeDomain3"})
  void fe1b_fe1c_busyThreeTimesBeforeADomainFailsThePairedPoolOverUpgradesTheRestAndFailsBack(String domain) {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.beforeDomain(POOL01, domain, Fault.busy(POOL01, 3))).build();

    RunReport report = run(fake);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.PoolProblemFound.class)).singleElement().satisfies(problem -> {
      assertThat(problem.pool()).isEqualTo(Fqdn.of(POOL01));
      assertThat(problem.rule()).isEqualTo(ProcedureRule.FE_1B);
      assertThat(problem.failingOver()).isTrue();
      assertThat(problem.reason()).contains("Busy 3 times in a row, 10 minutes apart (FE-1b)");
      assertThat(problem.evidence()).extracting(ReadinessObservation::state)
          .containsExactly(PoolUpgradeState.BUSY, PoolUpgradeState.BUSY, PoolUpgradeState.BUSY);
      assertThat(Duration.between(problem.evidence().get(0).at(), problem.evidence().get(2).at()))
          .as("10 minutes apart, each answer taking its 30 s").isEqualTo(Duration.ofMinutes(21));
      assertThat(problem.at()).isBefore(firstStopOf(POOL01, domain));
    });
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).singleElement()
        .satisfies(failover -> assertThat(failover.at()).isBefore(firstStopOf(POOL01, domain)));
    assertThat(fake.history().events(FakeEvent.PoolFailedBack.class)).hasSize(1);
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().hasNoPoolLeftFailedOver();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain1", "UpgradeDomain2", "UpgradeDomain3"})
  void fe1b_busyThreeTimesBeforeADomainStopsAnUnpairedPoolWithTheThreeAnswers(String domain) {
    FakeDeployment fake = FakeDeployment.builder(lonePoolOfThreeDomains())
        .faults(Fault.beforeDomain(LONE, domain, Fault.busy(LONE, 3))).build();

    RunReport report = run(fake);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.PoolProblem.class, problem -> {
      assertThat(problem.rule()).isEqualTo(ProcedureRule.FE_1B);
      assertThat(problem.reason()).contains("Busy 3 times in a row", "no disaster-recovery partner");
      assertThat(problem.evidence()).extracting(ReadinessObservation::state)
          .containsExactly(PoolUpgradeState.BUSY, PoolUpgradeState.BUSY, PoolUpgradeState.BUSY);
      assertThat(problem.describe()).startsWith("Pool " + LONE + " has a problem (FE-1b)");
    });
    assertThat(events.of(RunEvent.PoolProblemFound.class)).singleElement()
        .satisfies(problem -> assertThat(problem.failingOver()).isFalse());
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class))
        .noneMatch(stop -> stop.upgradeDomain().equals(domain));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain1", "UpgradeDomain2", "UpgradeDomain3"})
  void fe1b_insufficientActiveFrontEndsBeforeADomainIsAProblemAtOnce(String domain) {
    FakeDeployment paired = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.beforeDomain(POOL01, domain, Fault.insufficientActiveFrontEnds(POOL01, 1))).build();

    RunReport failedOver = run(paired);

    assertThat(failedOver.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.PoolProblemFound.class)).singleElement().satisfies(problem -> {
      assertThat(problem.rule()).isEqualTo(ProcedureRule.FE_1B);
      assertThat(problem.reason()).startsWith("InsufficientActiveFrontEnds");
      assertThat(problem.evidence()).hasSize(1);
      assertThat(problem.failingOver()).isTrue();
    });
    assertThat(paired).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().hasNoPoolLeftFailedOver();

    FakeDeployment lone = FakeDeployment.builder(lonePoolOfThreeDomains())
        .faults(Fault.beforeDomain(LONE, domain, Fault.insufficientActiveFrontEnds(LONE, 1))).build();
    assertThat(run(lone).outcome()).isInstanceOfSatisfying(RunOutcome.PoolProblem.class,
        problem -> assertThat(problem.evidence()).singleElement()
            .satisfies(answer -> assertThat(answer.state()).isEqualTo(PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain2", "UpgradeDomain3"})
  void cr2_aReadyPoolStillSettlesTwentyMinutesWithItsRoutingGroupsCompared(String domain) {
    FakeDeployment fake = FakeDeployment.of(lonePoolOfThreeDomains());

    RunReport report = run(fake);

    assertThat(report.outcome().isCompleted()).isTrue();
    List<RunEvent.Waiting> waits = waitsBefore(LONE, domain);
    assertThat(waits).filteredOn(waiting -> waiting.rule() == ProcedureRule.FE_1A).as("one Busy answer while the"
        + " pool rebalances after the previous domain").hasSize(1);
    List<RunEvent.Waiting> settling = waits.stream().filter(waiting -> waiting.rule() == ProcedureRule.CR_2).toList();
    assertThat(settling).isNotEmpty().allMatch(waiting -> waiting.reason().contains("(CR-2): Ready since"));
    Instant readySince = settling.get(0).at();
    Step settle = events.of(RunEvent.StepSucceeded.class).stream().map(RunEvent.StepSucceeded::step)
        .filter(step -> step.kind() == StepKind.SETTLE_POOL && step.group().orElseThrow().equals(domain))
        .findFirst().orElseThrow();
    RunEvent.StepSucceeded settled = events.of(RunEvent.StepSucceeded.class).stream()
        .filter(done -> done.step().equals(settle)).findFirst().orElseThrow();
    assertThat(Duration.between(readySince, settled.at())).isGreaterThanOrEqualTo(Duration.ofMinutes(20));
    assertThat(settled.detail()).startsWith("Ready for 20 minutes;").contains("routing groups kept their primaries");
    assertThat(fake.history().events(FakeEvent.FabricStateReported.class))
        .filteredOn(fabric -> !fabric.at().isBefore(readySince) && !fabric.at().isAfter(settled.at()))
        .as("Get-CsPoolFabricState at the first Ready answer and at the end").hasSize(2);
  }

  @Test
  void cr2_aPoolThatNeverStaysReadyGivesUpNamingCr2AndIsNeverFailedOver() {
    // Busy at the end of the first Ready stretch, and again once the give-up time has passed
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.beforeDomain(POOL01, "UpgradeDomain2", Fault.busyLater(POOL01, 2)),
            Fault.beforeDomain(POOL01, "UpgradeDomain2", Fault.busyLater(POOL01, 1)))
        .build();
    UpgradePlan plan = Planner.create(Scenarios.options()
        .settlePolicy(new SettlePolicy(Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofMinutes(30))).build())
        .plan(fake.topology());

    RunReport report = run(fake, plan);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.PoolProblem.class, problem -> {
      assertThat(problem.rule()).isEqualTo(ProcedureRule.CR_2);
      assertThat(problem.reason()).contains("did not stay Ready for 20 minutes within 30 minutes of waiting (CR-2)",
          "only FE-1b problems are failed over");
      assertThat(problem.describe()).startsWith("Pool " + POOL01 + " has a problem (CR-2)");
    });
    assertThat(events.of(RunEvent.SettleRestarted.class)).hasSize(1);
    assertThat(events.of(RunEvent.PoolProblemFound.class)).singleElement().satisfies(problem -> {
      assertThat(problem.rule()).isEqualTo(ProcedureRule.CR_2);
      assertThat(problem.failingOver()).isFalse();
    });
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).isEmpty();
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class))
        .noneMatch(stop -> stop.upgradeDomain().equals("UpgradeDomain2"));
  }

  @Test
  void cr2_aSettleTimeLongerThanTheGiveUpTimeStillCompletes() {
    FakeDeployment fake = FakeDeployment.of(lonePoolOfThreeDomains());
    UpgradePlan plan = Planner.create(Scenarios.options()
        .settlePolicy(SettlePolicy.ofDefaults().withSettleTime(Duration.ofMinutes(150))).build()).plan(fake.topology());

    RunReport report = run(fake, plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(events.of(RunEvent.StepSucceeded.class)).filteredOn(done -> done.step().kind() == StepKind.SETTLE_POOL)
        .hasSize(2).allSatisfy(done -> assertThat(done.detail()).startsWith("Ready for 150 minutes;"));
  }
}
