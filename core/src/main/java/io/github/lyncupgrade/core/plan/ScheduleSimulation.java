package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** SDK-4 with several pools at once: the longest pool first (LPT), ties in topology order. */
  static List<Fqdn> longestFirst(UpgradePlan plan) {
    long[] alone = aloneDurations(plan, plan.options().concurrency());
    List<Pool> pools = plan.topology().pools();
    Integer[] order = new Integer[pools.size()];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(p -> -alone[p]).thenComparingInt(p -> p));
    return Arrays.stream(order).map(p -> pools.get(p).fqdn()).toList();
  }

  /**
   * No schedule can be shorter than the longest pool alone, nor than all the pools' time shared
   * among the pools that may run at once.
   */
  private static Duration lowerBound(UpgradePlan plan, Concurrency limits) {
    long[] alone = aloneDurations(plan, limits);
    long longest = 0;
    long total = 0;
    for (long duration : alone) {
      longest = Math.max(longest, duration);
      total += duration;
    }
    return Duration.ofMillis(Math.max(longest, total / limits.pools()));
  }

  /** Each pool's window when nothing else runs: every pool at once, pairs not exclusive, staging unlimited. */
  private static long[] aloneDurations(UpgradePlan plan, Concurrency limits) {
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

  static int[] poolIndexes(UpgradePlan plan) {
    List<Pool> pools = plan.topology().pools();
    Map<Fqdn, Integer> index = new HashMap<>();
    for (int p = 0; p < pools.size(); p++) {
      index.put(pools.get(p).fqdn(), p);
    }
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
    StepScheduler scheduler = new StepScheduler(plan, limits, pairsExclusive, id -> false);
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

  /** The group a step belongs to: its upgrade domain (gates included) or the Back End procedure. */
  static Optional<String> groupOf(Step step) {
    if (step.runsAhead()) {
      return Optional.empty();
    }
    if (step instanceof ServerStep serverStep) {
      return Optional.of(serverStep.scope().group());
    }
    if (step instanceof CheckPoolReadiness check) {
      return Optional.of(check.upgradeDomain());
    }
    if (step instanceof CheckDomainReadiness check) {
      return Optional.of(check.upgradeDomain().name());
    }
    return Optional.empty();
  }
}
