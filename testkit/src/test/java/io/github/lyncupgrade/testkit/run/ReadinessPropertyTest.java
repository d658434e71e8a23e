package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.run.ReadinessObservation;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * FE-1 before any upgrade domain (FE-3), whatever the topology: Busy or InsufficientActiveFrontEnds
 * held for a random domain of a random pool is found and escalated exactly as before the first
 * domain (FE-1b, then FE-1c for a paired pool with failover on), whether the settle wait (CR-2) or
 * the readiness check asks; and every settle time the plan allows completes on a pool that is Ready.
 */
@Tag("reliability")
class ReadinessPropertyTest {

  /** A pool problem, or not, held for one domain of one pool. */
  private record Case(Topology topology, Fqdn pool, String domain, boolean insufficient, int busyChecks,
      boolean failover, boolean settle) {
    boolean isProblem() {
      return insufficient || busyChecks >= 3;
    }

    boolean failsOver() {
      return failover && topology.pool(pool).orElseThrow().partnerPool().isPresent();
    }

    Fault fault() {
      return Fault.beforeDomain(pool.toString(), domain, insufficient
          ? Fault.insufficientActiveFrontEnds(pool.toString(), 1) : Fault.busy(pool.toString(), busyChecks));
    }
  }

  private static Gen<Case> cases() {
    Gen<Topology> topologies = LyncGens.topologies();
    return in -> {
      Topology topology = topologies.generate(in);
      List<EnterprisePool> enterprise = topology.pools().stream().filter(EnterprisePool.class::isInstance)
          .map(EnterprisePool.class::cast).toList();
      while (enterprise.isEmpty()) {
        topology = topologies.generate(in);
        enterprise = topology.pools().stream().filter(EnterprisePool.class::isInstance)
            .map(EnterprisePool.class::cast).toList();
      }
      EnterprisePool pool = enterprise.get(Generate.range(0, enterprise.size() - 1).generate(in));
      List<UpgradeDomain> domains = pool.upgradeDomains();
      String domain = domains.get(Generate.range(0, domains.size() - 1).generate(in)).name();
      return new Case(topology, pool.fqdn(), domain, Generate.booleans().generate(in),
          Generate.range(1, 4).generate(in), !Generate.booleans().generate(in), !Generate.booleans().generate(in));
    };
  }

  private static UpgradePlan plan(Topology topology, boolean failover, SettlePolicy settle) {
    return Planner.create(Scenarios.options().frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN)
        .failoverOnPoolProblem(failover).settlePolicy(settle).confirmMirroredDatabaseUpdate(true).build())
        .plan(topology);
  }

  @Test
  void fe1bAndFe1cHoldBeforeEveryDomainAsBeforeTheFirst() {
    AtomicInteger cases = new AtomicInteger();
    AtomicInteger problems = new AtomicInteger();
    AtomicInteger failedOver = new AtomicInteger();
    AtomicInteger laterDomains = new AtomicInteger();
    Theories.qt(300).forAll(cases()).checkAssert(testCase -> {
      FakeDeployment fake = FakeDeployment.builder(testCase.topology()).faults(testCase.fault()).build();
      UpgradePlan plan = plan(testCase.topology(), testCase.failover(),
          testCase.settle() ? SettlePolicy.ofDefaults() : SettlePolicy.off());
      Scenarios.Events events = new Scenarios.Events();

      RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(plan);

      cases.incrementAndGet();
      EnterprisePool pool = (EnterprisePool) testCase.topology().pool(testCase.pool()).orElseThrow();
      laterDomains.addAndGet(pool.upgradeDomains().get(0).name().equals(testCase.domain()) ? 0 : 1);
      assertThat(fake).upgradedOneDomainAtATime().neverStoppedADomainThatWasNotReady().neverLostQuorum();
      List<RunEvent.PoolProblemFound> found = events.of(RunEvent.PoolProblemFound.class);
      if (!testCase.isProblem()) {
        assertThat(found).as("Busy %d times is waited out (FE-1a)", testCase.busyChecks()).isEmpty();
        assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
        assertThat(fake).upgradedEveryServerExactlyOnce();
        return;
      }
      problems.incrementAndGet();
      Instant firstStop = fake.history().events(FakeEvent.ServicesStopped.class).stream()
          .filter(stop -> stop.pool().equals(testCase.pool()) && stop.upgradeDomain().equals(testCase.domain()))
          .map(FakeEvent::at).min(Instant::compareTo).orElse(Instant.MAX);
      assertThat(found).singleElement().satisfies(problem -> {
        assertThat(problem.pool()).isEqualTo(testCase.pool());
        assertThat(problem.rule()).isEqualTo(ProcedureRule.FE_1B);
        assertThat(problem.evidence()).extracting(ReadinessObservation::state).containsExactlyElementsOf(
            testCase.insufficient() ? List.of(PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS)
                : List.of(PoolUpgradeState.BUSY, PoolUpgradeState.BUSY, PoolUpgradeState.BUSY));
        assertThat(problem.failingOver()).isEqualTo(testCase.failsOver());
        assertThat(problem.at()).as("found before %s went down", testCase.domain()).isBefore(firstStop);
      });
      if (testCase.failsOver()) {
        failedOver.incrementAndGet();
        List<FakeEvent> history = fake.history().events();
        int failoverAt = Scenarios.indexOf(history, event -> event instanceof FakeEvent.PoolFailedOver failover
            && failover.pool().equals(testCase.pool()));
        int stopAt = Scenarios.indexOf(history, event -> event instanceof FakeEvent.ServicesStopped stop
            && stop.pool().equals(testCase.pool()) && stop.upgradeDomain().equals(testCase.domain()));
        assertThat(failoverAt).as("failed over before %s went down", testCase.domain()).isNotNegative()
            .isLessThan(stopAt);
        assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
        assertThat(fake).upgradedEveryServerExactlyOnce().hasNoPoolLeftFailedOver();
      } else {
        assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.PoolProblem.class, problem -> {
          assertThat(problem.pool()).isEqualTo(testCase.pool());
          assertThat(problem.rule()).isEqualTo(ProcedureRule.FE_1B);
        });
        assertThat(firstStop).as("nothing of %s was stopped", testCase.domain()).isEqualTo(Instant.MAX);
      }
    });
    System.out.printf("RELIABILITY readiness before every domain: %d cases (%d pool problems, %d failed over, %d"
        + " before a later domain than the first), 0 failures, seed %d%n", cases.get(), problems.get(),
        failedOver.get(), laterDomains.get(), Long.getLong("lyncupgrade.seed", Theories.DEFAULT_SEED));
    assertThat(laterDomains.get()).as("most cases are about a later domain").isGreaterThan(cases.get() / 3);
  }

  @Test
  void everySettleTimeThePlanAllowsCompletesOnAReadyPool() {
    AtomicInteger cases = new AtomicInteger();
    long maxMinutes = SettlePolicy.MAX_SETTLE_TIME.toMinutes();
    Gen<Long> minutes = Generate.longRange(1, maxMinutes).mix(Generate.pick(List.of(1L, 110L, 111L, 150L, maxMinutes)));
    Theories.qt(60).forAll(LyncGens.topologies().withPools(1, 2), minutes).checkAssert((topology, settleMinutes) -> {
      FakeDeployment fake = FakeDeployment.of(topology);
      UpgradePlan plan = plan(topology, true, SettlePolicy.ofDefaults().withSettleTime(Duration.ofMinutes(settleMinutes)));
      Scenarios.Events events = new Scenarios.Events();

      RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build().run(plan);

      cases.incrementAndGet();
      assertThat(report.outcome().isCompleted()).as("--settle-minutes %d: %s", settleMinutes,
          report.outcome().describe()).isTrue();
      assertThat(events.of(RunEvent.StepSucceeded.class)).filteredOn(done -> done.step().kind() == StepKind.SETTLE_POOL)
          .allSatisfy(done -> assertThat(done.detail())
              .startsWith("Ready for " + settleMinutes + (settleMinutes == 1 ? " minute" : " minutes")));
    });
    System.out.printf("RELIABILITY settle times up to %d minutes: %d cases, 0 failures, seed %d%n", maxMinutes,
        cases.get(), Long.getLong("lyncupgrade.seed", Theories.DEFAULT_SEED));
  }
}
