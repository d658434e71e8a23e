package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SDK-4 with several pools at once: which pool to start first. Two orders are built from each
 * pool's estimated time alone, and the one whose simulated night (the same
 * {@link StepScheduler}, pairs and limits included) is shorter wins:
 * <ul>
 *   <li>longest first (LPT), a disaster-recovery pair's longer pool before its partner;</li>
 *   <li>balanced lanes: the pools dealt longest-first into one lane per pool at once, then
 *       pools swapped between the longest lane and the others while that shortens it; within a
 *       lane a pair's first pool goes first and its partner last, so the two never meet. The
 *       order is the lanes' planned start times.</li>
 * </ul>
 * Longest-first alone leaves the last lanes uneven when pools come in a few sizes; the lanes
 * usually close most of that gap.
 */
final class PoolOrder {
  /** Bounds the lane search on very large fleets; each round strictly shortens the longest lane. */
  private static final int MAX_ROUNDS = 10_000;

  private final long[] alone;
  private final long[] chain;
  private final int[] partners;
  private final int lanes;

  private PoolOrder(UpgradePlan plan) {
    this.alone = ScheduleSimulation.aloneDurations(plan, plan.options().concurrency());
    this.chain = ScheduleSimulation.chainDurations(plan, alone);
    this.partners = ScheduleSimulation.partners(plan);
    this.lanes = Math.min(plan.options().concurrency().pools(), alone.length);
  }

  static List<Fqdn> shortestNight(UpgradePlan plan) {
    PoolOrder order = new PoolOrder(plan);
    List<Pool> pools = plan.topology().pools();
    UpgradePlan longest = plan.withPoolOrder(fqdns(pools, order.longestFirst()));
    UpgradePlan balanced = plan.withPoolOrder(fqdns(pools, order.balancedLanes()));
    return ScheduleSimulation.makespan(balanced) < ScheduleSimulation.makespan(longest)
        ? balanced.poolOrder() : longest.poolOrder();
  }

  private static List<Fqdn> fqdns(List<Pool> pools, int[] order) {
    return Arrays.stream(order).mapToObj(p -> pools.get(p).fqdn()).toList();
  }

  private Comparator<Integer> longestFirstComparator() {
    return Comparator.<Integer>comparingLong(p -> -alone[p]).thenComparingLong(p -> -chain[p]).thenComparingInt(p -> p);
  }

  private int[] longestFirst() {
    return sorted(allPools(), longestFirstComparator());
  }

  private int[] balancedLanes() {
    List<List<Integer>> lanes = deal();
    long[] loads = lanes.stream().mapToLong(this::load).toArray();
    for (int round = 0; round < MAX_ROUNDS && rebalance(lanes, loads); round++) {
      // each round moves or swaps pools so that the longest lane gets shorter
    }
    List<long[]> starts = new ArrayList<>();
    for (int lane = 0; lane < lanes.size(); lane++) {
      long at = 0;
      for (int pool : inLaneOrder(lanes.get(lane))) {
        starts.add(new long[] {at, lane, pool});
        at += alone[pool];
      }
    }
    starts.sort(Comparator.<long[]>comparingLong(start -> start[0]).thenComparingLong(start -> start[1]));
    return starts.stream().mapToInt(start -> (int) start[2]).toArray();
  }

  /** Longest first, each pool into the lane that ends earliest. */
  private List<List<Integer>> deal() {
    List<List<Integer>> dealt = new ArrayList<>();
    long[] loads = new long[lanes];
    for (int lane = 0; lane < lanes; lane++) {
      dealt.add(new ArrayList<>());
    }
    for (int pool : longestFirst()) {
      int lane = 0;
      for (int other = 1; other < lanes; other++) {
        if (loads[other] < loads[lane]) {
          lane = other;
        }
      }
      dealt.get(lane).add(pool);
      loads[lane] += alone[pool];
    }
    return dealt;
  }

  /**
   * The best single move or swap of a pool between the longest lane and another that makes the
   * longer of the two shorter than the longest lane was; false when there is none.
   */
  private boolean rebalance(List<List<Integer>> lanes, long[] loads) {
    int longest = 0;
    for (int lane = 1; lane < loads.length; lane++) {
      if (loads[lane] > loads[longest]) {
        longest = lane;
      }
    }
    long bestPeak = loads[longest];
    int[] best = null;
    for (int other = 0; other < loads.length; other++) {
      if (other == longest) {
        continue;
      }
      List<Integer> from = lanes.get(longest);
      for (int i = 0; i < from.size(); i++) {
        long moved = alone[from.get(i)];
        long peak = Math.max(loads[longest] - moved, loads[other] + moved);
        if (peak < bestPeak) {
          bestPeak = peak;
          best = new int[] {other, i, -1};
        }
        List<Integer> to = lanes.get(other);
        for (int j = 0; j < to.size(); j++) {
          long delta = moved - alone[to.get(j)];
          long swapped = Math.max(loads[longest] - delta, loads[other] + delta);
          if (delta > 0 && swapped < bestPeak) {
            bestPeak = swapped;
            best = new int[] {other, i, j};
          }
        }
      }
    }
    if (best == null) {
      return false;
    }
    List<Integer> from = lanes.get(longest);
    List<Integer> to = lanes.get(best[0]);
    int pool = from.remove(best[1]);
    loads[longest] -= alone[pool];
    loads[best[0]] += alone[pool];
    if (best[2] >= 0) {
      int back = to.remove(best[2]);
      from.add(back);
      loads[longest] += alone[back];
      loads[best[0]] -= alone[back];
    }
    to.add(pool);
    return true;
  }

  /**
   * A lane's pools: the first pools of disaster-recovery pairs first, the other pools, then the
   * partners; longest first within each.
   */
  private List<Integer> inLaneOrder(List<Integer> lane) {
    List<Integer> ordered = new ArrayList<>(lane);
    ordered.sort(Comparator.<Integer>comparingInt(this::pairPosition).thenComparing(longestFirstComparator()));
    return ordered;
  }

  /** 0 for the pool of a pair that goes first (the longer; ties by topology order), 2 for its partner, 1 otherwise. */
  private int pairPosition(int pool) {
    int partner = partners[pool];
    if (partner < 0) {
      return 1;
    }
    return longestFirstComparator().compare(pool, partner) < 0 ? 0 : 2;
  }

  private long load(List<Integer> lane) {
    return lane.stream().mapToLong(pool -> alone[pool]).sum();
  }

  private int[] allPools() {
    int[] pools = new int[alone.length];
    Arrays.setAll(pools, p -> p);
    return pools;
  }

  private static int[] sorted(int[] pools, Comparator<Integer> order) {
    return Arrays.stream(pools).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
  }
}
