package io.github.lyncupgrade.core.plan;

import static io.github.lyncupgrade.core.plan.PlanFixtures.id;
import static io.github.lyncupgrade.core.plan.PlanFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StopServices;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner, rule by rule; each test names the PROCEDURE rule it pins. Most pin the seed
 * procedure, so they plan without the staging ahead of SDK-5, which has tests of its own.
 */
class PlannerTest {
  private static final PlanOptions SEED = PlanOptions.builder().stageUpdatesAhead(false).build();
  private final UpgradePlan plan = plan(SEED);

  private List<String> idsOf(String pool) {
    return plan.stepsOf(Fqdn.of(pool)).stream().map(step -> step.id().value()).toList();
  }

  private int position(String id) {
    return plan.positionOf(id(id));
  }

  @Test
  void fe0_fe3_domainsOfAPoolAreUpgradedOneAtATimeInTopologyOrder() {
    assertThat(idsOf("pool01.contoso.com")).containsExactly(
        "pool01.contoso.com/fail-over",
        "pool01.contoso.com/UD1/check-pool-readiness",
        "pool01.contoso.com/UD1/check-domain-readiness",
        "pool01.contoso.com/UD1/fe01.contoso.com/stop-services",
        "pool01.contoso.com/UD1/fe01.contoso.com/install-update",
        "pool01.contoso.com/UD1/fe01.contoso.com/restart",
        "pool01.contoso.com/UD1/fe01.contoso.com/verify",
        "pool01.contoso.com/UD1/fe02.contoso.com/stop-services",
        "pool01.contoso.com/UD1/fe02.contoso.com/install-update",
        "pool01.contoso.com/UD1/fe02.contoso.com/restart",
        "pool01.contoso.com/UD1/fe02.contoso.com/verify",
        "pool01.contoso.com/UD2/settle",
        "pool01.contoso.com/UD2/check-pool-readiness",
        "pool01.contoso.com/UD2/check-domain-readiness",
        "pool01.contoso.com/UD2/fe03.contoso.com/stop-services",
        "pool01.contoso.com/UD2/fe03.contoso.com/install-update",
        "pool01.contoso.com/UD2/fe03.contoso.com/restart",
        "pool01.contoso.com/UD2/fe03.contoso.com/verify",
        "pool01.contoso.com/UD2/fe04.contoso.com/stop-services",
        "pool01.contoso.com/UD2/fe04.contoso.com/install-update",
        "pool01.contoso.com/UD2/fe04.contoso.com/restart",
        "pool01.contoso.com/UD2/fe04.contoso.com/verify",
        "pool01.contoso.com/back-end/sql01.contoso.com/check-administrator-role",
        "pool01.contoso.com/back-end/sql01.contoso.com/stage-update",
        "pool01.contoso.com/back-end/sql01.contoso.com/open-management-shell",
        "pool01.contoso.com/back-end/sql01.contoso.com/stop-services",
        "pool01.contoso.com/back-end/sql01.contoso.com/stop-web-service",
        "pool01.contoso.com/back-end/sql01.contoso.com/close-management-shells",
        "pool01.contoso.com/back-end/sql01.contoso.com/install-update",
        "pool01.contoso.com/back-end/sql01.contoso.com/reopen-management-shell",
        "pool01.contoso.com/back-end/sql01.contoso.com/stop-services-again",
        "pool01.contoso.com/back-end/sql01.contoso.com/start-web-service",
        "pool01.contoso.com/back-end/sql01.contoso.com/update-databases",
        "pool01.contoso.com/back-end/sql01.contoso.com/verify-databases",
        "pool01.contoso.com/fail-back");
  }

  @Test
  void fe3_cr2_theNextDomainWaitsForEveryServerOfThePreviousOneToBeVerifiedAndThePoolToSettle() {
    assertThat(plan.prerequisites(id("pool01.contoso.com/UD2/settle"))).containsExactly(
        id("pool01.contoso.com/UD1/fe01.contoso.com/verify"), id("pool01.contoso.com/UD1/fe02.contoso.com/verify"));
    assertThat(plan.prerequisites(id("pool01.contoso.com/UD2/check-pool-readiness")))
        .containsExactly(id("pool01.contoso.com/UD2/settle"));

    UpgradePlan unsettled = plan(SEED.toBuilder().settlePolicy(SettlePolicy.off()).build());
    assertThat(unsettled.prerequisites(id("pool01.contoso.com/UD2/check-pool-readiness"))).containsExactly(
        id("pool01.contoso.com/UD1/fe01.contoso.com/verify"), id("pool01.contoso.com/UD1/fe02.contoso.com/verify"));
    assertThat(unsettled.steps()).noneMatch(step -> step.kind() == StepKind.SETTLE_POOL);
  }

  @Test
  void fe1_thePoolGateRunsOnAFrontEndOutsideTheDomainAboutToStop() {
    CheckPoolReadiness ud1 = (CheckPoolReadiness) plan.step(id("pool01.contoso.com/UD1/check-pool-readiness")).orElseThrow();
    CheckPoolReadiness ud2 = (CheckPoolReadiness) plan.step(id("pool01.contoso.com/UD2/check-pool-readiness")).orElseThrow();

    assertThat(ud1.runOn()).isEqualTo(Fqdn.of("fe03.contoso.com"));
    assertThat(ud2.runOn()).isEqualTo(Fqdn.of("fe01.contoso.com"));
    assertThat(ud1.rule()).isEqualTo(ProcedureRule.FE_1);
  }

  @Test
  void fe1a_fe1b_theGateCarriesTheReadinessPolicy() {
    assertThat(plan.step(id("pool01.contoso.com/UD1/check-pool-readiness")).orElseThrow().description())
        .contains("Busy: wait 10 min and check again; 3 Busy in a row or InsufficientActiveFrontEnds");

    ReadinessPolicy patient = new ReadinessPolicy(Duration.ofMinutes(15), 5);
    UpgradePlan custom = plan(PlanOptions.builder().readinessPolicy(patient).build());
    CheckPoolReadiness gate = (CheckPoolReadiness) custom.step(id("pool01.contoso.com/UD1/check-pool-readiness")).orElseThrow();
    assertThat(gate.policy()).isEqualTo(patient);
    assertThat(gate.description()).contains("wait 15 min", "5 Busy in a row");
  }

  /** Microsoft's reference keeps -DisasterMode for a pool no longer accessible; a pool with a problem still answered. */
  @Test
  void fe1c_theFailoverIsPlannedUnlessTheOptionsAskForDisasterMode() {
    FailOverPool planned = (FailOverPool) plan.step(id("pool01.contoso.com/fail-over")).orElseThrow();
    FailOverPool disaster = (FailOverPool) plan(PlanOptions.builder().poolFailoverMode(PoolFailoverMode.DISASTER).build())
        .step(id("pool01.contoso.com/fail-over")).orElseThrow();

    assertThat(planned.mode()).isEqualTo(PoolFailoverMode.PLANNED);
    assertThat(planned.description()).contains("(Invoke-CsPoolFailOver), then update").doesNotContain("DisasterMode");
    assertThat(disaster.mode()).isEqualTo(PoolFailoverMode.DISASTER);
    assertThat(disaster.description()).contains("(Invoke-CsPoolFailOver -DisasterMode), then update");
    assertThat(PlanOptions.ofDefaults().poolFailoverMode()).isEqualTo(PoolFailoverMode.PLANNED);
    assertThat(PlanOptions.builder().poolFailoverMode(PoolFailoverMode.DISASTER).build().toString())
        .contains("pool.failoverMode=DISASTER");
  }

  @Test
  void fe1c_aPairedPoolGetsContingentFailoverAndFailback() {
    Step failover = plan.step(id("pool01.contoso.com/fail-over")).orElseThrow();
    Step failback = plan.step(id("pool01.contoso.com/fail-back")).orElseThrow();

    assertThat(failover).isEqualTo(new FailOverPool(Fqdn.of("pool01.contoso.com"), Fqdn.of("pool02.contoso.com"),
        PoolFailoverMode.PLANNED));
    assertThat(failover.isContingent()).isTrue();
    assertThat(failover.rule()).isEqualTo(ProcedureRule.FE_1C);
    assertThat(failback.rule()).isEqualTo(ProcedureRule.SDK_3);
    assertThat(failback.isContingent()).isTrue();
    assertThat(plan.prerequisites(id("pool01.contoso.com/UD1/check-pool-readiness")))
        .containsExactly(failover.id());
    assertThat(idsOf("se01.contoso.com")).noneMatch(stepId -> stepId.contains("fail-"));
  }

  @Test
  void sdk7_aPoolOfOneFrontEndIsWarnedAboutAndAPairedOneCanFailOverBeforeItsUpdate() {
    Fqdn pool02 = Fqdn.of("pool02.contoso.com");
    assertThat(plan.warnings()).filteredOn(warning -> warning.pool().equals(pool02)).singleElement()
        .satisfies(warning -> {
          assertThat(warning.rule()).isEqualTo(ProcedureRule.CR_1);
          assertThat(warning.message()).contains("has a single Front End, fe11.contoso.com, so there is no quorum to"
              + " keep:", "fail it over to pool01.contoso.com first", "--fail-over-single-server-pools");
        });
    assertThat(plan.step(id("pool02.contoso.com/fail-over")).orElseThrow().isContingent()).isTrue();

    UpgradePlan failingOver = plan(SEED.toBuilder().failOverSingleServerPools(true).build());

    FailOverPool failover = (FailOverPool) failingOver.step(id("pool02.contoso.com/fail-over")).orElseThrow();
    assertThat(failover.beforeUpdate()).isTrue();
    assertThat(failover.rule()).isEqualTo(ProcedureRule.SDK_7);
    assertThat(failover.isContingent()).isFalse();
    assertThat(failover.description()).contains("before its update", "(SDK-7)");
    assertThat(failingOver.step(id("pool01.contoso.com/fail-over")).orElseThrow().isContingent())
        .as("a pool of four keeps its quorum: FE-1c only").isTrue();
    assertThat(failingOver.warnings()).filteredOn(warning -> warning.pool().equals(pool02)).singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("failed over to pool01.contoso.com before its"
            + " update and back after (SDK-7)"));
    assertThat(failingOver.stepsOf(Fqdn.of("se01.contoso.com"))).as("se01 has no partner")
        .noneMatch(step -> step.kind() == StepKind.FAIL_OVER_POOL);
    assertThat(failingOver.fingerprint()).isNotEqualTo(plan.fingerprint());
  }

  @Test
  void sdk7_aPoolOfOneFrontEndWithoutAPartnerIsToldToUseAWindow() {
    UpgradePlan lone = Planner.create(SEED).plan(Topology.builder()
        .pool(Pool.enterprise("pool05.contoso.com")
            .upgradeDomain("UD1", "fe51.contoso.com").backEnd("sql05.contoso.com"))
        .build());

    assertThat(lone.warnings()).singleElement().satisfies(warning -> assertThat(warning.message())
        .contains("no disaster-recovery partner to take them, so plan it in a maintenance window"));
  }

  @Test
  void fe1c_failoverCanBeLeftOutOfThePlan() {
    UpgradePlan noFailover = plan(PlanOptions.builder().failoverOnPoolProblem(false).build());

    assertThat(noFailover.steps()).noneMatch(Step::isContingent);
  }

  @Test
  void fe2_theDomainGateComesAfterThePoolGateAndBeforeAnyStop() {
    assertThat(plan.prerequisites(id("pool01.contoso.com/UD1/check-domain-readiness")))
        .containsExactly(id("pool01.contoso.com/UD1/check-pool-readiness"));
    assertThat(plan.step(id("pool01.contoso.com/UD1/check-domain-readiness")).orElseThrow().description())
        .isEqualTo("Check that upgrade domain UD1 (fe01, fe02) reports ReadyForUpgrade = True");
  }

  @Test
  void fe2_serversOfOneDomainAreIndependentOfEachOther() {
    StepId gate = id("pool01.contoso.com/UD1/check-domain-readiness");

    assertThat(plan.prerequisites(id("pool01.contoso.com/UD1/fe01.contoso.com/stop-services"))).containsExactly(gate);
    assertThat(plan.prerequisites(id("pool01.contoso.com/UD1/fe02.contoso.com/stop-services"))).containsExactly(gate);
  }

  @Test
  void fe2a_stopsAreGracefulUnlessInScheduledDowntime() {
    StopServices graceful = (StopServices) plan.step(id("pool01.contoso.com/UD1/fe01.contoso.com/stop-services")).orElseThrow();
    UpgradePlan downtime = plan(PlanOptions.builder().scheduledDowntime(true).build());
    StopServices immediate = (StopServices) downtime.step(id("pool01.contoso.com/UD1/fe01.contoso.com/stop-services")).orElseThrow();

    assertThat(graceful.command()).isEqualTo("Stop-CsWindowsService -Graceful -Verbose");
    assertThat(graceful.rule()).isEqualTo(ProcedureRule.FE_2A);
    assertThat(immediate.command()).isEqualTo("Stop-CsWindowsService -Verbose");
    assertThat(immediate.description()).contains("scheduled downtime");
  }

  @Test
  void fe2b_fe2c_eachFrontEndIsStoppedInstalledRestartedAndVerifiedInThatOrder() {
    String server = "pool01.contoso.com/UD2/fe03.contoso.com/";

    assertThat(plan.prerequisites(id(server + "install-update"))).containsExactly(id(server + "stop-services"));
    assertThat(plan.prerequisites(id(server + "restart"))).containsExactly(id(server + "install-update"));
    assertThat(plan.prerequisites(id(server + "verify"))).containsExactly(id(server + "restart"));
    assertThat(plan.step(id(server + "install-update")).orElseThrow().rule()).isEqualTo(ProcedureRule.FE_2B);
    assertThat(plan.step(id(server + "verify")).orElseThrow().rule()).isEqualTo(ProcedureRule.FE_2C);
  }

  @Test
  void be1_to_be10_theBackEndProcedureIsOneChainWithEveryRule() {
    List<Step> backEnd = plan.stepsOf(Fqdn.of("pool01.contoso.com")).stream()
        .filter(step -> step instanceof ServerStep serverStep && serverStep.scope().isBackEnd())
        .toList();

    assertThat(backEnd).extracting(step -> step.rule().id()).containsExactly(
        "BE-1", "BE-2", "BE-3", "BE-4", "BE-5", "BE-6", "BE-7", "BE-8", "BE-9", "BE-10", "BE-11b", "CR-7");
    for (int i = 1; i < backEnd.size(); i++) {
      assertThat(plan.prerequisites(backEnd.get(i).id())).containsExactly(backEnd.get(i - 1).id());
    }
    assertThat(backEnd).allMatch(step -> step.target().equals(Fqdn.of("sql01.contoso.com")));
  }

  @Test
  void be3_be6_be8_humanActionsAreKeptAndMarkedManualWithTheReason() {
    List<Step> manual = plan.steps().stream().filter(Step::isManual).toList();

    assertThat(manual).extracting(step -> step.rule().id())
        .containsExactly("BE-3", "BE-6", "BE-8", "BE-3", "BE-6", "BE-8", "BE-3", "BE-6", "BE-8");
    assertThat(manual).allSatisfy(step -> assertThat(step.manualReason()).hasValueSatisfying(
        reason -> assertThat(reason).isNotBlank()));
    assertThat(plan.step(id("pool01.contoso.com/back-end/sql01.contoso.com/stop-services-again")).orElseThrow()
        .description()).contains("Global Assembly Cache");
  }

  @Test
  void be1_to_be10_canBeLeftOutForEnterpriseBackEndsButNeverForStandardEdition() {
    UpgradePlan databasesOnly = plan(SEED.toBuilder().backEndServerProcedure(false).build());

    assertThat(databasesOnly.stepsOf(Fqdn.of("pool02.contoso.com")))
        .filteredOn(step -> step instanceof ServerStep serverStep && serverStep.scope().isBackEnd())
        .extracting(step -> step.rule().id()).containsExactly("BE-11a", "CR-7");
    assertThat(databasesOnly.stepsOf(Fqdn.of("se01.contoso.com"))).extracting(step -> step.rule().id())
        .startsWith("BE-1", "BE-2").contains("BE-9", "BE-10", "BE-11c", "CR-7");
  }

  @Test
  void be11_eachPoolGetsExactlyOneDatabaseUpdateWithTheRightVariant() {
    assertThat(plan.databaseUpdates()).extracting(UpdateDatabases::command).containsExactly(
        "Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com -ExcludeCollocatedStores",
        "Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql02.contoso.com",
        "Install-CsDatabase -Update -LocalDatabases");
    assertThat(plan.databaseUpdates()).extracting(step -> step.rule().id()).containsExactly("BE-11b", "BE-11a", "BE-11c");
  }

  @Test
  void sdk1_theBackEndComesAfterTheFrontEndsByDefaultAndBeforeThemOnRequest() {
    assertThat(position("pool01.contoso.com/back-end/sql01.contoso.com/check-administrator-role"))
        .isGreaterThan(position("pool01.contoso.com/UD2/fe03.contoso.com/verify"));

    UpgradePlan backEndFirst = plan(SEED.toBuilder().backEndOrder(BackEndOrder.BEFORE_FRONT_ENDS).build());
    assertThat(backEndFirst.prerequisites(id("pool01.contoso.com/UD1/check-pool-readiness")))
        .containsExactly(id("pool01.contoso.com/back-end/sql01.contoso.com/verify-databases"));
    assertThat(backEndFirst.prerequisites(id("pool01.contoso.com/back-end/sql01.contoso.com/check-administrator-role")))
        .containsExactly(id("pool01.contoso.com/fail-over"));
  }

  @Test
  void sdk2_aStandardEditionServerIsStartedAndVerifiedAfterItsDatabaseUpdate() {
    assertThat(idsOf("se01.contoso.com")).endsWith(
        "se01.contoso.com/back-end/se01.contoso.com/update-databases",
        "se01.contoso.com/back-end/se01.contoso.com/verify-databases",
        "se01.contoso.com/back-end/se01.contoso.com/start-services",
        "se01.contoso.com/back-end/se01.contoso.com/verify");
  }

  @Test
  void sdk4_poolsDoNotDependOnEachOtherAndOneAtATimeTheyGoInTopologyOrder() {
    assertThat(plan.prerequisites(id("pool02.contoso.com/fail-over"))).isEmpty();
    assertThat(plan.prerequisites(id("se01.contoso.com/back-end/se01.contoso.com/check-administrator-role")))
        .isEmpty();
    assertThat(plan.poolOrder()).extracting(Fqdn::toString)
        .containsExactly("pool01.contoso.com", "pool02.contoso.com", "se01.contoso.com");
  }

  @Test
  void sdk4_severalPoolsAtOnceTakeTheLongestFirst() {
    UpgradePlan fleet = plan(PlanOptions.builder().concurrency(Concurrency.pools(2)).build());

    assertThat(fleet.poolOrder()).extracting(Fqdn::toString)
        .containsExactly("pool01.contoso.com", "pool02.contoso.com", "se01.contoso.com");
    assertThat(fleet.estimate().pool(Fqdn.of("pool01.contoso.com")).orElseThrow().window().length())
        .isGreaterThan(fleet.estimate().pool(Fqdn.of("se01.contoso.com")).orElseThrow().window().length());
    UpgradePlan slowStandard = plan(PlanOptions.builder().concurrency(Concurrency.pools(2))
        .stepDurations(StepDurations.defaults().with(StepKind.UPDATE_DATABASES, ProcedureRule.BE_11C, Duration.ofHours(5)))
        .build());
    assertThat(slowStandard.poolOrder()).extracting(Fqdn::toString)
        .containsExactly("se01.contoso.com", "pool01.contoso.com", "pool02.contoso.com");
    assertThat(slowStandard.fingerprint()).isEqualTo(fleet.fingerprint());
  }

  @Test
  void sdk5_everyServerIsStagedAheadBeforeAnyServiceOfItsPoolStops() {
    UpgradePlan staged = plan(PlanOptions.ofDefaults());
    List<Step> ahead = staged.steps().stream().filter(Step::runsAhead).toList();

    assertThat(ahead).extracting(step -> step.id().value()).containsExactly(
        "pool01.contoso.com/UD1/fe01.contoso.com/stage-update",
        "pool01.contoso.com/UD1/fe02.contoso.com/stage-update",
        "pool01.contoso.com/UD2/fe03.contoso.com/stage-update",
        "pool01.contoso.com/UD2/fe04.contoso.com/stage-update",
        "pool01.contoso.com/back-end/sql01.contoso.com/stage-update",
        "pool02.contoso.com/UD1/fe11.contoso.com/stage-update",
        "pool02.contoso.com/back-end/sql02.contoso.com/stage-update",
        "se01.contoso.com/back-end/se01.contoso.com/stage-update");
    assertThat(ahead).extracting(step -> step.rule().id())
        .containsExactly("SDK-5", "SDK-5", "SDK-5", "SDK-5", "BE-2", "SDK-5", "BE-2", "BE-2");
    assertThat(staged.steps().subList(0, ahead.size())).isEqualTo(ahead);
    assertThat(ahead).allSatisfy(step -> assertThat(staged.prerequisites(step.id())).isEmpty());
    assertThat(staged.prerequisites(id("pool01.contoso.com/fail-over"))).containsExactly(
        id("pool01.contoso.com/UD1/fe01.contoso.com/stage-update"),
        id("pool01.contoso.com/UD1/fe02.contoso.com/stage-update"),
        id("pool01.contoso.com/UD2/fe03.contoso.com/stage-update"),
        id("pool01.contoso.com/UD2/fe04.contoso.com/stage-update"),
        id("pool01.contoso.com/back-end/sql01.contoso.com/stage-update"));
    assertThat(staged.stepsOf(Fqdn.of("pool01.contoso.com")))
        .filteredOn(step -> step.kind() == StepKind.STAGE_UPDATE).hasSize(5).allMatch(Step::runsAhead);
  }

  @Test
  void sdk5_aBackEndThatOnlyGetsItsDatabasesUpdatedIsNotStaged() {
    UpgradePlan databasesOnly = plan(PlanOptions.builder().backEndServerProcedure(false).build());

    assertThat(databasesOnly.step(id("pool01.contoso.com/back-end/sql01.contoso.com/stage-update"))).isEmpty();
    assertThat(databasesOnly.step(id("se01.contoso.com/back-end/se01.contoso.com/stage-update"))).isPresent();
  }

  @Test
  void idsAreStableAndTheSameInputGivesTheSamePlan() {
    UpgradePlan again = plan(SEED);

    assertThat(again.steps()).isEqualTo(plan.steps());
    assertThat(again.fingerprint()).isEqualTo(plan.fingerprint()).hasSize(64);
    assertThat(plan.step(id("pool01.contoso.com/UD2/fe03.contoso.com/install-update"))).isPresent();
  }

  @Test
  void anythingThatChangesWhatRunsChangesTheFingerprint() {
    assertThat(plan(PlanOptions.builder().scheduledDowntime(true).build()).fingerprint())
        .isNotEqualTo(plan.fingerprint());
    assertThat(plan(PlanOptions.builder().updatePackage(UpdatePackage.of("C:\\cu\\installer.exe", "5.0.8308.1001"))
        .build()).fingerprint()).isNotEqualTo(plan.fingerprint());
    assertThat(plan(PlanOptions.ofDefaults()).fingerprint()).isNotEqualTo(plan.fingerprint());
  }

  @Test
  void theConcurrencyAndTheDurationsChangeWhenStepsRunNotWhatTheyDo() {
    UpgradePlan other = plan(SEED.toBuilder().concurrency(new Concurrency(3, 1, 2))
        .stepDurations(StepDurations.defaults().with(StepKind.RESTART_SERVER, Duration.ofMinutes(40))).build());

    assertThat(other.fingerprint()).isEqualTo(plan.fingerprint());
    assertThat(other.steps()).isEqualTo(plan.steps());
  }

  @Test
  void everyPrerequisiteComesEarlierInTheLinearOrder() {
    for (Step step : plan.steps()) {
      for (StepId prerequisite : plan.prerequisites(step.id())) {
        assertThat(plan.positionOf(prerequisite)).as("%s before %s", prerequisite, step.id())
            .isLessThan(plan.positionOf(step.id()));
      }
    }
  }
}
