package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanEstimate;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.History;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * SDK-4 over random fleets and random limits, seen from both sides: the plan's estimated
 * schedule and the fake deployment's own history of a real (virtual-time) run never run both
 * pools of a disaster-recovery pair at once, never exceed the pool limit, and never break a
 * pool's own order (one domain at a time, each only when ready).
 */
class FleetSchedulePropertyTest {

  private record Fleet(Topology topology, Concurrency limits) {}

  private static Gen<Fleet> fleets() {
    Gen<Topology> topologies = LyncGens.topologies().withPools(2, 8);
    Gen<Concurrency> limits = LyncGens.concurrency();
    return in -> new Fleet(topologies.generate(in), limits.generate(in));
  }

  private static UpgradePlan plan(Fleet fleet) {
    return Planner.create(Scenarios.options().concurrency(fleet.limits()).build()).plan(fleet.topology());
  }

  @Test
  void sdk4_theEstimatedScheduleKeepsPairsApartAndTheLimit() {
    Theories.qt(300).forAll(fleets()).checkAssert(fleet -> {
      PlanEstimate estimate = plan(fleet).estimate();
      List<PlanEstimate.PoolWindow> windows = estimate.pools();

      for (PlanEstimate.PoolWindow window : windows) {
        Pool pool = fleet.topology().pool(window.pool()).orElseThrow();
        pool.partnerPool().flatMap(estimate::pool).ifPresent(partner ->
            assertThat(overlap(window.window(), partner.window())).as("%s and its partner %s", pool.fqdn(),
                partner.pool()).isFalse());
        Duration start = window.window().start();
        long atOnce = windows.stream().filter(other -> other.window().start().compareTo(start) <= 0
            && start.compareTo(other.window().end()) < 0).count();
        assertThat(atOnce).as("pools running when %s starts", pool.fqdn()).isLessThanOrEqualTo(fleet.limits().pools());
        PlanEstimate.Window previous = null;
        for (PlanEstimate.Window group : window.groups().values()) {
          assertThat(previous == null || group.start().compareTo(previous.end()) >= 0)
              .as("%s: one domain at a time, the Back End after them", pool.fqdn()).isTrue();
          previous = group;
        }
      }
      assertThat(estimate.makespan()).isGreaterThanOrEqualTo(estimate.lowerBound());
    });
  }

  @Test
  void sdk4_aRunKeepsPairsApartTheLimitAndEachPoolsOrder() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger concurrent = new AtomicInteger();
    Theories.qt(150).forAll(fleets()).checkAssert(fleet -> {
      FakeDeployment fake = FakeDeployment.of(fleet.topology());
      UpgradePlan plan = plan(fleet);

      RunReport report = Scenarios.executor(fake, new Scenarios.Events(), Journal.inMemory()).build().run(plan);

      assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
      assertThat(fake).neverDisruptedBothPoolsOfAPair()
          .neverDisruptedMorePoolsAtOnceThan(fleet.limits().pools())
          .upgradedOneDomainAtATime()
          .neverStoppedADomainThatWasNotReady()
          .neverLostQuorum()
          .upgradedEveryServerExactlyOnce();
      runs.incrementAndGet();
      concurrent.addAndGet(fake.history().maxPoolsDisruptedAtOnce() > 1 ? 1 : 0);
    });
    System.out.printf("fleet property: %d runs, %d with several pools disrupted at once%n", runs.get(),
        concurrent.get());
    assertThat(concurrent.get()).as("the property must exercise pools at once").isPositive();
  }

  @Test
  void sdk4_theSampleWithTwoPoolsAtOnceRunsTheStandardEditionServerBesidePool01AndPool02After() {
    Topology contoso = SampleTopologies.contoso();
    FakeDeployment fake = FakeDeployment.of(contoso);
    UpgradePlan plan = Planner.create(Scenarios.options().concurrency(Concurrency.pools(2)).build()).plan(contoso);

    RunReport report = Scenarios.executor(fake, new Scenarios.Events(), Journal.inMemory()).build().run(plan);

    assertThat(report.outcome().isCompleted()).isTrue();
    List<History.Disruption> disruptions = fake.history().disruptions();
    History.Disruption pool01 = only(disruptions, "pool01.contoso.com");
    History.Disruption pool02 = only(disruptions, "pool02.contoso.com");
    History.Disruption se01 = only(disruptions, "se01.contoso.com");
    assertThat(se01.from()).isBefore(pool01.to());
    assertThat(pool02.from()).isAfterOrEqualTo(pool01.to());
    double estimatedOverSimulated = (double) plan.estimate().makespan().toSeconds() / report.duration().toSeconds();
    assertThat(estimatedOverSimulated).as("the default durations match the fake's within 5%").isBetween(0.95, 1.05);
  }

  private static History.Disruption only(List<History.Disruption> disruptions, String pool) {
    return disruptions.stream().filter(disruption -> disruption.pool().equals(Fqdn.of(pool)))
        .reduce((first, second) -> new History.Disruption(first.pool(), first.from(), second.to())).orElseThrow();
  }

  /** Half-open windows: one ending when the other starts does not overlap it. */
  private static boolean overlap(PlanEstimate.Window a, PlanEstimate.Window b) {
    return a.start().compareTo(b.end()) < 0 && b.start().compareTo(a.end()) < 0;
  }
}
