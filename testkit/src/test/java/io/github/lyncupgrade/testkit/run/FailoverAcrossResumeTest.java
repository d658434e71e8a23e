package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.Operation;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The armed failovers of a plan (FE-1c, CR-9) run only when a pool problem calls for them, and a
 * resume remembers what the journal shows about them: a pool failed over stays failed over (no
 * readiness checks, and it is failed back, SDK-3), and a step a crash interrupted is re-checked on
 * the deployment rather than done twice or skipped.
 */
class FailoverAcrossResumeTest {
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");
  private static final Fqdn POOL02 = Fqdn.of("pool02.contoso.com");

  private final Scenarios.Events events = new Scenarios.Events();

  /** The contoso sample with pool01 holding the Central Management Store, whose backup is on pool02. */
  private static Topology contosoWithTheStoreOnPool01() {
    Topology.Builder withStore = Topology.builder().centralManagementStore("pool01.contoso.com");
    SampleTopologies.contoso().pools().forEach(withStore::pool);
    return withStore.build();
  }

  /** Runs {@code plan} until the fake's crash fault strikes; the journal the crash left. */
  private Journal runUntilTheCrash(FakeDeployment fake, UpgradePlan plan) {
    Journal journal = Journal.inMemory();
    assertThatThrownBy(() -> Scenarios.executor(fake, events, journal).build().run(plan))
        .isInstanceOf(SimulatedCrash.class);
    return journal;
  }

  private RunReport resume(FakeDeployment fake, UpgradePlan plan, Journal journal) {
    return Scenarios.executor(fake, events, journal).build().resume(plan);
  }

  private static List<StepKind> skippedKindsOf(List<RunEvent.StepSkipped> skipped, Fqdn pool) {
    return skipped.stream().filter(skip -> skip.step().pool().equals(pool)).map(skip -> skip.step().kind()).toList();
  }

  @Test
  void fe1c_cr9_onANightWithoutPoolProblemsNeitherTheStoreNorAnyPoolIsFailedOver() {
    FakeDeployment fake = FakeDeployment.of(contosoWithTheStoreOnPool01());

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(Scenarios.plan(fake.topology()));

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(fake.history().calls(Operation.CENTRAL_MANAGEMENT_STORE_FAILOVER)).isEmpty();
    assertThat(fake.history().calls(Operation.POOL_FAILOVER)).isEmpty();
    assertThat(fake.history().calls(Operation.POOL_FAILBACK)).isEmpty();
    assertThat(events.of(RunEvent.StepSkipped.class)).filteredOn(skip -> skip.step().kind()
            == StepKind.FAIL_OVER_CENTRAL_MANAGEMENT_STORE)
        .singleElement().satisfies(skip -> assertThat(skip.reason()).contains("armed"));
    assertThat(report.poolsOnTheirPartners()).isEmpty();
  }

  @Test
  void fe1c_sdk3_aResumeRemembersAJournaledFailover_noReadinessChecksAndTheUsersComeHome() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.busy("pool01.contoso.com", 3), Fault.crashAfter(Operation.STOP_SERVICES, "fe03.contoso.com"))
        .build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = runUntilTheCrash(fake, plan);
    assertThat(fake.inspect().isFailedOver("pool01.contoso.com")).isTrue();
    int readinessChecksBeforeTheCrash = fake.history().calls(Operation.POOL_UPGRADE_READINESS, POOL01).size();
    events.all.clear();

    RunReport report = resume(fake, plan, journal);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake.history().calls(Operation.POOL_UPGRADE_READINESS, POOL01))
        .as("no readiness check of a pool whose users are on its partner").hasSize(readinessChecksBeforeTheCrash);
    assertThat(skippedKindsOf(events.of(RunEvent.StepSkipped.class), POOL01)).contains(StepKind.CHECK_DOMAIN_READINESS);
    assertThat(fake.history().calls(Operation.POOL_FAILBACK, POOL01)).hasSize(1);
    assertThat(events.of(RunEvent.PoolFailedBack.class)).singleElement()
        .satisfies(back -> assertThat(back.partner()).isEqualTo(POOL02));
    assertThat(fake).hasNoPoolLeftFailedOver().upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
    assertThat(report.poolsOnTheirPartners()).as("failed back: the run knows its users are home").isEmpty();
  }

  @Test
  void fe1c_aFailoverACrashInterruptedIsReCheckedOnResume_notRunTwiceNorForgotten() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.busy("pool01.contoso.com", 3), Fault.crashAfter(Operation.POOL_FAILOVER, "pool01.contoso.com"))
        .build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = runUntilTheCrash(fake, plan);
    events.all.clear();

    RunReport report = resume(fake, plan, journal);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake.history().calls(Operation.POOL_FAILOVER)).as("Invoke-CsPoolFailOver ran once").hasSize(1);
    assertThat(events.of(RunEvent.StepSucceeded.class)).filteredOn(done -> done.step().kind() == StepKind.FAIL_OVER_POOL)
        .singleElement().satisfies(done -> assertThat(done.detail()).startsWith("re-checked: the pool is failed over"));
    assertThat(fake.history().calls(Operation.POOL_FAILBACK, POOL01)).hasSize(1);
    assertThat(fake).hasNoPoolLeftFailedOver().upgradedEveryServerExactlyOnce();
  }

  /**
   * A crash right after the store's failover (CR-9) leaves its step begun: the resume finishes it,
   * then judges the pool afresh (FE-1): the pool now answers Ready, so its users stay and it is
   * upgraded domain by domain, the store left on the partner's side.
   */
  @Test
  void cr9_aStoreFailoverACrashInterruptedIsFinishedOnResumeThenThePoolIsJudgedAfresh() {
    FakeDeployment fake = FakeDeployment.builder(contosoWithTheStoreOnPool01())
        .faults(Fault.busy("pool01.contoso.com", 3),
            Fault.crashAfter(Operation.CENTRAL_MANAGEMENT_STORE_FAILOVER, "pool01.contoso.com"))
        .build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = runUntilTheCrash(fake, plan);
    assertThat(fake.history().calls(Operation.POOL_FAILOVER)).as("the crash came before the pool's failover").isEmpty();
    events.all.clear();

    RunReport report = resume(fake, plan, journal);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(events.of(RunEvent.StepSucceeded.class))
        .filteredOn(done -> done.step().kind() == StepKind.FAIL_OVER_CENTRAL_MANAGEMENT_STORE)
        .as("the begun step is finished, not skipped as armed").hasSize(1);
    assertThat(fake.history().calls(Operation.POOL_FAILOVER)).as("Ready on resume: no failover").isEmpty();
    assertThat(fake).hasNoPoolLeftFailedOver().upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
  }

  @Test
  void cr3a_aComputerFailoverACrashInterruptedIsReCheckedOnResume_theServerIsNotFailedOverTwice() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.skypeForBusiness2015())
        .faults(Fault.crashAfter(Operation.COMPUTER_FAILOVER, "fe102.fabrikam.com")).build();
    UpgradePlan plan = Planner.create(Scenarios.options()
        .updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015)).build()).plan(fake.topology());
    Journal journal = runUntilTheCrash(fake, plan);
    events.all.clear();

    RunReport report = resume(fake, plan, journal);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake.history().calls(Operation.COMPUTER_FAILOVER, "fe102.fabrikam.com"))
        .as("Invoke-CsComputerFailOver ran once").hasSize(1);
    assertThat(events.of(RunEvent.StepSucceeded.class)).filteredOn(done -> done.step().kind() == StepKind.FAIL_OVER_SERVER
            && done.step().target().toString().equals("fe102.fabrikam.com"))
        .singleElement().satisfies(done -> assertThat(done.detail()).startsWith("re-checked: its services are already stopped"));
    assertThat(fake).upgradedEveryServerExactlyOnce();
  }

  @Test
  void fe2c_aRestartACrashInterruptedIsReCheckedOnResume_theServerIsNotRestartedTwice() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfter(Operation.RESTART, "fe02.contoso.com")).build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = runUntilTheCrash(fake, plan);
    events.all.clear();

    RunReport report = resume(fake, plan, journal);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake.history().calls(Operation.RESTART, "fe02.contoso.com")).as("Restart-Computer ran once").hasSize(1);
    assertThat(events.of(RunEvent.StepSucceeded.class)).filteredOn(done -> done.step().kind() == StepKind.RESTART_SERVER
            && done.step().target().toString().equals("fe02.contoso.com"))
        .singleElement().satisfies(done -> assertThat(done.detail()).startsWith("re-checked: the server is back"));
  }

  @Test
  void fe1c_aRunThatStopsAfterAFailoverSaysWhosUsersAreStillOnTheirPartner() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.busy("pool01.contoso.com", 3), Fault.installFails("fe03.contoso.com")).build();

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(Scenarios.plan(fake.topology()));

    assertThat(report.outcome()).isInstanceOf(RunOutcome.StepFailed.class);
    assertThat(report.poolsOnTheirPartners()).containsExactly(POOL01);
    assertThat(report.toText()).contains("Failed over, so their users are on their partners until a resume fails them"
        + " back: pool01.contoso.com (on pool02.contoso.com)");
    assertThat(report.toMarkdown()).contains("- Failed over, so their users are on their partners");
  }
}
