package io.github.lyncupgrade.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Kahn's algorithm over nodes {@code 0..n-1}, taking the lowest-numbered ready node first so
 * that the order is deterministic and keeps insertion order wherever the edges allow. Guava's
 * {@code common.graph} would hold the edges, but it is {@code @Beta}, and Guava asks libraries
 * not to depend on {@code @Beta} APIs; it has no topological sort either.
 */
public final class TopologicalOrder {
  private TopologicalOrder() {}

  /**
   * The result: every node in order, or, when there is a cycle, the nodes ordered before it and
   * the nodes that could not be ordered.
   *
   * @param ordered the nodes in a valid order
   * @param unordered the nodes on or behind a cycle; empty when the graph is acyclic
   */
  public record Result(List<Integer> ordered, List<Integer> unordered) {
    /** Whether every node was ordered. */
    public boolean isAcyclic() {
      return unordered.isEmpty();
    }
  }

  /**
   * Orders the nodes.
   *
   * @param prerequisites for each node, the nodes that must come before it
   */
  public static Result order(List<? extends List<Integer>> prerequisites) {
    int n = prerequisites.size();
    int[] waitingOn = new int[n];
    List<List<Integer>> dependents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>(2));
    }
    for (int node = 0; node < n; node++) {
      for (int prerequisite : prerequisites.get(node)) {
        if (prerequisite < 0 || prerequisite >= n) {
          throw new IllegalArgumentException("node " + node + " depends on unknown node " + prerequisite);
        }
        dependents.get(prerequisite).add(node);
        waitingOn[node]++;
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int node = 0; node < n; node++) {
      if (waitingOn[node] == 0) {
        ready.add(node);
      }
    }
    List<Integer> ordered = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int node = ready.poll();
      ordered.add(node);
      for (int dependent : dependents.get(node)) {
        if (--waitingOn[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    List<Integer> unordered = new ArrayList<>();
    for (int node = 0; node < n; node++) {
      if (waitingOn[node] > 0) {
        unordered.add(node);
      }
    }
    return new Result(List.copyOf(ordered), List.copyOf(unordered));
  }
}
