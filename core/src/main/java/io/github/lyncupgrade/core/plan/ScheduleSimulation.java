package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.step.Step;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a plan in expected time: the steps start as a {@link StepScheduler} lets them and take
 * their {@link StepDurations}, which is what the executor does with real durations.
 */
final class ScheduleSimulation {
  /** When each step starts and ends, in milliseconds from the start of the run. */
  record Timeline(long[] starts, long[] ends) {}

  private ScheduleSimulation() {}

  static PlanEstimate estimate(UpgradePlan plan) {
    Concurrency limits = plan.options().concurrency();
    Timeline timeline = run(plan, limits, true);
    return new PlanEstimate(plan, timeline, lowerBound(plan, limits));
  }

  /** Each pool's chain: itself alone, or itself and its disaster-recovery partner one after the other. */
  static long[] chainDurations(UpgradePlan plan, long[] alone) {
    int[] partners = partners(plan);
    long[] chain = alone.clone();
    for (int p = 0; p < chain.length; p++) {
      if (partners[p] >= 0) {
        chain[p] += alone[partners[p]];
      }
    }
    return chain;
  }

  /** Each pool's disaster-recovery partner's index in the topology, or -1. */
  static int[] partners(UpgradePlan plan) {
    List<Pool> pools = plan.topology().pools();
    Map<Fqdn, Integer> index = poolIndex(plan);
    int[] partners = new int[pools.size()];
    for (int p = 0; p < partners.length; p++) {
      partners[p] = pools.get(p).partnerPool().map(partner -> index.getOrDefault(partner, -1)).orElse(-1);
    }
    return partners;
  }

  /** How long {@code plan} is expected to take under its own limits and pool order. */
  static long makespan(UpgradePlan plan) {
    Timeline timeline = run(plan, plan.options().concurrency(), true);
    return Arrays.stream(timeline.ends()).max().orElse(0);
  }

  /**
   * No schedule can be shorter than the longest chain (a pool alone, or a disaster-recovery
   * pair one after the other), nor than all the pools' time shared among the pools that may run
   * at once.
   */
  private static Duration lowerBound(UpgradePlan plan, Concurrency limits) {
    long[] alone = aloneDurations(plan, limits);
    long longest = Arrays.stream(chainDurations(plan, alone)).max().orElse(0);
    long total = Arrays.stream(alone).sum();
    return Duration.ofMillis(Math.max(longest, total / limits.pools()));
  }

  /** Each pool's window when nothing else runs: every pool at once, pairs not exclusive, staging unlimited. */
  static long[] aloneDurations(UpgradePlan plan, Concurrency limits) {
    int pools = plan.topology().pools().size();
    Concurrency unbounded = new Concurrency(pools, limits.serversPerDomain(), Math.max(1, plan.size()));
    Timeline timeline = run(plan, unbounded, false);
    long[] first = new long[pools];
    long[] last = new long[pools];
    Arrays.fill(first, Long.MAX_VALUE);
    List<Step> steps = plan.steps();
    int[] poolOf = poolIndexes(plan);
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).runsAhead()) {
        first[poolOf[i]] = Math.min(first[poolOf[i]], timeline.starts()[i]);
        last[poolOf[i]] = Math.max(last[poolOf[i]], timeline.ends()[i]);
      }
    }
    long[] durations = new long[pools];
    for (int p = 0; p < pools; p++) {
      durations[p] = first[p] == Long.MAX_VALUE ? 0 : last[p] - first[p];
    }
    return durations;
  }

  /** Each pool's position in the topology. */
  static Map<Fqdn, Integer> poolIndex(UpgradePlan plan) {
    List<Pool> pools = plan.topology().pools();
    Map<Fqdn, Integer> index = new HashMap<>();
    for (int p = 0; p < pools.size(); p++) {
      index.put(pools.get(p).fqdn(), p);
    }
    return index;
  }

  /** Each step's pool's position in the topology. */
  static int[] poolIndexes(UpgradePlan plan) {
    Map<Fqdn, Integer> index = poolIndex(plan);
    List<Step> steps = plan.steps();
    int[] poolOf = new int[steps.size()];
    for (int i = 0; i < poolOf.length; i++) {
      poolOf[i] = index.get(steps.get(i).pool());
    }
    return poolOf;
  }

  private static Timeline run(UpgradePlan plan, Concurrency limits, boolean pairsExclusive) {
    List<Step> steps = plan.steps();
    StepDurations durations = plan.options().stepDurations();
    StepScheduler scheduler = new StepScheduler(plan, limits, pairsExclusive, step -> false);
    long[] starts = new long[steps.size()];
    long[] ends = new long[steps.size()];
    PriorityQueue<long[]> running = new PriorityQueue<>(
        Comparator.<long[]>comparingLong(entry -> entry[0]).thenComparingLong(entry -> entry[1]));
    long now = 0;
    while (true) {
      while (!(limits.isSequential() && !running.isEmpty())) {
        int index = scheduler.nextIndex();
        if (index < 0) {
          break;
        }
        starts[index] = now;
        running.add(new long[] {now + durations.expected(steps.get(index)).toMillis(), index});
      }
      long[] next = running.poll();
      if (next == null) {
        break;
      }
      now = next[0];
      ends[(int) next[1]] = now;
      scheduler.done((int) next[1]);
    }
    if (!scheduler.isFinished()) {
      throw new IllegalStateException(scheduler.remaining() + " steps can never start; the plan's prerequisites"
          + " are inconsistent");
    }
    return new Timeline(starts, ends);
  }
}
