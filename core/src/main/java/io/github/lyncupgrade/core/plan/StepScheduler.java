package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides which steps of a plan may start now: the fleet's rules, shared by the executor and by
 * the plan's estimate, and open to anyone driving a plan with their own automation.
 *
 * <p>A step may start when its prerequisites are done and:
 * <ul>
 *   <li>it stages the update ahead of its pool (SDK-5) and fewer than
 *       {@link Concurrency#stagingCopies()} such steps run; or</li>
 *   <li>its pool is under way, or fewer than {@link Concurrency#pools()} pools are and its
 *       disaster-recovery partner is not (SDK-4: the partner must stay up to take a failover);
 *       and, for a step of a server's procedure, that server's procedure is under way or fewer
 *       than {@link Concurrency#serversPerDomain()} servers of its upgrade domain are between
 *       their first and last step.</li>
 * </ul>
 * A pool is under way from its first step (staging aside) until all its steps are done. Among
 * the steps that may start, staging goes first, then pools under way, then pools in
 * {@link UpgradePlan#poolOrder()}, and within a pool, plan order. Pools start in that order even
 * when a later pool's copies are staged first: a pool not yet begun whose first step still waits
 * (for its staging) holds back the pools after it; only a pool held back by its partner (SDK-4)
 * lets a later one go first. With every limit at one, steps taken one at a time come in the plan's
 * linear order.
 *
 * <p>Not thread-safe: one scheduler per run, used by the thread that starts steps.
 */
public final class StepScheduler {
  private final UpgradePlan plan;
  private final List<Step> steps;
  private final Concurrency limits;
  private final boolean pairsExclusive;

  private final int[] poolOf;
  private final int[] chainOf;
  private final int[] groupOfChain;
  private final int[] partnerOf;
  private final int[] rankOf;
  private final int[] poolAtRank;
  private final int[] waiting;
  private final int[][] dependents;
  private final boolean[] started;
  private final boolean[] done;
  private final int[] poolRemaining;
  private final int[] chainRemaining;
  private final boolean[] poolActive;
  private final boolean[] chainOpen;
  private final int[] openChainsInGroup;
  private int activePools;
  private int stagingRunning;
  private int doneCount;

  private final PriorityQueue<Integer> stagingReady;
  private final List<TreeSet<Integer>> poolReady = new ArrayList<>();
  /** Pools under way that have steps ready; a pool under way with nothing ready costs nothing to skip. */
  private final TreeSet<Integer> activeRanks = new TreeSet<>();
  /** Pools not under way that have steps ready. */
  private final TreeSet<Integer> waitingRanks = new TreeSet<>();
  /** Pools not begun (staging aside) that have steps left: the order in which pools may start. */
  private final TreeSet<Integer> unbegunRanks = new TreeSet<>();

  StepScheduler(UpgradePlan plan, Concurrency limits, boolean pairsExclusive, Predicate<Step> alreadyDone) {
    this.plan = plan;
    this.steps = plan.steps();
    this.limits = limits;
    this.pairsExclusive = pairsExclusive;
    int n = steps.size();
    List<Pool> pools = plan.topology().pools();
    Map<Fqdn, Integer> poolIndex = ScheduleSimulation.poolIndex(plan);
    pools.forEach(pool -> poolReady.add(new TreeSet<>()));
    partnerOf = ScheduleSimulation.partners(plan);
    rankOf = new int[pools.size()];
    poolAtRank = new int[pools.size()];
    List<Fqdn> order = plan.poolOrder();
    for (int rank = 0; rank < order.size(); rank++) {
      int p = poolIndex.get(order.get(rank));
      rankOf[p] = rank;
      poolAtRank[rank] = p;
    }
    poolOf = ScheduleSimulation.poolIndexes(plan);
    chainOf = new int[n];
    Map<StepScope, Integer> chains = new HashMap<>();
    Map<String, Integer> groups = new HashMap<>();
    List<Integer> chainGroups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Step step = steps.get(i);
      chainOf[i] = -1;
      StepScope scope = step.serverProcedure().orElse(null);
      if (scope != null) {
        chainOf[i] = chains.computeIfAbsent(scope, key -> {
          chainGroups.add(groups.computeIfAbsent(key.pool() + "/" + key.group(), group -> groups.size()));
          return chainGroups.size() - 1;
        });
      }
    }
    groupOfChain = chainGroups.stream().mapToInt(Integer::intValue).toArray();
    openChainsInGroup = new int[groups.size()];
    chainOpen = new boolean[chainGroups.size()];
    chainRemaining = new int[chainGroups.size()];
    poolActive = new boolean[pools.size()];
    poolRemaining = new int[pools.size()];
    started = new boolean[n];
    done = new boolean[n];
    waiting = new int[n];
    boolean[] poolBegun = new boolean[pools.size()];
    boolean[] chainBegun = new boolean[chainGroups.size()];
    int[] dependentCount = new int[n];
    int[][] prerequisites = new int[n][];
    for (int i = 0; i < n; i++) {
      done[i] = alreadyDone.test(steps.get(i));
      prerequisites[i] = plan.prerequisitePositions(i);
      for (int prerequisite : prerequisites[i]) {
        dependentCount[prerequisite]++;
        waiting[i] += done[prerequisite] ? 0 : 1;
      }
      boolean ahead = steps.get(i).runsAhead();
      if (done[i]) {
        doneCount++;
        poolBegun[poolOf[i]] |= !ahead;
        if (chainOf[i] >= 0) {
          chainBegun[chainOf[i]] = true;
        }
      } else {
        poolRemaining[poolOf[i]] += ahead ? 0 : 1;
        if (chainOf[i] >= 0) {
          chainRemaining[chainOf[i]]++;
        }
      }
    }
    dependents = new int[n][];
    for (int i = 0; i < n; i++) {
      dependents[i] = new int[dependentCount[i]];
    }
    int[] filled = new int[n];
    for (int i = 0; i < n; i++) {
      for (int prerequisite : prerequisites[i]) {
        dependents[prerequisite][filled[prerequisite]++] = i;
      }
    }
    for (int p = 0; p < pools.size(); p++) {
      if (poolBegun[p] && poolRemaining[p] > 0) {
        activate(p);
      } else if (!poolBegun[p] && poolRemaining[p] > 0) {
        unbegunRanks.add(rankOf[p]);
      }
    }
    for (int c = 0; c < chainOpen.length; c++) {
      if (chainBegun[c] && chainRemaining[c] > 0) {
        chainOpen[c] = true;
        openChainsInGroup[groupOfChain[c]]++;
      }
    }
    stagingReady = new PriorityQueue<>(Comparator.<Integer>comparingInt(i -> rankOf[poolOf[i]]).thenComparingInt(i -> i));
    for (int i = 0; i < n; i++) {
      if (!done[i] && waiting[i] == 0) {
        makeReady(i);
      }
    }
  }

  /**
   * A scheduler for a run of {@code plan} in which the steps {@code alreadyDone} holds are done
   * (empty for a new run), under the plan's {@link PlanOptions#concurrency()}.
   */
  public static StepScheduler of(UpgradePlan plan, Set<StepId> alreadyDone) {
    requireNonNull(plan, "plan");
    requireNonNull(alreadyDone, "alreadyDone");
    return new StepScheduler(plan, plan.options().concurrency(), true,
        alreadyDone.isEmpty() ? step -> false : step -> alreadyDone.contains(step.id()));
  }

  /** The step that should start next and may start now, recorded as started; empty if none may. */
  public Optional<Step> next() {
    int index = nextIndex();
    return index < 0 ? Optional.empty() : Optional.of(steps.get(index));
  }

  /**
   * Like {@link #next()}, among the steps {@code allowed} accepts only: for example, after a
   * cancel, only the steps of servers whose procedure is under way.
   */
  public Optional<Step> next(Predicate<? super Step> allowed) {
    requireNonNull(allowed, "allowed");
    List<Integer> candidates = new ArrayList<>(stagingReady);
    candidates.sort(stagingReady.comparator());
    for (int rank : activeRanks) {
      candidates.addAll(poolReady.get(poolAtRank[rank]));
    }
    for (int rank : waitingRanks) {
      candidates.addAll(poolReady.get(poolAtRank[rank]));
    }
    for (int index : candidates) {
      if (mayStart(index) && allowed.test(steps.get(index))) {
        unready(index);
        start(index);
        return Optional.of(steps.get(index));
      }
    }
    return Optional.empty();
  }

  /**
   * Records {@code step} as done (succeeded or skipped, whether or not it was started), which
   * may let others start. Doing so twice changes nothing.
   *
   * @throws IllegalArgumentException if the plan has no such step
   */
  public void done(Step step) {
    requireNonNull(step, "step");
    done(plan.positionOf(step.id()));
  }

  /** Whether every step is done. */
  public boolean isFinished() {
    return doneCount == steps.size();
  }

  /** How many steps are not done. */
  public int remaining() {
    return steps.size() - doneCount;
  }

  int nextIndex() {
    if (stagingRunning < limits.stagingCopies() && !stagingReady.isEmpty()) {
      int index = stagingReady.poll();
      start(index);
      return index;
    }
    for (int rank : activeRanks) {
      int index = firstAdmissible(poolAtRank[rank]);
      if (index >= 0) {
        unready(index);
        start(index);
        return index;
      }
    }
    if (activePools < limits.pools()) {
      for (int rank : unbegunRanks) {
        int pool = poolAtRank[rank];
        if (pairsExclusive && partnerOf[pool] >= 0 && poolActive[partnerOf[pool]]) {
          continue;
        }
        int index = firstAdmissible(pool);
        if (index < 0) {
          break; // its first step still waits for its staging: the pools after it wait their turn
        }
        unready(index);
        start(index);
        return index;
      }
    }
    return -1;
  }

  void done(int index) {
    if (done[index]) {
      return;
    }
    done[index] = true;
    doneCount++;
    Step step = steps.get(index);
    int pool = poolOf[index];
    if (!started[index]) {
      unready(index);
    }
    if (step.runsAhead()) {
      stagingRunning -= started[index] ? 1 : 0;
    } else {
      if (--poolRemaining[pool] == 0 && poolActive[pool]) {
        poolActive[pool] = false;
        activePools--;
      }
      int chain = chainOf[index];
      if (chain >= 0 && --chainRemaining[chain] == 0 && chainOpen[chain]) {
        chainOpen[chain] = false;
        openChainsInGroup[groupOfChain[chain]]--;
      }
    }
    for (int dependent : dependents[index]) {
      if (--waiting[dependent] == 0 && !done[dependent]) {
        makeReady(dependent);
      }
    }
  }

  private int firstAdmissible(int pool) {
    for (int index : poolReady.get(pool)) {
      if (chainAdmissible(index)) {
        return index;
      }
    }
    return -1;
  }

  private boolean mayStart(int index) {
    if (steps.get(index).runsAhead()) {
      return stagingRunning < limits.stagingCopies();
    }
    int pool = poolOf[index];
    if (!poolActive[pool] && (activePools >= limits.pools()
        || (pairsExclusive && partnerOf[pool] >= 0 && poolActive[partnerOf[pool]]))) {
      return false;
    }
    return chainAdmissible(index);
  }

  private boolean chainAdmissible(int index) {
    int chain = chainOf[index];
    return chain < 0 || chainOpen[chain] || openChainsInGroup[groupOfChain[chain]] < limits.serversPerDomain();
  }

  /** Records {@code index}, already taken out of the ready queues, as started. */
  private void start(int index) {
    started[index] = true;
    if (steps.get(index).runsAhead()) {
      stagingRunning++;
      return;
    }
    int pool = poolOf[index];
    if (!poolActive[pool]) {
      activate(pool);
    }
    int chain = chainOf[index];
    if (chain >= 0 && !chainOpen[chain]) {
      chainOpen[chain] = true;
      openChainsInGroup[groupOfChain[chain]]++;
    }
  }

  private void activate(int pool) {
    poolActive[pool] = true;
    activePools++;
    unbegunRanks.remove(rankOf[pool]);
    if (waitingRanks.remove(rankOf[pool])) {
      activeRanks.add(rankOf[pool]);
    }
  }

  private void makeReady(int index) {
    if (steps.get(index).runsAhead()) {
      stagingReady.add(index);
      return;
    }
    int pool = poolOf[index];
    poolReady.get(pool).add(index);
    (poolActive[pool] ? activeRanks : waitingRanks).add(rankOf[pool]);
  }

  private void unready(int index) {
    if (steps.get(index).runsAhead()) {
      stagingReady.remove(index);
      return;
    }
    int pool = poolOf[index];
    TreeSet<Integer> ready = poolReady.get(pool);
    ready.remove(index);
    if (ready.isEmpty()) {
      waitingRanks.remove(rankOf[pool]);
      activeRanks.remove(rankOf[pool]);
    }
  }
}
