package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static io.github.lyncupgrade.testkit.run.Scenarios.executor;
import static io.github.lyncupgrade.testkit.run.Scenarios.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario tests on the fake for the facts of Microsoft's cmdlet reference (CR-1..CR-9): each
 * Front End strategy, each Back End kind, the settle rule, Test-CsDatabase, the registrar reset,
 * the run-time quorum check and the Central Management Store.
 */
class CompanionRulesScenarioTest {
  private static final ProductVersion SKYPE_2015 = ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015;
  private static final String POOL10 = "pool10.fabrikam.com";
  private static final String POOL11 = "pool11.fabrikam.com";

  private final Scenarios.Events events = new Scenarios.Events();

  private static PlanOptions.Builder skypeOptions() {
    return options().updatePackage(Simulation.sampleUpdate(SKYPE_2015));
  }

  private RunReport run(FakeDeployment fake, PlanOptions options) {
    UpgradePlan plan = Planner.create(options).plan(fake.topology());
    return executor(fake, events, Journal.inMemory()).build().run(plan);
  }

  private List<String> detailsOf(StepKind kind) {
    return events.of(RunEvent.StepSucceeded.class).stream().filter(done -> done.step().kind() == kind)
        .map(RunEvent.StepSucceeded::detail).toList();
  }

  @Test
  void cr3_aSkypeForBusinessDeploymentIsPatchedServerByServerWithComputerFailover() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.skypeForBusiness2015());

    RunReport report = run(fake, skypeOptions().build());

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().hasEveryServerRunning().neverLostQuorum()
        .upgradedOneServerAtATime(POOL10).upgradedOneServerAtATime(POOL11).neverStoppedADomainThatWasNotReady();
    List<FakeEvent.ComputerFailedOver> failovers = fake.history().events(FakeEvent.ComputerFailedOver.class);
    assertThat(failovers).extracting(failover -> failover.server().hostName()).containsExactly(
        "fe101", "fe102", "fe103", "fe104", "fe111", "fe112", "fe113");
    assertThat(failovers).allMatch(failover -> failover.drainingTimeout().equals(Duration.ofMinutes(30)));
    assertThat(fake.history().events(FakeEvent.ComputerFailedBack.class)).hasSize(7);
    assertThat(fake.history().events(FakeEvent.FabricStateReported.class)).as("one fabric check per server")
        .hasSize(7);
    assertThat(fake.history().calls(Operation.POOL_UPGRADE_READINESS)).isEmpty();
    assertThat(fake.history().calls(Operation.UPGRADE_DOMAIN_INFO)).isEmpty();
  }

  @Test
  void aSkypeForBusinessPoolMayStillBePatchedByUpgradeDomain() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.skypeForBusiness2015());

    RunReport report = run(fake, skypeOptions().frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN).build());

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().neverLostQuorum();
    assertThat(fake.history().events(FakeEvent.ComputerFailedOver.class)).isEmpty();
    assertThat(detailsOf(StepKind.SETTLE_POOL)).as("UD1->UD2 of pool10; UD1->UD2, UD2->UD3 of pool11").hasSize(3)
        .allMatch(detail -> detail.startsWith("Ready for 20 minutes"));
  }

  @Test
  void cr4_aSkypeForBusiness2019PoolOfThirteenIsAskedWithGetCsUpgradeDomainInfo() {
    Pool.Builder pool = Pool.enterprise("pool19.contoso.com").product(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019)
        .backEnd("sql19.contoso.com");
    for (int domain = 0; domain < 4; domain++) {
      List<String> servers = new java.util.ArrayList<>();
      for (int i = 1; i <= (domain < 3 ? 4 : 1); i++) {
        servers.add("fe19" + (char) ('a' + domain) + i + ".contoso.com");
      }
      pool.upgradeDomain("UD" + (domain + 1), servers);
    }
    FakeDeployment fake = FakeDeployment.of(Topology.builder().pool(pool).build());

    RunReport report = run(fake, options().updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019))
        .frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN).build());

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().neverLostQuorum();
    List<Operation> operations = fake.history().calls().stream().map(FakeEvent.OperationCalled::operation).toList();
    assertThat(operations).contains(Operation.UPGRADE_DOMAIN_INFO).doesNotContain(Operation.POOL_UPGRADE_READINESS);
  }

  @Test
  void cr3_missingReplicasStopTheRunAndNameTheRegistrarResetWhichRunsOnlyOnAnExplicitOption() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.skypeForBusiness2015())
        .faults(Fault.replicasMissing(POOL11)).build();

    RunReport report = run(fake, skypeOptions().build());

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> {
      assertThat(stop.step()).isEqualTo(new StepId(POOL11 + "/UpgradeDomain1/fe111.fabrikam.com/check-fabric-state"));
      assertThat(stop.reason()).contains("replicas missing", "Run Reset-CsPoolRegistrarState -PoolFqdn " + POOL11
          + " -ResetType QuorumLossRecovery once you have checked the pool");
    });
    assertThat(fake.history().events(FakeEvent.RegistrarStateReset.class)).isEmpty();
    assertThat(fake.history().events(FakeEvent.ComputerFailedOver.class))
        .noneMatch(failover -> failover.pool().equals(Fqdn.of(POOL11)));

    FakeDeployment allowed = FakeDeployment.builder(SampleTopologies.skypeForBusiness2015())
        .faults(Fault.replicasMissing(POOL11)).build();
    RunReport reset = run(allowed, skypeOptions().resetRegistrarStateOnMissingReplicas(true).build());
    assertThat(reset.outcome().isCompleted()).as(reset.outcome().describe()).isTrue();
    assertThat(allowed.history().events(FakeEvent.RegistrarStateReset.class)).singleElement()
        .satisfies(event -> assertThat(event.pool()).isEqualTo(Fqdn.of(POOL11)));
    assertThat(detailsOf(StepKind.CHECK_FABRIC_STATE)).anyMatch(detail -> detail.contains("ran (allowed by the plan)"));
  }

  @Test
  void cr1_theExecutorChecksQuorumBeforeEachStopEvenWhenThePlanWasSafe() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.skypeForBusiness2015())
        .downAtStart("fe113.fabrikam.com").build();

    RunReport report = run(fake, skypeOptions().build());

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> {
      assertThat(stop.step()).isEqualTo(new StepId(POOL11 + "/UpgradeDomain1/fe111.fabrikam.com/fail-over-server"));
      assertThat(stop.reason()).contains("would leave 1 of the first 3 Front Ends of " + POOL11
          + " running, and the pool needs any 2 of the first 3 (CR-1)", "running now: [fe112.fabrikam.com]");
    });
    assertThat(fake).neverLostQuorum();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe111.fabrikam.com"))).isZero();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe104.fabrikam.com"))).as("pool10 went on as planned").isOne();
  }

  @Test
  void cr6_cr7_anAlwaysOnStoreIsUpdatedAndTestedThroughItsListenerAndTheTopologyIsPublished() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.skypeForBusiness2015());

    run(fake, skypeOptions().build());

    assertThat(fake.history().events(FakeEvent.TopologyPublished.class)).singleElement()
        .satisfies(published -> assertThat(published.pool()).isEqualTo(Fqdn.of(POOL10)));
    assertThat(fake.history().events(FakeEvent.DatabasesTested.class)).hasSize(3).allSatisfy(tested ->
        assertThat(tested.databases()).allMatch(database -> database.isCurrent()));
    assertThat(fake.history().events(FakeEvent.DatabasesTested.class).get(0).databases())
        .allMatch(database -> database.sqlServer().equals("ag10.fabrikam.com"));
    assertThat(fake.history().calls(Operation.UPDATE_DATABASES)).extracting(call -> call.target().toString())
        .containsExactly("ag10.fabrikam.com", "sql11.fabrikam.com", "se12.fabrikam.com");
    assertThat(fake.history().events(FakeEvent.DatabasesUpdated.class)).extracting(update -> update.sqlServer().toString())
        .containsExactly("ag10.fabrikam.com", "sql11.fabrikam.com", "se12.fabrikam.com");
  }

  @Test
  void standaloneBackEndsAreTestedAfterTheirUpdate() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());

    run(fake, options().build());

    assertThat(detailsOf(StepKind.VERIFY_DATABASES)).containsExactly(
        "5 databases at their expected versions", "4 databases at their expected versions",
        "4 databases at their expected versions");
  }

  @Test
  void cr5_aMirroredStoreIsUpdatedOnlyOnTheOperatorsWordAndFailsWhereTheCmdletRefusesMirrors() {
    Topology mirrored = Topology.builder().pool(Pool.enterprise("pool09.contoso.com")
        .upgradeDomain("UD1", "fe91.contoso.com", "fe92.contoso.com")
        .upgradeDomain("UD2", "fe93.contoso.com", "fe94.contoso.com")
        .backEnd("sql09.contoso.com").mirroredTo("sql09m.contoso.com")).build();
    PlanOptions confirmed = options().confirmMirroredDatabaseUpdate(true).build();

    FakeDeployment supported = FakeDeployment.of(mirrored);
    assertThat(run(supported, confirmed).outcome().isCompleted()).isTrue();
    assertThat(Planner.create(confirmed).plan(mirrored).warnings()).hasSize(1);

    FakeDeployment refusing = FakeDeployment.builder(mirrored).mirroredUpdateSupported(false).build();
    RunReport report = run(refusing, confirmed);
    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step()).isEqualTo(new StepId("pool09.contoso.com/back-end/sql09.contoso.com/update-databases"));
      assertThat(failed.reason()).contains("cannot be used against mirrored databases; remove the mirror first");
    });
  }

  @Test
  void cr7_aDatabaseLeftBehindByInstallCsDatabaseFailsTheRunWithItsName() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.databaseUpdateIncomplete("pool02.contoso.com", "rtcab")).build();

    RunReport report = run(fake, options().build());

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed -> {
      assertThat(failed.step()).isEqualTo(new StepId("pool02.contoso.com/back-end/sql02.contoso.com/verify-databases"));
      assertThat(failed.reason()).isEqualTo("Test-CsDatabase: 1 of 4 databases are not at their expected version"
          + " after Install-CsDatabase: [rtcab on sql02.contoso.com (expected 5.0.8308.1001, installed 5.0.8308.0)]");
    });
    assertThat(events.of(RunEvent.StepSucceeded.class)).as("Install-CsDatabase itself reported success")
        .anyMatch(done -> done.step().id().equals(new StepId("pool02.contoso.com/back-end/sql02.contoso.com/update-databases")));
  }

  @Test
  void cr2_aNotReadyAnswerDuringTheSettleWaitRestartsItsTwentyMinutes() {
    // No rebalancing, so the pool is Ready at once: UD1's two checks, the settle wait's first (Ready), then Busy.
    FakeDeployment fake = FakeDeployment.builder(Scenarios.lonePool())
        .timings(FakeTimings.ofDefaults().withRebalance(Duration.ZERO))
        .faults(Fault.busyLater("pool09.contoso.com", 3)).build();

    RunReport report = run(fake, options().build());

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(events.of(RunEvent.SettleRestarted.class)).singleElement().satisfies(restart ->
        assertThat(restart.state()).isEqualTo(PoolUpgradeState.BUSY));
    assertThat(detailsOf(StepKind.SETTLE_POOL)).containsExactly(
        "Ready for 20 minutes after 1 restart of the wait; 4 routing groups kept their primaries and secondaries");
    Instant busy = fake.history().events(FakeEvent.ReadinessReported.class).stream()
        .filter(reported -> reported.readiness().state() == PoolUpgradeState.BUSY).findFirst().orElseThrow().at();
    Instant firstReadyAfter = fake.history().events(FakeEvent.ReadinessReported.class).stream()
        .filter(reported -> reported.at().isAfter(busy)).findFirst().orElseThrow().at();
    Instant ud2Stops = fake.history().events(FakeEvent.ServicesStopped.class).stream()
        .filter(stop -> stop.upgradeDomain().equals("UD2")).findFirst().orElseThrow().at();
    assertThat(Duration.between(firstReadyAfter, ud2Stops)).as("20 minutes from the Ready after the restart")
        .isGreaterThanOrEqualTo(Duration.ofMinutes(20));
    RunEvent.StepStarted settleStarted = events.of(RunEvent.StepStarted.class).stream()
        .filter(started -> started.step().kind() == StepKind.SETTLE_POOL).findFirst().orElseThrow();
    assertThat(Duration.between(settleStarted.at(), ud2Stops)).as("longer than one undisturbed wait")
        .isGreaterThan(Duration.ofMinutes(25));
  }

  @Test
  void cr2_routingGroupsThatMoveWhileThePoolSettlesStopTheRunWithBothSnapshots() {
    FakeDeployment fake = FakeDeployment.builder(Scenarios.lonePool())
        .faults(Fault.routingGroupsMove("pool09.contoso.com")).build();

    RunReport report = run(fake, options().build());

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.RoutingGroupsMoved.class, moved -> {
      assertThat(moved.step()).isEqualTo(new StepId("pool09.contoso.com/UD2/settle"));
      assertThat(moved.after().changesSince(moved.before())).hasSize(4)
          .first().asString().startsWith("routing group rg-1 moved: primary fe91.contoso.com -> fe92.contoso.com");
      assertThat(moved.describe()).contains("the routing groups of pool09.contoso.com moved while it settled (CR-2)");
    });
    assertThat(fake.history().timesUpdated(Fqdn.of("fe93.contoso.com"))).isZero();
  }

  @Test
  void cr9_theCentralManagementStoreMovesBeforeItsPoolFailsOver() {
    Topology contoso = SampleTopologies.contoso();
    Topology.Builder withStore = Topology.builder().centralManagementStore("pool01.contoso.com");
    contoso.pools().forEach(withStore::pool);
    FakeDeployment fake = FakeDeployment.builder(withStore.build()).faults(Fault.busy("pool01.contoso.com", 3)).build();

    RunReport report = run(fake, options().build());

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    List<FakeEvent> moves = fake.history().events().stream().filter(event ->
        event instanceof FakeEvent.CentralManagementStoreMoved || event instanceof FakeEvent.PoolFailedOver).toList();
    assertThat(moves).hasSize(2);
    assertThat(moves.get(0)).isInstanceOfSatisfying(FakeEvent.CentralManagementStoreMoved.class,
        moved -> assertThat(moved.backupStore()).isEqualTo("sql02.contoso.com"));
    assertThat(moves.get(1)).isInstanceOf(FakeEvent.PoolFailedOver.class);
  }

  @Test
  void cr8_anInstallerAskingForARestartOnABackEndSaysSo() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.installRequiresRestart("sql01.contoso.com")).build();

    RunReport report = run(fake, options().build());

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(detailsOf(StepKind.INSTALL_UPDATE)).contains("installed build 5.0.8308.1001; the installer asks for a"
        + " restart (exit 3010, CR-8): restart sql01.contoso.com once its procedure is done");
  }
}
