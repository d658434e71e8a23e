package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.internal.TopologicalOrder;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Steps and their prerequisites as the planner adds them; ordered once into a plan. */
final class PlanGraph {
  private static final int[] NONE = new int[0];

  private final List<Step> steps;
  private int[][] prerequisites;

  /** A graph sized for about {@code expectedSteps} steps; it grows if there are more. */
  PlanGraph(int expectedSteps) {
    int capacity = Math.max(16, expectedSteps);
    steps = new ArrayList<>(capacity);
    prerequisites = new int[capacity][];
  }

  int add(Step step, int prerequisite) {
    return add(step, new int[] {prerequisite});
  }

  /** Adds a step; the graph keeps {@code stepPrerequisites} (the planner never touches it again). */
  int add(Step step, int[] stepPrerequisites) {
    int index = steps.size();
    if (index == prerequisites.length) {
      prerequisites = Arrays.copyOf(prerequisites, index * 2);
    }
    steps.add(step);
    prerequisites[index] = stepPrerequisites.length == 0 ? NONE : stepPrerequisites;
    return index;
  }

  UpgradePlan toPlan(Topology topology, PlanOptions options) {
    int[][] edges = Arrays.copyOf(prerequisites, steps.size());
    TopologicalOrder.Result order = TopologicalOrder.order(edges);
    if (!order.isAcyclic()) {
      throw new IllegalStateException("the plan's steps depend on each other in a cycle; these cannot be ordered: "
          + Arrays.stream(order.unordered()).mapToObj(i -> steps.get(i).id().value()).collect(Collectors.joining(", ")));
    }
    int[] ordered = order.ordered();
    Step[] orderedSteps = new Step[ordered.length];
    for (int position = 0; position < ordered.length; position++) {
      orderedSteps[position] = steps.get(ordered[position]);
    }
    return new UpgradePlan(topology, options, orderedSteps, inPositions(edges, ordered));
  }

  /** The prerequisites renumbered by position in {@code ordered}; as they are when the order is the identity. */
  private static int[][] inPositions(int[][] edges, int[] ordered) {
    boolean identity = true;
    for (int position = 0; position < ordered.length && identity; position++) {
      identity = ordered[position] == position;
    }
    if (identity) {
      return edges;
    }
    int[] positionOf = new int[ordered.length];
    for (int position = 0; position < ordered.length; position++) {
      positionOf[ordered[position]] = position;
    }
    int[][] renumbered = new int[ordered.length][];
    for (int position = 0; position < ordered.length; position++) {
      int[] before = edges[ordered[position]];
      renumbered[position] = before.length == 0 ? NONE : new int[before.length];
      for (int i = 0; i < before.length; i++) {
        renumbered[position][i] = positionOf[before[i]];
      }
    }
    return renumbered;
  }
}
