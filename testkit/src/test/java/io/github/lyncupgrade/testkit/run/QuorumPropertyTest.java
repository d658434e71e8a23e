package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.PlanProblem;
import io.github.lyncupgrade.core.plan.PlanRefusedException;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * CR-1 as a property: no plan, and no run under random faults, ever has fewer Front Ends of a
 * pool running than Microsoft's quorum table allows. Plans are checked from their step graph (the
 * servers whose stop-to-verify spans can overlap), independently of the planner's own check;
 * runs from the fake deployment's replayed history.
 */
@Tag("reliability")
class QuorumPropertyTest {
  private static final List<ProductVersion> PRODUCTS = List.of(ProductVersion.values());

  private record Case(Topology topology, FrontEndStrategy strategy, Concurrency limits, FaultSchedule faults,
      Optional<String> downAtStart) {
    PlanOptions options() {
      return Scenarios.options().updatePackage(Simulation.sampleUpdate(topology.pools().get(0).product()))
          .frontEndStrategy(strategy).concurrency(limits).confirmMirroredDatabaseUpdate(true).build();
    }
  }

  /** One product per topology (one update), every Back End kind, any strategy the product has. */
  private static Gen<Case> cases(boolean anyDomainSplit) {
    Gen<Concurrency> limits = LyncGens.concurrency();
    return in -> {
      ProductVersion product = Generate.pick(PRODUCTS).generate(in);
      var topologies = LyncGens.topologies().withMaxFrontEnds(product.maxFrontEnds()).products(product)
          .backEndKinds(BackEndHighAvailability.STANDALONE, BackEndHighAvailability.MIRRORED,
              BackEndHighAvailability.ALWAYS_ON);
      Topology topology = (anyDomainSplit ? topologies.withAnyDomainSplit() : topologies).generate(in);
      FrontEndStrategy strategy = product.hasComputerFailover() && Generate.booleans().generate(in)
          ? FrontEndStrategy.BY_UPGRADE_DOMAIN : null;
      List<Server> frontEnds = topology.pools().stream().filter(EnterprisePool.class::isInstance)
          .flatMap(pool -> pool.frontEnds().stream()).toList();
      Optional<String> down = frontEnds.isEmpty() || Generate.booleans().generate(in) ? Optional.empty()
          : Optional.of(Generate.pick(frontEnds).generate(in).toString());
      return new Case(topology, strategy, limits.generate(in), LyncGens.faultSchedules(topology, 200).generate(in),
          down);
    };
  }

  @Test
  void noPlanEverTakesAPoolBelowItsQuorumAndEveryRefusalNamesAPoolThatWouldHave() {
    AtomicInteger planned = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    Theories.qt(400).forAll(cases(true)).checkAssert(testCase -> {
      Set<Fqdn> unsafe = unsafePools(testCase.topology(), testCase.options());
      try {
        UpgradePlan plan = Planner.create(testCase.options()).plan(testCase.topology());
        planned.incrementAndGet();
        assertThat(unsafe).isEmpty();
        for (Pool pool : testCase.topology().pools()) {
          for (Set<Fqdn> downTogether : serversThatCanBeDownTogether(plan, pool)) {
            assertThat(keepsQuorum(pool, downTogether)).as("%s with %s down", pool.fqdn(), downTogether).isTrue();
          }
        }
      } catch (PlanRefusedException e) {
        refused.incrementAndGet();
        assertThat(e.problems()).allMatch(problem -> problem.rule() == ProcedureRule.CR_1);
        assertThat(new HashSet<>(e.problems().stream().map(PlanProblem::pool).toList())).isEqualTo(unsafe);
      }
    });
    System.out.printf("RELIABILITY quorum (plans): %d topologies of every product, %d planned and checked step by"
        + " step, %d refused naming exactly the pools that would lose quorum, 0 failures%n",
        planned.get() + refused.get(), planned.get(), refused.get());
    assertThat(planned.get()).isPositive();
    assertThat(refused.get()).isPositive();
  }

  @Test
  void noRunUnderRandomFaultsEverRunsAPoolBelowItsQuorum() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger stoppedByQuorum = new AtomicInteger();
    AtomicInteger serverByServer = new AtomicInteger();
    Theories.qt(250).forAll(cases(false)).checkAssert(testCase -> {
      FakeDeployment.Builder builder = FakeDeployment.builder(testCase.topology()).faults(testCase.faults());
      testCase.downAtStart().ifPresent(builder::downAtStart);
      FakeDeployment fake = builder.build();
      UpgradePlan plan = Planner.create(testCase.options()).plan(testCase.topology());
      RunReport report = runResumingAfterCrashes(fake, plan);
      runs.incrementAndGet();

      assertThat(fake).neverLostQuorum();
      if (testCase.downAtStart().isEmpty()) {
        // a Front End already down is not one the run took down: FE-0 is about the run's own stops
        assertThat(fake).upgradedOneDomainAtATime();
      }
      assertThat(fake.history().updateCounts().values()).allMatch(times -> times == 1);
      if (report.outcome().isCompleted()) {
        completed.incrementAndGet();
        assertThat(fake).upgradedEveryServerExactlyOnce();
      }
      if (report.outcome().describe().contains("(CR-1)")) {
        stoppedByQuorum.incrementAndGet();
      }
      for (Pool pool : testCase.topology().pools()) {
        if (plan.options().frontEndStrategy(pool) == FrontEndStrategy.SERVER_BY_SERVER
            && pool instanceof EnterprisePool) {
          serverByServer.incrementAndGet();
          if (testCase.downAtStart().isEmpty()) {
            assertThat(fake).upgradedOneServerAtATime(pool.fqdn().toString());
          }
        }
      }
    });
    System.out.printf("RELIABILITY quorum (runs): %d runs under random faults (%d completed, %d stopped by the"
        + " run-time quorum check, %d pools server by server), none below quorum, 0 failures%n", runs.get(),
        completed.get(), stoppedByQuorum.get(), serverByServer.get());
    assertThat(completed.get()).as("most runs meet no fault that stops them").isGreaterThan(runs.get() / 3);
  }

  private static RunReport runResumingAfterCrashes(FakeDeployment fake, UpgradePlan plan) {
    Journal journal = Journal.inMemory();
    for (int crashes = 0; ; crashes++) {
      try {
        return crashes == 0
            ? Scenarios.executor(fake, new Scenarios.Events(), journal).build().run(plan)
            : Scenarios.executor(fake, new Scenarios.Events(), journal).build().resume(plan);
      } catch (SimulatedCrash crash) {
        assertThat(crashes).as("a schedule holds at most three faults").isLessThan(3);
      }
    }
  }

  /** The Enterprise pools that lose quorum with one unit down: a domain by domain, a server server by server. */
  private static Set<Fqdn> unsafePools(Topology topology, PlanOptions options) {
    Set<Fqdn> unsafe = new HashSet<>();
    for (Pool pool : topology.pools()) {
      if (pool instanceof EnterprisePool enterprise) {
        List<List<Server>> units = options.frontEndStrategy(pool) == FrontEndStrategy.BY_UPGRADE_DOMAIN
            ? enterprise.upgradeDomains().stream().map(UpgradeDomain::servers).toList()
            : pool.frontEnds().stream().map(List::of).toList();
        for (List<Server> unit : units) {
          if (!keepsQuorum(pool, new HashSet<>(unit.stream().map(Server::fqdn).toList()))) {
            unsafe.add(pool.fqdn());
          }
        }
      }
    }
    return unsafe;
  }

  private static boolean keepsQuorum(Pool pool, Set<Fqdn> down) {
    if (pool.frontEnds().size() < 2) {
      return true;
    }
    Set<Server> running = new HashSet<>();
    pool.frontEnds().stream().filter(server -> !down.contains(server.fqdn())).forEach(running::add);
    return PoolQuorum.of(pool).isMetBy(pool.frontEnds(), running);
  }

  /**
   * The groups of Front Ends whose stop-to-verify spans the plan lets overlap: two servers overlap
   * unless one's verify step is an ancestor of the other's stop (or failover). Each group must be
   * one where every pair overlaps, so it can be down all at once.
   */
  private static List<Set<Fqdn>> serversThatCanBeDownTogether(UpgradePlan plan, Pool pool) {
    Map<Fqdn, StepId> stops = new HashMap<>();
    Map<Fqdn, StepId> verifies = new HashMap<>();
    for (Step step : plan.stepsOf(pool.fqdn())) {
      if (step instanceof ServerStep server && !server.scope().isBackEnd() && !server.runsAhead()) {
        if (step.kind() == StepKind.STOP_SERVICES || step.kind() == StepKind.FAIL_OVER_SERVER) {
          stops.put(step.target(), step.id());
        } else if (step.kind() == StepKind.VERIFY_SERVER) {
          verifies.put(step.target(), step.id());
        }
      }
    }
    Map<Fqdn, Set<StepId>> ancestorsOfStop = new HashMap<>();
    stops.forEach((server, stop) -> ancestorsOfStop.put(server, ancestors(plan, stop)));
    List<Fqdn> servers = new ArrayList<>(new TreeSet<>(stops.keySet()));
    List<Set<Fqdn>> groups = new ArrayList<>();
    Set<Fqdn> placed = new HashSet<>();
    for (Fqdn server : servers) {
      if (placed.contains(server)) {
        continue;
      }
      Set<Fqdn> group = new LinkedHashSet<>();
      group.add(server);
      for (Fqdn other : servers) {
        if (!other.equals(server) && overlap(server, other, verifies, ancestorsOfStop)) {
          group.add(other);
        }
      }
      for (Fqdn a : group) {
        for (Fqdn b : group) {
          assertThat(a.equals(b) || overlap(a, b, verifies, ancestorsOfStop))
              .as("%s and %s overlap with %s, so with each other", a, b, server).isTrue();
        }
      }
      placed.addAll(group);
      groups.add(group);
    }
    return groups;
  }

  private static boolean overlap(Fqdn a, Fqdn b, Map<Fqdn, StepId> verifies, Map<Fqdn, Set<StepId>> ancestorsOfStop) {
    return !ancestorsOfStop.get(b).contains(verifies.get(a)) && !ancestorsOfStop.get(a).contains(verifies.get(b));
  }

  private static Set<StepId> ancestors(UpgradePlan plan, StepId step) {
    Set<StepId> seen = new HashSet<>();
    Deque<StepId> todo = new ArrayDeque<>(plan.prerequisites(step));
    while (!todo.isEmpty()) {
      StepId next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(plan.prerequisites(next));
      }
    }
    return seen;
  }
}
