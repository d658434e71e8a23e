package io.github.lyncupgrade.core.plan;

import static io.github.lyncupgrade.core.plan.PlanFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StepScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fleet's admission rules (SDK-4, SDK-5), step by step, on the fixtures' pools. */
class StepSchedulerTest {
  private static UpgradePlan plan(Concurrency limits) {
    return PlanFixtures.plan(PlanOptions.builder().concurrency(limits).build());
  }

  /** Starts every step the scheduler lets start now. */
  private static List<Step> startAll(StepScheduler scheduler) {
    List<Step> started = new ArrayList<>();
    for (Optional<Step> next = scheduler.next(); next.isPresent(); next = scheduler.next()) {
      started.add(next.get());
    }
    return started;
  }

  private static Set<String> poolsOf(List<Step> steps) {
    return steps.stream().filter(step -> !step.runsAhead()).map(step -> step.pool().toString())
        .collect(Collectors.toSet());
  }

  @Test
  void withEveryLimitAtOneStepsComeOneAtATimeInThePlansLinearOrder() {
    UpgradePlan plan = plan(Concurrency.sequential());
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    List<Step> order = new ArrayList<>();

    for (Optional<Step> next = scheduler.next(); next.isPresent(); next = scheduler.next()) {
      order.add(next.get());
      scheduler.done(next.get());
    }

    assertThat(order).isEqualTo(plan.steps());
    assertThat(scheduler.isFinished()).isTrue();
  }

  @Test
  void sdk5_stagingRunsAheadUpToItsLimitAndEachPoolWaitsForItsOwnStaging() {
    UpgradePlan plan = plan(new Concurrency(3, 4, 2));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());

    List<Step> first = startAll(scheduler);

    assertThat(first).hasSize(2).allMatch(Step::runsAhead);
    first.forEach(scheduler::done);
    List<Step> second = startAll(scheduler);
    assertThat(second).filteredOn(Step::runsAhead).hasSize(2);
    assertThat(poolsOf(second)).as("no pool starts before all its servers are staged").isEmpty();
  }

  @Test
  void sdk4_neverMorePoolsThanTheLimitAndNeverBothPoolsOfAPair() {
    UpgradePlan plan = plan(new Concurrency(3, 4, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    startAll(scheduler).forEach(scheduler::done);

    List<Step> started = startAll(scheduler);

    assertThat(poolsOf(started)).as("pool02 waits for its partner pool01 although the limit is 3")
        .containsExactlyInAnyOrder("pool01.contoso.com", "se01.contoso.com");
  }

  @Test
  void sdk4_aPairsPoolsNeverRunTogetherAndTheLimitHoldsToTheEnd() {
    UpgradePlan plan = plan(new Concurrency(2, 4, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    Set<StepId> done = new HashSet<>();
    Set<String> begun = new HashSet<>();
    int rounds = 0;

    while (!scheduler.isFinished()) {
      List<Step> started = startAll(scheduler);
      assertThat(started).as("the scheduler never stalls").isNotEmpty();
      begun.addAll(poolsOf(started));
      Set<String> underWay = begun.stream()
          .filter(pool -> !plan.stepsOf(Fqdn.of(pool)).stream().allMatch(step -> done.contains(step.id())))
          .collect(Collectors.toSet());
      assertThat(underWay).hasSizeLessThanOrEqualTo(2);
      assertThat(underWay.containsAll(Set.of("pool01.contoso.com", "pool02.contoso.com")))
          .as("a disaster-recovery pair under way together: %s", underWay).isFalse();
      started.forEach(step -> {
        scheduler.done(step);
        done.add(step.id());
      });
      rounds++;
    }

    assertThat(begun).hasSize(3);
    assertThat(rounds).isGreaterThan(10);
  }

  @Test
  void sdk4_onePoolAtATimeStartsInThePlansPoolOrderWhicheverPoolsCopiesFinishFirst() {
    UpgradePlan plan = plan(new Concurrency(1, 4, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    List<Step> copies = startAll(scheduler);
    assertThat(copies).allMatch(Step::runsAhead);

    // a live run: the later pools' copies come back first, pool01's last
    copies.stream().filter(step -> !step.pool().equals(Fqdn.of("pool01.contoso.com"))).forEach(scheduler::done);
    assertThat(startAll(scheduler)).as("pool02 and se01 are staged, but pool01 comes first in %s", plan.poolOrder())
        .isEmpty();
    copies.stream().filter(step -> step.pool().equals(Fqdn.of("pool01.contoso.com"))).forEach(scheduler::done);

    assertThat(poolsOf(startAll(scheduler))).containsExactly("pool01.contoso.com");
  }

  @Test
  void sdk4_aPoolHeldBackByItsPartnerLetsTheNextPoolInOrderGoFirst() {
    UpgradePlan plan = plan(new Concurrency(2, 4, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    startAll(scheduler).forEach(scheduler::done);

    List<Step> started = startAll(scheduler);

    assertThat(plan.poolOrder()).extracting(Fqdn::toString).startsWith("pool01.contoso.com");
    assertThat(poolsOf(started)).as("pool02 waits for pool01, its partner; se01 takes the second place")
        .containsExactlyInAnyOrder("pool01.contoso.com", "se01.contoso.com");
  }

  @Test
  void aDomainHasAtMostTheLimitOfServersBetweenStopAndVerify() {
    UpgradePlan plan = plan(new Concurrency(1, 1, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    List<Step> stops = startAll(scheduler);
    while (stops.stream().noneMatch(step -> step.kind() == StepKind.STOP_SERVICES)) {
      stops.forEach(scheduler::done);
      stops = startAll(scheduler);
    }

    assertThat(stops).extracting(step -> step.id().value())
        .containsExactly("pool01.contoso.com/UD1/fe01.contoso.com/stop-services");
    stops.forEach(scheduler::done);
    assertThat(startAll(scheduler)).extracting(step -> step.id().value())
        .containsExactly("pool01.contoso.com/UD1/fe01.contoso.com/install-update");
  }

  @Test
  void aResumedRunGoesOnWithThePoolUnderWayFirst() {
    UpgradePlan plan = plan(Concurrency.sequential());
    Set<StepId> done = new HashSet<>();
    for (Step step : plan.steps()) {
      if (step.runsAhead() || step.id().equals(id("pool02.contoso.com/fail-over"))) {
        done.add(step.id());
      }
    }

    StepScheduler scheduler = StepScheduler.of(plan, done);

    assertThat(scheduler.next()).map(step -> step.id().value())
        .hasValue("pool02.contoso.com/UD1/check-pool-readiness");
    assertThat(scheduler.remaining()).isEqualTo(plan.size() - done.size());
  }

  @Test
  void aStepDoneWithoutStartingReleasesWhatWaitsForIt() {
    UpgradePlan plan = plan(Concurrency.sequential());
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    Step first = scheduler.next().orElseThrow();

    scheduler.done(first);
    for (Step step : plan.steps()) {
      if (step.runsAhead()) {
        scheduler.done(step);
      }
    }
    scheduler.done(first);

    assertThat(scheduler.next()).map(step -> step.id().value()).hasValue("pool01.contoso.com/fail-over");
  }

  private static List<String> ids(List<Step> steps) {
    return steps.stream().map(step -> step.id().value()).toList();
  }

  /** Starts every step {@code next(allowed)} lets start now. */
  private static List<Step> startAllAllowed(StepScheduler scheduler) {
    List<Step> started = new ArrayList<>();
    for (Optional<Step> next = scheduler.next(step -> true); next.isPresent(); next = scheduler.next(step -> true)) {
      started.add(next.get());
    }
    return started;
  }

  @Test
  void sdk4_sdk5_choosingAmongAllowedStepsKeepsEveryLimitOfTheFleet() {
    for (Concurrency limits : List.of(Concurrency.sequential(), new Concurrency(1, 1, 1), new Concurrency(2, 1, 2),
        new Concurrency(3, 4, 16), new Concurrency(2, 2, 3))) {
      UpgradePlan plan = plan(limits);
      StepScheduler free = StepScheduler.of(plan, Set.of());
      StepScheduler allowed = StepScheduler.of(plan, Set.of());
      while (!free.isFinished()) {
        List<Step> started = startAll(free);
        assertThat(new HashSet<>(startAllAllowed(allowed))).as("%s: the same steps may start", limits)
            .isEqualTo(new HashSet<>(started));
        assertThat(started).as("%s: the scheduler never stalls", limits).isNotEmpty();
        started.forEach(free::done);
        started.forEach(allowed::done);
      }
      assertThat(allowed.isFinished()).isTrue();
    }
  }

  @Test
  void afterACancelOnlyTheStepsAllowedStartAndTheOthersStayReady() {
    UpgradePlan plan = plan(new Concurrency(1, 2, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    startAll(scheduler).forEach(scheduler::done);
    List<Step> round;
    do {
      round = startAll(scheduler);
      round.forEach(scheduler::done);
    } while (round.stream().noneMatch(step -> step.kind() == StepKind.CHECK_DOMAIN_READINESS));
    List<Step> stops = startAll(scheduler);
    assertThat(ids(stops)).containsExactly("pool01.contoso.com/UD1/fe01.contoso.com/stop-services",
        "pool01.contoso.com/UD1/fe02.contoso.com/stop-services");
    stops.forEach(scheduler::done);

    assertThat(scheduler.next(step -> step.target().equals(Fqdn.of("fe02.contoso.com"))))
        .map(step -> step.id().value()).hasValue("pool01.contoso.com/UD1/fe02.contoso.com/install-update");
    assertThat(scheduler.next(step -> step.target().equals(Fqdn.of("fe02.contoso.com")))).isEmpty();
    assertThat(scheduler.next(step -> false)).isEmpty();
    assertThat(scheduler.next()).map(step -> step.id().value())
        .hasValue("pool01.contoso.com/UD1/fe01.contoso.com/install-update");
  }

  @Test
  void aResumedServerProcedureStaysOpenSoTheDomainLimitCountsIt() {
    UpgradePlan plan = plan(new Concurrency(1, 1, 16));
    Set<StepId> done = new HashSet<>();
    for (Step step : plan.steps()) {
      done.add(step.id());
      if (step.id().value().equals("pool01.contoso.com/UD1/fe01.contoso.com/stop-services")) {
        break;
      }
    }

    StepScheduler scheduler = StepScheduler.of(plan, done);

    assertThat(ids(startAll(scheduler))).as("fe01 is stopped: it goes on, fe02 waits (one server per domain)")
        .containsExactly("pool01.contoso.com/UD1/fe01.contoso.com/install-update");
  }

  @Test
  void sdk4_aResumedRunWhoseFirstPoolIsFinishedStartsTheNextPool() {
    UpgradePlan plan = plan(Concurrency.sequential());
    Set<StepId> done = new HashSet<>();
    plan.steps().stream().filter(step -> step.runsAhead() || step.pool().equals(Fqdn.of("pool01.contoso.com")))
        .forEach(step -> done.add(step.id()));

    StepScheduler scheduler = StepScheduler.of(plan, done);

    assertThat(scheduler.next()).map(step -> step.id().value()).hasValue("pool02.contoso.com/fail-over");
  }

  @Test
  void theServersPerDomainLimitHoldsInEachDomainOfEachPoolNotAcrossThem() {
    UpgradePlan plan = plan(new Concurrency(2, 1, 16));
    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    Set<StepScope> open = new HashSet<>();
    Set<StepId> done = new HashSet<>();
    int mostOpen = 0;

    while (!scheduler.isFinished()) {
      List<Step> started = startAll(scheduler);
      started.forEach(step -> step.serverProcedure().ifPresent(open::add));
      assertThat(open.stream().collect(Collectors.groupingBy(scope -> scope.pool() + "/" + scope.group(),
          Collectors.counting())).values()).as("open server procedures per domain").allMatch(count -> count <= 1);
      mostOpen = Math.max(mostOpen, open.size());
      started.forEach(step -> {
        scheduler.done(step);
        done.add(step.id());
      });
      open.removeIf(scope -> plan.steps().stream().filter(step -> step.serverProcedure().equals(Optional.of(scope)))
          .allMatch(step -> done.contains(step.id())));
    }

    assertThat(mostOpen).as("two pools under way each have a server in its procedure at once").isEqualTo(2);
  }

  @Test
  void sdk5_copiesAreStagedInThePoolOrderNotTheTopologyOrder() {
    Pool.Builder big = Pool.enterprise("pool09.contoso.com").backEnd("sql09.contoso.com");
    for (int i = 1; i <= 4; i++) {
      big.upgradeDomain("UD" + i, "fe9" + i + ".contoso.com", "fe9" + i + "b.contoso.com");
    }
    Topology topology = Topology.builder().pool(Pool.standard("se01.contoso.com")).pool(big).build();
    UpgradePlan plan = Planner.create(PlanOptions.builder().concurrency(new Concurrency(2, 4, 1)).build())
        .plan(topology);
    assertThat(plan.poolOrder()).extracting(Fqdn::toString).containsExactly("pool09.contoso.com", "se01.contoso.com");

    StepScheduler scheduler = StepScheduler.of(plan, Set.of());
    List<String> staged = new ArrayList<>();
    for (Optional<Step> next = scheduler.next(); next.isPresent() && next.get().runsAhead(); next = scheduler.next()) {
      staged.add(next.get().pool().toString());
      scheduler.done(next.get());
    }

    assertThat(staged).as("pool09's eight Front Ends and Back End, then se01").hasSize(10)
        .containsOnlyOnce("se01.contoso.com").endsWith("se01.contoso.com");
  }
}
