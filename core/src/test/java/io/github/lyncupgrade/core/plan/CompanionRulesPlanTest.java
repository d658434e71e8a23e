package io.github.lyncupgrade.core.plan;

import static io.github.lyncupgrade.core.plan.PlanFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.step.CheckFabricState;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.SettlePool;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner and the facts of Microsoft's cmdlet reference (PROCEDURE, "Facts from Microsoft's
 * cmdlet reference"; CR-1..CR-9): products, the per-server strategy, quorum, the settle rule,
 * highly available Back Ends, Test-CsDatabase and the Central Management Store.
 */
class CompanionRulesPlanTest {
  private static final ProductVersion LYNC = ProductVersion.LYNC_SERVER_2013;
  private static final ProductVersion SKYPE_2015 = ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015;
  private static final ProductVersion SKYPE_2019 = ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019;

  /** {@code count} Front Ends named {@code fe1..} split into domains of the given sizes, in topology order. */
  private static Pool.Builder pool(String fqdn, ProductVersion product, int... domainSizes) {
    Pool.Builder pool = Pool.enterprise(fqdn).product(product).backEnd("sql-" + fqdn);
    int next = 1;
    for (int d = 0; d < domainSizes.length; d++) {
      List<String> servers = new ArrayList<>();
      for (int i = 0; i < domainSizes[d]; i++) {
        servers.add("fe" + next++ + "-" + fqdn);
      }
      pool.upgradeDomain("UD" + (d + 1), servers);
    }
    return pool;
  }

  private static Topology topology(Pool.Builder... pools) {
    Topology.Builder topology = Topology.builder();
    for (Pool.Builder pool : pools) {
      topology.pool(pool);
    }
    return topology.build();
  }

  private static UpgradePlan plan(Topology topology) {
    return Planner.create().plan(topology);
  }

  private static List<String> ids(UpgradePlan plan, String pool) {
    return plan.stepsOf(Fqdn.of(pool)).stream().map(step -> step.id().value()).toList();
  }

  @Test
  void cr3_aSkypeForBusinessPoolIsPatchedOneServerAtATimeWithComputerFailover() {
    UpgradePlan plan = plan(topology(pool("p.contoso.com", SKYPE_2015, 2, 1)));

    assertThat(ids(plan, "p.contoso.com")).containsSubsequence(
        "p.contoso.com/UD1/fe1-p.contoso.com/check-fabric-state",
        "p.contoso.com/UD1/fe1-p.contoso.com/fail-over-server",
        "p.contoso.com/UD1/fe1-p.contoso.com/install-update",
        "p.contoso.com/UD1/fe1-p.contoso.com/restart",
        "p.contoso.com/UD1/fe1-p.contoso.com/fail-back-server",
        "p.contoso.com/UD1/fe1-p.contoso.com/verify",
        "p.contoso.com/UD1/fe2-p.contoso.com/check-fabric-state",
        "p.contoso.com/UD2/fe3-p.contoso.com/verify");
    assertThat(plan.steps()).noneMatch(step -> step.kind() == StepKind.CHECK_POOL_READINESS
        || step.kind() == StepKind.STOP_SERVICES && !((ServerStep) step).scope().isBackEnd());
    assertThat(plan.prerequisites(id("p.contoso.com/UD1/fe2-p.contoso.com/check-fabric-state")))
        .as("the next server waits for the previous one to be back").containsExactly(
            id("p.contoso.com/UD1/fe1-p.contoso.com/verify"));
    FailOverServer failover = (FailOverServer) plan.step(id("p.contoso.com/UD1/fe1-p.contoso.com/fail-over-server"))
        .orElseThrow();
    assertThat(failover.rule()).isEqualTo(ProcedureRule.CR_3A);
    assertThat(failover.drainingTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(failover.description()).contains("Invoke-CsComputerFailOver -ComputerName fe1-p.contoso.com"
        + " -DrainingTimeout (New-TimeSpan -Seconds 1800)");
    assertThat(plan.step(id("p.contoso.com/UD1/fe1-p.contoso.com/check-fabric-state")).orElseThrow().description())
        .contains("Get-CsPoolFabricState -PoolFqdn p.contoso.com",
            "stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery");
  }

  @Test
  void cr3_theRegistrarResetIsPlannedOnlyOnAnExplicitOptionAndTheDrainIsBounded() {
    PlanOptions options = PlanOptions.builder().resetRegistrarStateOnMissingReplicas(true)
        .drainingTimeout(Duration.ofMinutes(10)).build();
    UpgradePlan plan = Planner.create(options).plan(topology(pool("p.contoso.com", SKYPE_2019, 1, 1)));

    CheckFabricState gate = (CheckFabricState) plan.step(id("p.contoso.com/UD1/fe1-p.contoso.com/check-fabric-state"))
        .orElseThrow();
    assertThat(gate.resetOnMissingReplicas()).isTrue();
    assertThat(gate.description()).contains("run Reset-CsPoolRegistrarState -PoolFqdn p.contoso.com -ResetType"
        + " QuorumLossRecovery (allowed by the plan's options)");
    assertThat(((FailOverServer) plan.step(id("p.contoso.com/UD1/fe1-p.contoso.com/fail-over-server")).orElseThrow())
        .drainingTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThatThrownBy(() -> PlanOptions.builder().drainingTimeout(Duration.ofMinutes(61)))
        .hasMessageContaining("at most 1 hour");
    assertThatThrownBy(() -> PlanOptions.builder().drainingTimeout(Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void aPoolMayBePatchedByDomainOnAnyProductButServerByServerOnlyOnSkypeForBusiness() {
    Topology mixed = topology(pool("a.contoso.com", SKYPE_2015, 2, 2), pool("b.contoso.com", LYNC, 2, 2));

    UpgradePlan byDomain = Planner.create(PlanOptions.builder()
        .frontEndStrategy("a.contoso.com", FrontEndStrategy.BY_UPGRADE_DOMAIN).build()).plan(mixed);
    assertThat(ids(byDomain, "a.contoso.com")).contains("a.contoso.com/UD1/check-pool-readiness",
        "a.contoso.com/UD2/settle").noneMatch(step -> step.endsWith("fail-over-server"));

    assertThatThrownBy(() -> Planner.create(PlanOptions.builder()
        .frontEndStrategy(FrontEndStrategy.SERVER_BY_SERVER).build()).plan(mixed))
        .isInstanceOfSatisfying(PlanRefusedException.class, refused -> assertThat(refused.problems())
            .singleElement().satisfies(problem -> {
              assertThat(problem.pool()).isEqualTo(Fqdn.of("b.contoso.com"));
              assertThat(problem.rule()).isEqualTo(ProcedureRule.CR_3A);
              assertThat(problem.message()).contains("Lync Server 2013 has no Invoke-CsComputerFailOver");
            }));
  }

  @Test
  void cr4_aSkypeForBusiness2019PoolIsCheckedWithGetCsUpgradeDomainInfo() {
    UpgradePlan plan = Planner.create(PlanOptions.builder().frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN)
        .build()).plan(topology(pool("p.contoso.com", SKYPE_2019, 2, 2), pool("q.contoso.com", LYNC, 2, 2)));

    assertThat(plan.step(id("p.contoso.com/UD1/check-pool-readiness")).orElseThrow().description())
        .startsWith("Run Get-CsUpgradeDomainInfo on ");
    assertThat(plan.step(id("p.contoso.com/UD2/settle")).orElseThrow().description())
        .contains("Get-CsUpgradeDomainInfo must report Ready for 20 min");
    assertThat(plan.step(id("q.contoso.com/UD1/check-pool-readiness")).orElseThrow().description())
        .startsWith("Run Get-CsPoolUpgradeReadinessState on ");
  }

  @Test
  void cr1_aDomainWhoseStopWouldLoseQuorumIsRefusedNamingEveryPoolAndDomain() {
    // 3 Front Ends need any 2: a domain of 2 leaves 1. 9 need any 4 of the first 7: UD1 holds 4 of the first 7, and
    // although 5 would still run, only 3 of them are among the first 7. 12 need any 5 of the first 9: UD2 holds 5.
    Topology unsafe = topology(pool("three.contoso.com", LYNC, 2, 1), pool("nine.contoso.com", LYNC, 4, 5),
        pool("twelve.contoso.com", LYNC, 4, 5, 3), pool("safe.contoso.com", LYNC, 2, 2));

    assertThatThrownBy(() -> plan(unsafe)).isInstanceOfSatisfying(PlanRefusedException.class, refused -> {
      assertThat(refused.problems()).extracting(problem -> problem.pool().toString()).containsExactly(
          "three.contoso.com", "nine.contoso.com", "twelve.contoso.com");
      assertThat(refused.problems()).allMatch(problem -> problem.rule() == ProcedureRule.CR_1);
      assertThat(refused.problems().get(0).message()).contains("upgrade domain UD1 (2 of 3 Front Ends) would leave 1"
          + " of the first 3 running, and the pool needs any 2 of the first 3");
      assertThat(refused.problems().get(1).message()).contains("upgrade domain UD1 (4 of 9 Front Ends) would leave 3"
          + " of the first 7 running, and the pool needs any 4 of the first 7");
      assertThat(refused.problems().get(2).message()).contains("upgrade domain UD2 (5 of 12 Front Ends) would leave"
          + " 4 of the first 9 running, and the pool needs any 5 of the first 9");
      assertThat(refused.getMessage()).startsWith("the plan was refused (3 problems):");
    });
  }

  @Test
  void cr1_skypeForBusiness2019PoolsOfThirteenToSixteenNeedAnySevenOfTheFirstTwelve() {
    Planner byDomain = Planner.create(PlanOptions.builder().frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN)
        .build());
    assertThat(byDomain.plan(topology(pool("ok.contoso.com", SKYPE_2019, 4, 4, 4, 4))).size()).isPositive();

    assertThatThrownBy(() -> byDomain.plan(topology(pool("big.contoso.com", SKYPE_2019, 6, 4, 3))))
        .isInstanceOfSatisfying(PlanRefusedException.class, refused -> assertThat(refused.problems())
            .singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("upgrade domain UD1 (6 of 13 Front Ends) would leave 6 of the first 12 running, and the"
                    + " pool needs any 7 of the first 12", "or patch server by server")));
  }

  @Test
  void cr1_serverByServerKeepsQuorumWhereTheDomainsWouldNot() {
    Topology oneDomain = topology(pool("p.contoso.com", SKYPE_2015, 3));

    assertThatThrownBy(() -> Planner.create(PlanOptions.builder().frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN)
        .build()).plan(oneDomain)).isInstanceOf(PlanRefusedException.class);
    assertThat(plan(oneDomain).steps()).filteredOn(step -> step.kind() == StepKind.FAIL_OVER_SERVER).hasSize(3);
  }

  @Test
  void cr5_aMirroredStoreIsRefusedWithTheOperatorsOptionsUnlessConfirmed() {
    Topology mirrored = topology(pool("p.contoso.com", LYNC, 2, 2).mirroredTo("sql-mirror.contoso.com"));

    assertThatThrownBy(() -> plan(mirrored)).isInstanceOfSatisfying(PlanRefusedException.class,
        refused -> assertThat(refused.problems()).singleElement().satisfies(problem -> {
          assertThat(problem.rule()).isEqualTo(ProcedureRule.CR_5);
          assertThat(problem.message()).contains("is mirrored", "cannot be used against mirrored databases",
              "remove the mirror", "by hand", "confirmMirroredDatabaseUpdate(true)");
        }));

    UpgradePlan confirmed = Planner.create(PlanOptions.builder().confirmMirroredDatabaseUpdate(true).build())
        .plan(mirrored);
    assertThat(confirmed.databaseUpdates()).singleElement()
        .satisfies(update -> assertThat(update.sqlServer()).isEqualTo(Fqdn.of("sql-p.contoso.com")));
    assertThat(confirmed.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.rule()).isEqualTo(ProcedureRule.CR_5);
      assertThat(warning.message()).contains("on the operator's confirmation");
    });
    assertThat(PlanRenderer.text().render(confirmed)).contains("WARNING CR-5: p.contoso.com Install-CsDatabase");
  }

  @Test
  void cr6_cr7_anAlwaysOnStoreIsUpdatedAndCheckedThroughItsListenerThenTheTopologyIsPublished() {
    UpgradePlan plan = plan(topology(pool("p.contoso.com", LYNC, 2, 2).alwaysOnListener("ag.contoso.com")));

    assertThat(ids(plan, "p.contoso.com")).endsWith(
        "p.contoso.com/back-end/sql-p.contoso.com/update-databases",
        "p.contoso.com/back-end/sql-p.contoso.com/verify-databases",
        "p.contoso.com/back-end/sql-p.contoso.com/publish-topology");
    assertThat(plan.databaseUpdates()).singleElement().satisfies(update -> assertThat(update.command())
        .isEqualTo("Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn ag.contoso.com"));
    assertThat(((VerifyDatabases) plan.step(id("p.contoso.com/back-end/sql-p.contoso.com/verify-databases"))
        .orElseThrow()).command()).isEqualTo("Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn ag.contoso.com");
    assertThat(plan.steps()).filteredOn(step -> step.kind() == StepKind.INSTALL_UPDATE
        && ((ServerStep) step).scope().isBackEnd()).singleElement()
        .satisfies(install -> assertThat(install.target()).isEqualTo(Fqdn.of("sql-p.contoso.com")));
  }

  @Test
  void cr7_everyDatabaseUpdateIsFollowedByTestCsDatabase() {
    UpgradePlan plan = PlanFixtures.plan(PlanOptions.ofDefaults());

    for (UpdateDatabases update : plan.databaseUpdates()) {
      Step next = plan.steps().get(plan.positionOf(update.id()) + 1);
      assertThat(next).isInstanceOfSatisfying(VerifyDatabases.class, verify -> {
        assertThat(verify.sqlServer()).isEqualTo(update.sqlServer());
        assertThat(plan.prerequisites(verify.id())).containsExactly(update.id());
      });
    }
  }

  @Test
  void cr9_thePoolThatHostsTheCentralManagementStoreIsFlaggedAndMovesTheStoreBeforeFailingOver() {
    Topology topology = Topology.builder().centralManagementStore("pool01.contoso.com")
        .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
            .upgradeDomain("UD2", "fe02.contoso.com").backEnd("sql01.contoso.com").sqlInstance("RTC")
            .partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("sql02.contoso.com").sqlInstance("RTC").partnerPool("pool01.contoso.com"))
        .build();

    UpgradePlan plan = plan(topology);

    assertThat(ids(plan, "pool01.contoso.com")).filteredOn(step -> !step.endsWith("stage-update"))
        .startsWith("pool01.contoso.com/fail-over-central-management-store", "pool01.contoso.com/fail-over");
    assertThat(plan.prerequisites(id("pool01.contoso.com/fail-over")))
        .containsExactly(id("pool01.contoso.com/fail-over-central-management-store"));
    FailOverCentralManagementStore store = (FailOverCentralManagementStore) plan.step(
        id("pool01.contoso.com/fail-over-central-management-store")).orElseThrow();
    assertThat(store.isContingent()).isTrue();
    assertThat(store.backupStore()).isEqualTo("sql02.contoso.com\\RTC");
    assertThat(store.runOn()).as("the cmdlet runs on a server of the pool that takes the store")
        .isEqualTo(Fqdn.of("fe11.contoso.com"));
    assertThat(store.mode()).isEqualTo(PoolFailoverMode.PLANNED);
    assertThat(store.description()).contains("(Invoke-CsManagementServerFailover, on fe11.contoso.com)");
    assertThat(plan.step(id("pool02.contoso.com/fail-over-central-management-store"))).isEmpty();
    assertThat(plan.warnings()).filteredOn(warning -> warning.rule() == ProcedureRule.CR_9).singleElement()
        .satisfies(warning -> {
      assertThat(warning.pool()).isEqualTo(Fqdn.of("pool01.contoso.com"));
      assertThat(warning.message()).contains("hosts the Central Management Store", "limited functionality after about"
          + " 20 minutes", "moves the store to pool02.contoso.com first");
    });
    assertThat(PlanRenderer.text().render(plan)).contains("disaster-recovery partner pool02.contoso.com, hosts the"
        + " Central Management Store");
  }

  @Test
  void cr8_anUpdateForAnotherProductIsRefused() {
    PlanOptions lyncUpdate = PlanOptions.builder().updatePackage(UpdatePackage.of("C:\\cu\\installer.exe",
        "5.0.8308.1001")).build();

    assertThatThrownBy(() -> Planner.create(lyncUpdate).plan(topology(pool("p.contoso.com", SKYPE_2015, 2, 2))))
        .isInstanceOfSatisfying(PlanRefusedException.class, refused -> assertThat(refused.problems())
            .singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("the update brings build 5.0.8308.1001 (Lync Server 2013), but the pool runs Skype for"
                    + " Business Server 2015")));
  }

  @Test
  void cr2_theSettleWaitIsAStepBetweenDomainsThatCanBeTunedOrTurnedOff() {
    SettlePolicy patient = new SettlePolicy(Duration.ofMinutes(30), Duration.ofMinutes(2), Duration.ofHours(3));
    UpgradePlan plan = Planner.create(PlanOptions.builder().settlePolicy(patient).build())
        .plan(topology(pool("p.contoso.com", LYNC, 1, 1, 1)));

    List<SettlePool> settles = plan.steps().stream().filter(SettlePool.class::isInstance).map(SettlePool.class::cast)
        .toList();
    assertThat(settles).extracting(SettlePool::completedDomain, SettlePool::nextDomain)
        .containsExactly(tuple("UD1", "UD2"), tuple("UD2", "UD3"));
    assertThat(settles).allSatisfy(settle -> {
      assertThat(settle.rule()).isEqualTo(ProcedureRule.CR_2);
      assertThat(settle.policy()).isEqualTo(patient);
      assertThat(settle.readiness()).isEqualTo(ReadinessPolicy.ofDefaults());
      assertThat(settle.description()).contains("Ready for 30 min in a row", "Not Ready restarts the wait",
          "routing-group primaries and secondaries", "Busy: wait 10 min (FE-1a)",
          "3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem (FE-1b)");
    });
    // a Busy answer while the pool rebalances and its FE-1a wait, a Ready answer, the settle time, and the
    // routing groups at both ends: 0.5 + 10 + 0.5 + 30 + 2 x 0.5
    assertThat(plan.options().stepDurations().expected(settles.get(0))).isEqualTo(Duration.ofMinutes(42));
    assertThatThrownBy(() -> new SettlePolicy(Duration.ofHours(25), Duration.ofMinutes(5), Duration.ofHours(2)))
        .hasMessageContaining("settleTime must be between 0 and 24 hours");
    assertThatThrownBy(() -> new SettlePolicy(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofDays(2)))
        .hasMessageContaining("giveUpAfter must be between 0 and 24 hours");
    assertThat(SettlePolicy.ofDefaults().withSettleTime(Duration.ofMinutes(150)))
        .isEqualTo(new SettlePolicy(Duration.ofMinutes(150), Duration.ofMinutes(5), Duration.ofHours(2)));
    assertThat(SettlePolicy.ofDefaults().withSettleTime(Duration.ZERO)).isEqualTo(SettlePolicy.off());
  }
}
