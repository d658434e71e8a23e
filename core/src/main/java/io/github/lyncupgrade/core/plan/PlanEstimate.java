package io.github.lyncupgrade.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's expected schedule, from {@link UpgradePlan#estimate()}: the steps run as the
 * {@link StepScheduler} lets them under the plan's {@link Concurrency}, each taking its
 * {@link StepDurations expected duration}. Times are offsets from the start of the run.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlanEstimate {
  /**
   * A stretch of the run.
   *
   * @param start when it begins, from the start of the run
   * @param end when it ends, from the start of the run
   */
  public record Window(Duration start, Duration end) {
    /** Rejects nulls and an end before the start. */
    public Window {
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      checkArgument(end.compareTo(start) >= 0, "a window cannot end (%s) before it starts (%s)", end, start);
    }

    /** How long it lasts. */
    public Duration length() {
      return end.minus(start);
    }
  }

  /**
   * One pool's part of the run, staging aside.
   *
   * @param pool the pool
   * @param window from its first step to its last, staging aside
   * @param staging when its servers get the update ahead (SDK-5), if the plan stages it
   * @param groups its upgrade domains (each with its readiness gates) and its Back End procedure, in order
   * @param backEndDown when its Back End is expected to be down (BE-0), if the plan takes it down
   */
  public record PoolWindow(Fqdn pool, Window window, Optional<Window> staging, Map<String, Window> groups,
      Optional<Window> backEndDown) {
    /** Copies the map, keeping its order. */
    public PoolWindow {
      requireNonNull(pool, "pool");
      requireNonNull(window, "window");
      requireNonNull(staging, "staging");
      groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
      requireNonNull(backEndDown, "backEndDown");
    }

    /** How long its Back End is expected to be down, if the plan takes it down. */
    public Optional<Duration> backEndDowntime() {
      return backEndDown.map(Window::length);
    }
  }

  /**
   * Something the estimate shows that an operator should know before the night.
   *
   * @param pool the pool it concerns
   * @param rule the rule at stake
   * @param message what, in a line
   */
  public record Warning(Fqdn pool, ProcedureRule rule, String message) {
    /** Rejects nulls. */
    public Warning {
      requireNonNull(pool, "pool");
      requireNonNull(rule, "rule");
      requireNonNull(message, "message");
    }
  }

  private final UpgradePlan plan;
  private final ScheduleSimulation.Timeline timeline;
  private final Duration makespan;
  private final Duration lowerBound;
  private final Optional<Window> staging;
  private final List<PoolWindow> pools;
  private final List<Warning> warnings;

  PlanEstimate(UpgradePlan plan, ScheduleSimulation.Timeline timeline, Duration lowerBound) {
    this.plan = plan;
    this.timeline = timeline;
    this.lowerBound = lowerBound;
    List<Step> steps = plan.steps();
    long end = 0;
    long stagingStart = Long.MAX_VALUE;
    long stagingEnd = 0;
    for (int i = 0; i < steps.size(); i++) {
      end = Math.max(end, timeline.ends()[i]);
      if (steps.get(i).runsAhead()) {
        stagingStart = Math.min(stagingStart, timeline.starts()[i]);
        stagingEnd = Math.max(stagingEnd, timeline.ends()[i]);
      }
    }
    this.makespan = Duration.ofMillis(end);
    this.staging = stagingStart == Long.MAX_VALUE ? Optional.empty()
        : Optional.of(window(stagingStart, stagingEnd));
    this.pools = poolWindows(plan, timeline);
    this.warnings = warnings(plan, pools);
  }

  private static List<PoolWindow> poolWindows(UpgradePlan plan, ScheduleSimulation.Timeline timeline) {
    List<Pool> topologyPools = plan.topology().pools();
    int[] poolOf = ScheduleSimulation.poolIndexes(plan);
    List<Step> steps = plan.steps();
    long[] first = new long[topologyPools.size()];
    long[] last = new long[topologyPools.size()];
    long[] downFrom = new long[topologyPools.size()];
    long[] downUntil = new long[topologyPools.size()];
    long[] stagedFrom = new long[topologyPools.size()];
    long[] stagedUntil = new long[topologyPools.size()];
    Arrays.fill(first, Long.MAX_VALUE);
    Arrays.fill(stagedFrom, Long.MAX_VALUE);
    Arrays.fill(downFrom, -1);
    Arrays.fill(downUntil, -1);
    List<Map<String, long[]>> groups = new ArrayList<>();
    topologyPools.forEach(pool -> groups.add(new LinkedHashMap<>()));
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      long start = timeline.starts()[i];
      long end = timeline.ends()[i];
      int pool = poolOf[i];
      if (step.runsAhead()) {
        stagedFrom[pool] = Math.min(stagedFrom[pool], start);
        stagedUntil[pool] = Math.max(stagedUntil[pool], end);
        continue;
      }
      first[pool] = Math.min(first[pool], start);
      last[pool] = Math.max(last[pool], end);
      step.group().ifPresent(group -> {
        long[] span = groups.get(pool).computeIfAbsent(group, key -> new long[] {Long.MAX_VALUE, 0});
        span[0] = Math.min(span[0], start);
        span[1] = Math.max(span[1], end);
      });
      if (BackEndDowntime.opens(step, plan.topology()) && downFrom[pool] < 0) {
        downFrom[pool] = start;
      }
      if (BackEndDowntime.closes(step, plan.topology())) {
        downUntil[pool] = end;
      }
    }
    List<PoolWindow> windows = new ArrayList<>();
    for (int p = 0; p < topologyPools.size(); p++) {
      Map<String, Window> groupWindows = new LinkedHashMap<>();
      groups.get(p).entrySet().stream()
          .sorted(Comparator.comparingLong(entry -> entry.getValue()[0]))
          .forEach(entry -> groupWindows.put(entry.getKey(), window(entry.getValue()[0], entry.getValue()[1])));
      Optional<Window> down = downFrom[p] >= 0 && downUntil[p] >= downFrom[p]
          ? Optional.of(window(downFrom[p], downUntil[p])) : Optional.empty();
      Optional<Window> staged = stagedFrom[p] == Long.MAX_VALUE ? Optional.empty()
          : Optional.of(window(stagedFrom[p], stagedUntil[p]));
      windows.add(new PoolWindow(topologyPools.get(p).fqdn(), window(first[p], last[p]), staged, groupWindows, down));
    }
    windows.sort(Comparator.comparing((PoolWindow window) -> window.window().start()));
    return List.copyOf(windows);
  }

  /** BE-0 for each pool whose users stay on it: a pool failed over before its update (SDK-7) has them on its partner. */
  private static List<Warning> warnings(UpgradePlan plan, List<PoolWindow> pools) {
    List<Warning> warnings = new ArrayList<>();
    for (PoolWindow pool : pools) {
      boolean usersElsewhere = plan.step(FailOverPool.idOf(pool.pool()))
          .filter(step -> ((FailOverPool) step).beforeUpdate()).isPresent();
      pool.backEndDowntime()
          .filter(downtime -> !usersElsewhere)
          .filter(downtime -> downtime.compareTo(BackEndDowntime.RESILIENCY_THRESHOLD) >= 0)
          .ifPresent(downtime -> warnings.add(new Warning(pool.pool(), ProcedureRule.BE_0, "the Back End of "
              + pool.pool() + " is expected to be down " + Durations.format(downtime) + ", at or past the "
              + Durations.format(BackEndDowntime.RESILIENCY_THRESHOLD)
              + " after which users may go into resiliency mode (BE-0)")));
    }
    return List.copyOf(warnings);
  }

  private static Window window(long startMillis, long endMillis) {
    return new Window(Duration.ofMillis(startMillis), Duration.ofMillis(endMillis));
  }

  /** The plan estimated. */
  public UpgradePlan plan() {
    return plan;
  }

  /** The expected length of the whole run: the maintenance window to book. */
  public Duration makespan() {
    return makespan;
  }

  /**
   * No schedule under the same limits can be shorter than this: the longest pool alone, or all
   * the pools' time shared among the pools that may run at once, whichever is longer.
   */
  public Duration lowerBound() {
    return lowerBound;
  }

  /** When the update is staged ahead (SDK-5), if the plan stages it. */
  public Optional<Window> staging() {
    return staging;
  }

  /** Each pool's part of the run, in the order they start. */
  public List<PoolWindow> pools() {
    return pools;
  }

  /** Pool {@code pool}'s part of the run, if it is a pool of the plan. */
  public Optional<PoolWindow> pool(Fqdn pool) {
    requireNonNull(pool, "pool");
    return pools.stream().filter(window -> window.pool().equals(pool)).findFirst();
  }

  /**
   * When step {@code id} is expected to run.
   *
   * @throws IllegalArgumentException if the plan has no such step
   */
  public Window step(StepId id) {
    int position = plan.positionOf(id);
    return window(timeline.starts()[position], timeline.ends()[position]);
  }

  /** What the operator should know: each Back End expected to be down for BE-0's 30 minutes or more. */
  public List<Warning> warnings() {
    return warnings;
  }

  /** A few lines: the window, the bound, each pool's window and Back End downtime, the warnings. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    Concurrency limits = plan.options().concurrency();
    out.append("Estimated window ").append(Durations.format(makespan)).append(" (")
        .append(Text.count(limits.pools(), "pool")).append(" at once, up to ")
        .append(Text.count(limits.serversPerDomain(), "server")).append(" of a domain at once; no schedule can be shorter than ")
        .append(Durations.format(lowerBound)).append(")\n");
    staging.ifPresent(window -> out.append("  staging ahead (SDK-5)  ").append(span(window)).append('\n'));
    int width = pools.stream().mapToInt(pool -> pool.pool().toString().length()).max().orElse(0);
    for (PoolWindow pool : pools) {
      out.append("  ").append(String.format("%-" + width + "s", pool.pool())).append("  ").append(span(pool.window()));
      pool.backEndDowntime().ifPresent(downtime ->
          out.append(", Back End down ").append(Durations.format(downtime)));
      out.append('\n');
    }
    for (Warning warning : warnings) {
      out.append("  WARNING ").append(warning.rule().id()).append(": ").append(warning.message()).append('\n');
    }
    return out.toString();
  }

  private static String span(Window window) {
    return "+" + Durations.clock(window.start()) + " to +" + Durations.clock(window.end()) + " ("
        + Durations.format(window.length()) + ")";
  }

  @Override
  public String toString() {
    return "PlanEstimate[" + Durations.format(makespan) + ", " + pools.size() + " pools, " + warnings.size()
        + " warnings]";
  }
}
