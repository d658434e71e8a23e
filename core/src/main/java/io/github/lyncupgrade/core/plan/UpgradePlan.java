package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StepScope;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered, explained steps that upgrade a topology, made by {@link Planner}.
 *
 * <p>The steps form a directed acyclic graph: each step lists its {@link #prerequisites}. The
 * servers of one upgrade domain are independent of each other; the domains of a pool follow
 * one another; the pools are independent, and {@link #poolOrder()} with the options'
 * {@link Concurrency} decides which run when (see {@link StepScheduler}). {@link #steps()} is
 * one linear order consistent with the graph, always the same for the same input: the staging
 * steps (SDK-5) first, then each pool's steps, pools in topology order.
 *
 * <p>Immutable and thread-safe.
 */
public final class UpgradePlan {
  private final Topology topology;
  private final PlanOptions options;
  private final List<Step> steps;
  private final int[] prerequisiteStarts;
  private final int[] prerequisites;
  private final List<Fqdn> poolOrder;
  private volatile PlanEstimate estimate;
  private volatile Map<String, Map<StepId, Integer>> positions;
  private volatile String fingerprint;

  /**
   * Takes ownership of the arrays: step {@code i}'s prerequisites are at the positions
   * {@code prerequisites[prerequisiteStarts[i]] .. prerequisites[prerequisiteStarts[i + 1] - 1]}.
   */
  UpgradePlan(Topology topology, PlanOptions options, Step[] steps, int[] prerequisiteStarts, int[] prerequisites) {
    this(topology, options, List.of(steps), prerequisiteStarts, prerequisites,
        topology.pools().stream().map(Pool::fqdn).toList());
  }

  private UpgradePlan(Topology topology, PlanOptions options, List<Step> steps, int[] prerequisiteStarts,
      int[] prerequisites, List<Fqdn> poolOrder) {
    this.topology = topology;
    this.options = options;
    this.steps = steps;
    this.prerequisiteStarts = prerequisiteStarts;
    this.prerequisites = prerequisites;
    this.poolOrder = poolOrder;
  }

  /** This plan with the pools taken in {@code order}, which must hold each of the topology's pools once. */
  UpgradePlan withPoolOrder(List<Fqdn> order) {
    if (order.size() != poolOrder.size() || !order.containsAll(poolOrder)) {
      throw new IllegalArgumentException("a pool order must hold every pool once: " + order);
    }
    return new UpgradePlan(topology, options, steps, prerequisiteStarts, prerequisites, List.copyOf(order));
  }

  /**
   * This plan with the steps {@code extension} adds (SDK-6): each before or after its anchor,
   * taking the anchor's place in the order, so everything that waited for the anchor waits for
   * the steps added after it too. Pool order and options stay the same; the fingerprint changes.
   *
   * @throws IllegalArgumentException if two added steps would have the same id
   */
  public UpgradePlan extend(PlanExtension extension) {
    requireNonNull(extension, "extension");
    int n = steps.size();
    Map<StepScope, int[]> serverEdges = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int position = i;
      steps.get(i).serverProcedure().ifPresent(scope ->
          serverEdges.merge(scope, new int[] {position, position}, (first, later) -> new int[] {first[0], position}));
    }
    PlanGraph graph = new PlanGraph(n + n / 2);
    int[] exit = new int[n];
    for (int i = 0; i < n; i++) {
      Step step = steps.get(i);
      int[] edges = prerequisitePositions(i);
      for (int e = 0; e < edges.length; e++) {
        edges[e] = exit[edges[e]];
      }
      int[] server = step.serverProcedure().map(serverEdges::get).orElse(null);
      for (CustomStep added : extension.around(step, true, server != null && server[0] == i)) {
        edges = new int[] {graph.add(added, edges)};
      }
      exit[i] = graph.add(step, edges);
      for (CustomStep added : extension.around(step, false, server != null && server[1] == i)) {
        exit[i] = graph.add(added, exit[i]);
      }
    }
    UpgradePlan extended = graph.toPlan(topology, options).withPoolOrder(poolOrder);
    extended.positions();
    return extended;
  }

  /** The positions of step {@code position}'s prerequisites, for the scheduler in this package. */
  int[] prerequisitePositions(int position) {
    return Arrays.copyOfRange(prerequisites, prerequisiteStarts[position], prerequisiteStarts[position + 1]);
  }

  /**
   * The index from id to position, per pool, built on the first lookup. Ids are derived from the
   * steps, so the plan stores none: planning 1,000 pools makes tens of thousands of steps, and a
   * plan that is only rendered or counted never needs the index. One small map per pool keeps
   * building it cache-friendly at that size.
   */
  private Map<String, Map<StepId, Integer>> positions() {
    Map<String, Map<StepId, Integer>> index = positions;
    if (index == null) {
      synchronized (this) {
        index = positions;
        if (index == null) {
          index = new HashMap<>();
          for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            StepId id = step.id();
            Map<StepId, Integer> ofPool = index.computeIfAbsent(step.pool().toString(), pool -> new HashMap<>());
            if (ofPool.put(id, i) != null) {
              throw new IllegalStateException("two steps have the id " + id);
            }
          }
          positions = index;
        }
      }
    }
    return index;
  }

  private Integer lookUp(StepId id) {
    requireNonNull(id, "id");
    String value = id.value();
    int slash = value.indexOf('/');
    Map<StepId, Integer> ofPool = positions().get(slash < 0 ? value : value.substring(0, slash));
    return ofPool == null ? null : ofPool.get(id);
  }

  /** The topology this plan upgrades. */
  public Topology topology() {
    return topology;
  }

  /** The options it was planned with. */
  public PlanOptions options() {
    return options;
  }

  /**
   * The pools in the order they are started (SDK-4): topology order when one pool runs at a
   * time. When several do, the order whose {@linkplain #estimate() estimated} night is
   * shortest of two: the longest pool first, and the pools dealt into balanced lanes, one lane
   * per pool at once, started in lane order.
   */
  public List<Fqdn> poolOrder() {
    return poolOrder;
  }

  /**
   * What the operator should know before the run that does not stop the plan: the pool hosting
   * the Central Management Store (CR-9), a mirrored store updated on the operator's word (CR-5).
   */
  public List<PlanWarning> warnings() {
    return PlanChecks.warnings(topology, options);
  }

  /**
   * The plan's estimated schedule under its options' {@link Concurrency} and
   * {@link StepDurations}: the window, each pool's and domain's part of it, and each Back
   * End's downtime, with warnings (BE-0). Computed on the first call.
   */
  public PlanEstimate estimate() {
    PlanEstimate computed = estimate;
    if (computed == null) {
      computed = ScheduleSimulation.estimate(this);
      estimate = computed;
    }
    return computed;
  }

  /** Every step, in the plan's linear order. */
  public List<Step> steps() {
    return steps;
  }

  /** The number of steps. */
  public int size() {
    return steps.size();
  }

  /** The step with id {@code id}, if the plan has one. */
  public Optional<Step> step(StepId id) {
    Integer position = lookUp(id);
    return position == null ? Optional.empty() : Optional.of(steps.get(position));
  }

  /**
   * The position of step {@code id} in {@link #steps()}.
   *
   * @throws IllegalArgumentException if the plan has no such step
   */
  public int positionOf(StepId id) {
    Integer position = lookUp(id);
    if (position == null) {
      throw new IllegalArgumentException("the plan has no step " + id);
    }
    return position;
  }

  /**
   * The steps that must be done before step {@code id}.
   *
   * @throws IllegalArgumentException if the plan has no such step
   */
  public List<StepId> prerequisites(StepId id) {
    int position = positionOf(id);
    int from = prerequisiteStarts[position];
    StepId[] before = new StepId[prerequisiteStarts[position + 1] - from];
    for (int i = 0; i < before.length; i++) {
      before[i] = steps.get(prerequisites[from + i]).id();
    }
    return List.of(before);
  }

  /** The steps of pool {@code pool}, in plan order. */
  public List<Step> stepsOf(Fqdn pool) {
    requireNonNull(pool, "pool");
    return steps.stream().filter(step -> step.pool().equals(pool)).toList();
  }

  /** The {@code Install-CsDatabase} steps (BE-11), one per pool, in plan order. */
  public List<UpdateDatabases> databaseUpdates() {
    return steps.stream()
        .filter(step -> step.kind() == StepKind.UPDATE_DATABASES)
        .map(UpdateDatabases.class::cast)
        .toList();
  }

  /**
   * A SHA-256 over a versioned canonical text of what the plan does: the options that shape the
   * steps ({@link PlanOptions#canonical()}) and each step's id, kind, rule, the parameters that
   * change what it does, and its prerequisites, in order; never a description, so rewording a step
   * changes no fingerprint. A journal stores it, so a run is never resumed with a different plan.
   * The {@link PlanOptions#concurrency()} and {@link PlanOptions#stepDurations()} are left out: they
   * change when steps run, not what they do.
   */
  public String fingerprint() {
    String computed = fingerprint;
    if (computed == null) {
      computed = PlanFingerprint.of(this);
      fingerprint = computed;
    }
    return computed;
  }

  @Override
  public String toString() {
    return "UpgradePlan[" + topology.pools().size() + " pools, " + steps.size() + " steps]";
  }
}
