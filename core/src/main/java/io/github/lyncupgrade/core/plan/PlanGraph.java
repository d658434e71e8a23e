package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Steps and their prerequisites as the planner adds them. A step is only ever added after its
 * prerequisites (the planner and {@link UpgradePlan#extend} add them in order), so the order of
 * adding is the plan's linear order and needs no sorting. The prerequisites are held flat (compressed sparse rows): step {@code i}'s are
 * {@code edges[starts[i]] .. edges[starts[i + 1] - 1]}, which keeps plans of tens of thousands
 * of steps compact.
 */
final class PlanGraph {
  private final List<Step> steps;
  private int[] starts;
  private int[] edges;
  private int edgeCount;

  /** A graph sized for about {@code expectedSteps} steps; it grows if there are more. */
  PlanGraph(int expectedSteps) {
    int capacity = Math.max(16, expectedSteps);
    steps = new ArrayList<>(capacity);
    starts = new int[capacity + 1];
    edges = new int[capacity + capacity / 4];
  }

  int add(Step step, int prerequisite) {
    int index = begin(step);
    appendEdge(prerequisite);
    return end(index);
  }

  int add(Step step, int[] prerequisites) {
    int index = begin(step);
    for (int prerequisite : prerequisites) {
      appendEdge(prerequisite);
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

  private void appendEdge(int prerequisite) {
    if (edgeCount == edges.length) {
      edges = Arrays.copyOf(edges, edges.length * 2);
    }
    edges[edgeCount++] = prerequisite;
  }

  private int end(int index) {
    starts[index + 1] = edgeCount;
    return index;
  }

  /** The plan, in insertion order: a step is only ever added after its prerequisites. */
  UpgradePlan toPlan(Topology topology, PlanOptions options) {
    int n = steps.size();
    return new UpgradePlan(topology, options, steps.toArray(new Step[0]), Arrays.copyOf(starts, n + 1),
        Arrays.copyOf(edges, edgeCount));
  }
}
