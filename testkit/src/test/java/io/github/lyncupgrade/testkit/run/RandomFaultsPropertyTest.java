package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The fake and the executor together over random topologies, random concurrency limits and random fault schedules: whatever
 * faults strike, the run ends with a typed outcome and the deployment's history keeps the
 * procedure's safety rules; a run that completes has updated every server exactly once.
 */
@Tag("reliability")
class RandomFaultsPropertyTest {

  private record Case(Topology topology, FaultSchedule faults, Concurrency limits) {}

  private static Gen<Case> cases() {
    Gen<Topology> topologies = LyncGens.topologies();
    Gen<Concurrency> limits = LyncGens.concurrency();
    return in -> {
      Topology topology = topologies.generate(in);
      return new Case(topology, LyncGens.faultSchedules(topology, 200).generate(in), limits.generate(in));
    };
  }

  @Test
  void anyFaultsEndInATypedOutcomeAndNeverBreakTheSafetyRules() {
    AtomicInteger cases = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger crashed = new AtomicInteger();
    Duration[] virtual = {Duration.ZERO};
    long started = System.nanoTime();
    Theories.qt(400).forAll(cases()).checkAssert(testCase -> {
      FakeDeployment fake = FakeDeployment.builder(testCase.topology()).faults(testCase.faults()).build();
      UpgradePlan plan = Planner.create(Scenarios.options().concurrency(testCase.limits()).build())
          .plan(testCase.topology());
      Journal journal = Journal.inMemory();
      RunReport report = null;
      int crashes = 0;
      while (report == null) {
        try {
          report = crashes == 0
              ? Scenarios.executor(fake, new Scenarios.Events(), journal).build().run(plan)
              : Scenarios.executor(fake, new Scenarios.Events(), journal).build().resume(plan);
        } catch (SimulatedCrash crash) {
          crashes++;
          assertThat(crashes).as("a schedule holds at most three faults").isLessThanOrEqualTo(3);
        }
      }
      crashed.addAndGet(crashes);
      cases.incrementAndGet();
      virtual[0] = virtual[0].plus(fake.clock().elapsed());

      assertThat(report.outcome()).isNotNull();
      assertThat(fake).upgradedOneDomainAtATime().neverStoppedADomainThatWasNotReady().neverLostQuorum()
          .neverDisruptedBothPoolsOfAPair().neverDisruptedMorePoolsAtOnceThan(testCase.limits().pools());
      assertThat(fake.history().updateCounts().values()).allMatch(times -> times == 1);
      if (report.outcome().isCompleted()) {
        completed.incrementAndGet();
        assertThat(fake).upgradedEveryServerExactlyOnce().hasEveryServerRunning().hasNoPoolLeftFailedOver();
      } else {
        assertThat(report.outcome().describe()).isNotBlank();
        assertThat(report.progress().isComplete()).isFalse();
      }
      for (Pool pool : testCase.topology().pools()) {
        List<DatabaseUpdateVariant> updates = fake.history().databaseUpdates(pool.fqdn());
        assertThat(updates).allMatch(variant -> variant == DatabaseUpdateVariant.forPool(pool));
        assertThat(updates.size()).isLessThanOrEqualTo(1 + crashes);
        assertThat(fake.history().usersWentIntoResiliencyMode(pool.fqdn())).isFalse();
      }
    });
    System.out.printf("RELIABILITY random faults: %d cases (%d completed, %d crashes resumed), 0 failures, %s of"
            + " virtual time (%d ms)%n", cases.get(), completed.get(), crashed.get(), virtual[0],
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(cases.get()).as("QuickTheories runs distinct examples only").isGreaterThan(300);
  }
}
