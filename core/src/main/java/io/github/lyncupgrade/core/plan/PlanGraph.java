package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.internal.TopologicalOrder;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps and their prerequisites as the planner adds them, ordered once into a plan. The
 * prerequisites are held flat (compressed sparse rows): step {@code i}'s are
 * {@code edges[starts[i]] .. edges[starts[i + 1] - 1]}, which keeps plans of tens of thousands
 * of steps compact.
 */
final class PlanGraph {
  private final List<Step> steps;
  private int[] starts;
  private int[] edges;
  private int edgeCount;
  private boolean inInsertionOrder = true;

  /** A graph sized for about {@code expectedSteps} steps; it grows if there are more. */
  PlanGraph(int expectedSteps) {
    int capacity = Math.max(16, expectedSteps);
    steps = new ArrayList<>(capacity);
    starts = new int[capacity + 1];
    edges = new int[capacity + capacity / 4];
  }

  int add(Step step, int prerequisite) {
    int index = begin(step);
    appendEdge(index, prerequisite);
    return end(index);
  }

  int add(Step step, int[] prerequisites) {
    int index = begin(step);
    for (int prerequisite : prerequisites) {
      appendEdge(index, prerequisite);
    }
    return end(index);
  }

  private int begin(Step step) {
    int index = steps.size();
    if (index + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
    }
    steps.add(step);
    starts[index] = edgeCount;
    return index;
  }

  private void appendEdge(int index, int prerequisite) {
    if (edgeCount == edges.length) {
      edges = Arrays.copyOf(edges, edges.length * 2);
    }
    edges[edgeCount++] = prerequisite;
    inInsertionOrder &= prerequisite < index;
  }

  private int end(int index) {
    starts[index + 1] = edgeCount;
    return index;
  }

  UpgradePlan toPlan(Topology topology, PlanOptions options) {
    int n = steps.size();
    int[] stepStarts = Arrays.copyOf(starts, n + 1);
    int[] stepEdges = Arrays.copyOf(edges, edgeCount);
    if (inInsertionOrder) {
      return new UpgradePlan(topology, options, steps.toArray(new Step[0]), stepStarts, stepEdges);
    }
    int[][] byStep = new int[n][];
    for (int i = 0; i < n; i++) {
      byStep[i] = Arrays.copyOfRange(stepEdges, stepStarts[i], stepStarts[i + 1]);
    }
    TopologicalOrder.Result order = TopologicalOrder.order(byStep);
    if (!order.isAcyclic()) {
      throw new IllegalStateException("the plan's steps depend on each other in a cycle; these cannot be ordered: "
          + Arrays.stream(order.unordered()).mapToObj(i -> steps.get(i).id().value()).collect(Collectors.joining(", ")));
    }
    int[] ordered = order.ordered();
    int[] positionOf = new int[n];
    for (int position = 0; position < n; position++) {
      positionOf[ordered[position]] = position;
    }
    Step[] orderedSteps = new Step[n];
    int[] orderedStarts = new int[n + 1];
    int[] orderedEdges = new int[stepEdges.length];
    int next = 0;
    for (int position = 0; position < n; position++) {
      orderedSteps[position] = steps.get(ordered[position]);
      orderedStarts[position] = next;
      for (int prerequisite : byStep[ordered[position]]) {
        orderedEdges[next++] = positionOf[prerequisite];
      }
    }
    orderedStarts[n] = next;
    return new UpgradePlan(topology, options, orderedSteps, orderedStarts, orderedEdges);
  }
}
