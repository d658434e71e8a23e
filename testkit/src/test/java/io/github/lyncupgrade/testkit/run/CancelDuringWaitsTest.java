package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.Operation;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A cancel that arrives while the run waits on a pool (FE-1a's 10 minutes after a Busy answer, or
 * CR-2's settle polls) ends the wait at once: the domain it guards is not entered, no server is
 * left stopped, and a resume begins that domain with its gate again. {@code cancel()} stops at a
 * safe point, {@code cancelNow()} before the next step; the outcome says which.
 */
class CancelDuringWaitsTest {
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");

  private final Scenarios.Events events = new Scenarios.Events();

  /** Runs the contoso sample and cancels, with {@code cancel}, at the first wait {@code atWait} accepts. */
  private RunReport cancelAtWait(FakeDeployment fake, UpgradePlan plan, Journal journal,
      Predicate<RunEvent.Waiting> atWait, BiConsumer<Executor, RunEvent.Waiting> cancel) {
    Executor[] executor = new Executor[1];
    executor[0] = Scenarios.executor(fake, events, journal).listener(event -> {
      if (event instanceof RunEvent.Waiting waiting && atWait.test(waiting)
          && events.of(RunEvent.Waiting.class).stream().filter(atWait).count() == 1) {
        cancel.accept(executor[0], waiting);
      }
    }).build();
    return executor[0].run(plan);
  }

  private int stopsIn(FakeDeployment fake, List<String> servers) {
    return servers.stream().mapToInt(server -> fake.history().calls(Operation.STOP_SERVICES, server).size()).sum();
  }

  @Test
  void fe1a_aCancelDuringTheTenMinuteWaitAfterBusyEndsTheWaitAndEntersNoDomain() {
    for (boolean now : new boolean[] {false, true}) {
      events.all.clear();
      FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso()).faults(Fault.busy(POOL01, 2)).build();
      UpgradePlan plan = Scenarios.plan(fake.topology());
      Journal journal = Journal.inMemory();

      RunReport cancelled = cancelAtWait(fake, plan, journal, waiting -> waiting.rule() == ProcedureRule.FE_1A,
          (executor, waiting) -> {
            if (now) {
              executor.cancelNow();
            } else {
              executor.cancel();
            }
          });

      assertThat(cancelled.outcome()).as("cancelNow %s", now).isInstanceOfSatisfying(RunOutcome.Cancelled.class,
          outcome -> assertThat(outcome.atSafePoint()).as("cancel() stops at a safe point, cancelNow() sooner")
              .isEqualTo(!now));
      assertThat(fake.history().calls(Operation.POOL_UPGRADE_READINESS)).as("one Busy answer, then the cancel")
          .hasSize(1);
      assertThat(stopsIn(fake, List.of("fe01.contoso.com", "fe02.contoso.com"))).as("UpgradeDomain1 not entered").isZero();
      assertThat(fake).hasEveryServerRunning();

      RunReport resumed = Scenarios.executor(fake, events, journal).build().resume(plan);

      assertThat(resumed.outcome().isCompleted()).as(resumed.outcome().describe()).isTrue();
      assertThat(fake.history().calls(Operation.POOL_UPGRADE_READINESS).size()).as("the gate asked again on resume")
          .isGreaterThan(2);
      assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
    }
  }

  @Test
  void cr2_aCancelDuringTheSettleWaitBeforeTheSecondDomainEndsItAndLeavesThatDomainUntouched() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = Journal.inMemory();

    RunReport cancelled = cancelAtWait(fake, plan, journal,
        waiting -> waiting.rule() == ProcedureRule.CR_2 && waiting.pool().equals(POOL01),
        (executor, waiting) -> executor.cancel());

    assertThat(cancelled.outcome()).isInstanceOfSatisfying(RunOutcome.Cancelled.class,
        outcome -> assertThat(outcome.atSafePoint()).isTrue());
    assertThat(events.of(RunEvent.Waiting.class))
        .filteredOn(waiting -> waiting.pool().equals(POOL01) && waiting.rule() == ProcedureRule.CR_2)
        .as("the wait ends at the cancel: no poll after it").hasSize(1);
    assertThat(fake.history().timesUpdated("fe01.contoso.com")).as("UpgradeDomain1 was done").isOne();
    assertThat(stopsIn(fake, List.of("fe03.contoso.com", "fe04.contoso.com", "fe05.contoso.com", "fe06.contoso.com")))
        .as("the domains after the settle wait are not entered").isZero();
    assertThat(fake).hasEveryServerRunning();

    RunReport resumed = Scenarios.executor(fake, events, journal).build().resume(plan);

    assertThat(resumed.outcome().isCompleted()).as(resumed.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
  }
}
