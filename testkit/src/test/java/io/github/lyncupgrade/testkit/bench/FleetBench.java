package io.github.lyncupgrade.testkit.bench;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet figures of docs/figures.md: the simulated window of a 50-pool fleet (mixed sizes, 10
 * disaster-recovery pairs, 8 pools at once) against the lower bound and against the hand-run
 * procedure, simulation speed, and the memory a plan takes per 10,000 servers. Every run is the
 * real executor on the fake deployment in virtual time; nothing is computed from estimates
 * except the estimate's own line.
 */
public final class FleetBench {
  private static final int POOLS = 50;
  private static final int PAIRS = 10;
  private static final int AT_ONCE = 8;
  private static final long SEED = 7;

  private FleetBench() {}

  /** A run's plan, report, journal and real duration. */
  private record Run(UpgradePlan plan, RunReport report, JournalContents journal, Duration real) {
    double virtualHoursPerSecond() {
      return report.duration().toSeconds() / 3600.0 / (real.toNanos() / 1e9);
    }
  }

  static void run() {
    Topology fleet = SampleTopologies.mixedFleet(POOLS, PAIRS, SEED);
    PlanOptions options = PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build();
    System.out.printf("%nFleet: %d pools (%d servers, %d disaster-recovery pairs), SampleTopologies.mixedFleet(%d, %d, %d)%n",
        POOLS, fleet.pools().stream().mapToInt(pool -> pool.frontEnds().size() + 1).sum(), PAIRS, POOLS, PAIRS, SEED);

    PlanOptions fleetOptions = options.toBuilder().concurrency(Concurrency.pools(AT_ONCE)).build();
    run(fleet, fleetOptions); // warm-up
    Run scheduled = run(fleet, fleetOptions);
    PlanOptions learnedOptions = fleetOptions.toBuilder().stepDurations(fleetOptions.stepDurations()
        .withObserved(scheduled.journal().observedDurations(scheduled.plan()))).build();
    Run relearned = run(fleet, learnedOptions);
    Run alone = run(fleet, options.toBuilder().concurrency(Concurrency.pools(1)).build());
    Run byHand = run(fleet, options.toBuilder().concurrency(Concurrency.sequential()).stageUpdatesAhead(false).build());

    Map<Fqdn, Duration> poolAlone = poolWindows(alone);
    Duration longest = longestChain(fleet, poolAlone);
    Duration total = poolAlone.values().stream().reduce(Duration.ZERO, Duration::plus);
    Duration bound = longest.compareTo(total.dividedBy(AT_ONCE)) >= 0 ? longest : total.dividedBy(AT_ONCE);

    System.out.printf("%-66s %9s%n", "run (the executor on the fake deployment, virtual time)", "window");
    line(AT_ONCE + " pools at once (4 servers of a domain, 16 copies)", scheduled);
    line(AT_ONCE + " pools at once, ordered with durations learned from that run", relearned);
    line("1 pool at once (4 servers of a domain)", alone);
    line("by hand: one pool, one server at a time, no staging ahead", byHand);
    System.out.printf("%nlower bound: max(longest chain %s, total %s / %d) = %s (each pool's window from the"
        + " 1-pool run; a chain is a pool, or a disaster-recovery pair one after the other)%n", format(longest),
        format(total), AT_ONCE, format(bound));
    for (Run run : List.of(scheduled, relearned)) {
      System.out.printf("%s: %.3fx the lower bound (target: at most 1.05x); the hand-run procedure takes %.1fx as"
          + " long%n", format(run.report().duration()), ratio(run.report().duration(), bound),
          ratio(byHand.report().duration(), run.report().duration()));
    }
    Duration estimated = scheduled.plan().estimate().makespan();
    Duration learnedEstimate = relearned.plan().estimate().makespan();
    System.out.printf("plan-time estimate: %s with the default durations (%.3fx its run), %s with the learned"
            + " ones (%.3fx its run); BE-0 warnings at plan time: %d%n", format(estimated),
        ratio(estimated, scheduled.report().duration()), format(learnedEstimate),
        ratio(learnedEstimate, relearned.report().duration()), scheduled.plan().estimate().warnings().size());
    memory();
  }

  private static Run run(Topology topology, PlanOptions options) {
    UpgradePlan plan = Planner.create(options).plan(topology);
    FakeDeployment fake = FakeDeployment.of(topology);
    Journal journal = Journal.inMemory();
    long started = System.nanoTime();
    RunReport report = Executor.builder(fake).clock(fake.clock()).journal(journal).build().run(plan);
    Duration real = Duration.ofNanos(System.nanoTime() - started);
    if (!report.outcome().isCompleted()) {
      throw new IllegalStateException("the benchmark run did not complete: " + report.outcome().describe());
    }
    if (!fake.history().events(FakeEvent.QuorumLost.class).isEmpty()
        || fake.history().events(FakeEvent.ServicesStopped.class).stream().anyMatch(stop -> !stop.upgradeDomain()
            .isEmpty() && !stop.domainReadyForUpgrade())) {
      throw new IllegalStateException("the benchmark run broke a safety rule: " + fake.history().events());
    }
    return new Run(plan, report, journal.open(plan), real);
  }

  /** Each pool's window in a run, staging aside: from its first step's start to its last record. */
  private static Map<Fqdn, Duration> poolWindows(Run run) {
    Map<Fqdn, Instant[]> spans = new HashMap<>();
    for (JournalRecord record : run.journal().records()) {
      Step step = run.plan().step(record.step()).orElseThrow();
      if (step.runsAhead()) {
        continue;
      }
      Instant[] span = spans.computeIfAbsent(step.pool(), pool -> new Instant[] {record.at(), record.at()});
      span[1] = record.at();
    }
    Map<Fqdn, Duration> windows = new HashMap<>();
    spans.forEach((pool, span) -> windows.put(pool, Duration.between(span[0], span[1])));
    return windows;
  }

  private static void line(String label, Run run) {
    System.out.printf("%-66s %9s   %,6.0f virtual hours per real second (%d ms)%n", label,
        format(run.report().duration()), run.virtualHoursPerSecond(), run.real().toMillis());
  }

  /** The longest pool alone, or disaster-recovery pair one after the other. */
  private static Duration longestChain(Topology fleet, Map<Fqdn, Duration> alone) {
    Duration longest = Duration.ZERO;
    for (Pool pool : fleet.pools()) {
      Duration chain = alone.get(pool.fqdn()).plus(pool.partnerPool().map(alone::get).orElse(Duration.ZERO));
      longest = chain.compareTo(longest) > 0 ? chain : longest;
    }
    return longest;
  }

  /** Heap a plan keeps per 10,000 servers, after full collections, with and without its id index and estimate. */
  private static void memory() {
    Topology topology = SampleTopologies.uniform(834, 12, 4, false);
    int servers = topology.pools().stream().mapToInt(pool -> pool.frontEnds().size() + 1).sum();
    Planner planner = Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build());
    long before = usedAfterGc();
    UpgradePlan plan = planner.plan(topology);
    long planned = usedAfterGc();
    plan.positionOf(plan.steps().get(plan.size() - 1).id());
    long indexed = usedAfterGc();
    plan.estimate();
    long estimated = usedAfterGc();
    double per10k = 10_000.0 / servers / (1024 * 1024);
    System.out.printf("%nmemory per 10,000 planned servers (%,d servers in %d pools of 12 Front Ends, %,d steps):%n"
            + "  plan %.1f MiB; with its id index %.1f MiB; with its estimate too %.1f MiB%n",
        servers, topology.pools().size(), plan.size(), (planned - before) * per10k, (indexed - before) * per10k,
        (estimated - before) * per10k);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double ratio(Duration a, Duration b) {
    return (double) a.toMillis() / b.toMillis();
  }

  private static String format(Duration duration) {
    return String.format("%dh %02dm", duration.toHours(), duration.toMinutesPart());
  }
}
