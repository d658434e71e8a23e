package io.github.lyncupgrade.core.plan;

import static io.github.lyncupgrade.core.plan.PlanFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StepScope;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimate: the night in expected time, worked out by hand for a small pool. */
class PlanEstimateTest {
  /** Two domains of one Front End each, the Back End's databases only: every figure below follows. */
  private static final Topology SMALL = Topology.builder()
      .pool(Pool.enterprise("pool09.contoso.com")
          .upgradeDomain("UD1", "fe91.contoso.com")
          .upgradeDomain("UD2", "fe92.contoso.com")
          .backEnd("sql09.contoso.com"))
      .build();

  private static Duration minutes(double minutes) {
    return Duration.ofSeconds(Math.round(minutes * 60));
  }

  @Test
  void theSmallPoolsNightAddsUpStepByStep() {
    UpgradePlan plan = Planner.create(PlanOptions.builder().backEndServerProcedure(false).build()).plan(SMALL);

    PlanEstimate estimate = plan.estimate();

    // staging 5 (both at once); UD1: checks 0.5 + 0.5, stop 5, install 15, restart 15, verify 0.5 = 36.5;
    // UD2: the settle wait (CR-2 on top of FE-1: a Busy answer 0.5 while the pool rebalances, its 10-minute
    // wait (FE-1a), a Ready answer 0.5, Get-CsPoolFabricState 0.5, 20 minutes Ready, Get-CsPoolFabricState
    // 0.5) 32, then the pool check 0.5 (Ready: the pool settled), domain check 0.5, then 35.5 = 68.5;
    // Install-CsDatabase 10, Test-CsDatabase 0.5 (CR-7)
    PlanEstimate.PoolWindow pool = estimate.pool(Fqdn.of("pool09.contoso.com")).orElseThrow();
    assertThat(estimate.staging()).hasValue(new PlanEstimate.Window(Duration.ZERO, minutes(5)));
    assertThat(pool.groups()).containsExactly(
        Map.entry("UD1", new PlanEstimate.Window(minutes(5), minutes(41.5))),
        Map.entry("UD2", new PlanEstimate.Window(minutes(41.5), minutes(110))),
        Map.entry(StepScope.BACK_END, new PlanEstimate.Window(minutes(110), minutes(120.5))));
    assertThat(pool.window()).isEqualTo(new PlanEstimate.Window(minutes(5), minutes(120.5)));
    assertThat(estimate.makespan()).isEqualTo(minutes(120.5));
    assertThat(estimate.step(id("pool09.contoso.com/UD2/settle")).length()).isEqualTo(minutes(32));
    assertThat(estimate.step(id("pool09.contoso.com/UD2/check-pool-readiness")).length()).isEqualTo(minutes(0.5));
    assertThat(pool.backEndDown()).as("BE-11 alone never stops w3svc").isEmpty();
    assertThat(estimate.warnings()).isEmpty();
    assertThat(estimate.lowerBound()).isEqualTo(minutes(115.5));
  }

  @Test
  void be0_aBackEndExpectedDownThirtyMinutesOrMoreIsAWarningAtPlanTime() {
    PlanEstimate estimate = PlanFixtures.plan(PlanOptions.ofDefaults()).estimate();

    // BE-4 1 + BE-5 1/3 + BE-7 15 + BE-9 1 + BE-10 1/3 + BE-11c 10 + CR-7 1/2 + SDK-2 start 3 = 31m 10s
    assertThat(estimate.pool(Fqdn.of("se01.contoso.com")).orElseThrow().backEndDowntime())
        .hasValue(Duration.ofMinutes(31).plusSeconds(10));
    assertThat(estimate.pool(Fqdn.of("pool01.contoso.com")).orElseThrow().backEndDowntime())
        .hasValue(Duration.ofMinutes(16).plusSeconds(40));
    assertThat(estimate.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.pool()).isEqualTo(Fqdn.of("se01.contoso.com"));
      assertThat(warning.rule()).isEqualTo(ProcedureRule.BE_0);
      assertThat(warning.message()).contains("31m 10s", "resiliency mode");
    });
    assertThat(estimate.toText()).contains("WARNING BE-0: the Back End of se01.contoso.com");
  }

  @Test
  void severalPoolsAtOnceShortenTheNightButNeverBelowTheBound() {
    PlanEstimate oneAtATime = PlanFixtures.plan(PlanOptions.ofDefaults()).estimate();
    PlanEstimate twoAtOnce = PlanFixtures.plan(PlanOptions.builder().concurrency(Concurrency.pools(2)).build())
        .estimate();

    assertThat(twoAtOnce.makespan()).isLessThan(oneAtATime.makespan())
        .isGreaterThanOrEqualTo(twoAtOnce.lowerBound());
    assertThat(oneAtATime.makespan()).isGreaterThanOrEqualTo(oneAtATime.lowerBound());
  }

  @Test
  void overriddenAndObservedDurationsChangeTheEstimate() {
    UpgradePlan plan = Planner.create(PlanOptions.builder().backEndServerProcedure(false)
        .settlePolicy(SettlePolicy.off())
        .stepDurations(StepDurations.defaults().with(StepKind.RESTART_SERVER, Duration.ofMinutes(25))).build())
        .plan(SMALL);
    // without the settle wait the check after a domain waits out a Busy answer instead (FE-1a): 98.5 minutes,
    // and Test-CsDatabase 0.5 (CR-7)
    assertThat(plan.estimate().makespan()).isEqualTo(minutes(99 + 20));

    Step restart = plan.step(id("pool09.contoso.com/UD1/fe91.contoso.com/restart")).orElseThrow();
    Step otherRestart = plan.step(id("pool09.contoso.com/UD2/fe92.contoso.com/restart")).orElseThrow();
    Step firstCheck = plan.step(id("pool09.contoso.com/UD1/check-pool-readiness")).orElseThrow();
    Step laterCheck = plan.step(id("pool09.contoso.com/UD2/check-pool-readiness")).orElseThrow();
    StepDurations learned = plan.options().stepDurations().withObserved(Map.of(
        restart, Duration.ofMinutes(8), otherRestart, Duration.ofMinutes(12),
        firstCheck, Duration.ofMinutes(1), laterCheck, Duration.ofMinutes(21)));

    assertThat(learned.expected(restart)).as("the median of 8 and 12").isEqualTo(Duration.ofMinutes(10));
    assertThat(learned.expected(firstCheck)).isEqualTo(Duration.ofMinutes(1));
    assertThat(learned.expected(laterCheck)).as("checks after a domain are learned apart")
        .isEqualTo(Duration.ofMinutes(21));
  }
}
