package io.github.lyncupgrade.core.internal;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Kahn's algorithm over nodes {@code 0..n-1}, taking the lowest-numbered ready node first so
 * that the order is deterministic and keeps insertion order wherever the edges allow. Guava's
 * {@code common.graph} would hold the edges, but it is {@code @Beta}, and Guava asks libraries
 * not to depend on {@code @Beta} APIs; it has no topological sort either. Edges are held in
 * plain {@code int} arrays: plans of 1,000 pools have tens of thousands of steps.
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
  public record Result(int[] ordered, int[] unordered) {
    /** Whether every node was ordered. */
    public boolean isAcyclic() {
      return unordered.length == 0;
    }
  }

  /**
   * Orders the nodes.
   *
   * @param prerequisites for each node, the nodes that must come before it
   * @throws IllegalArgumentException if a prerequisite is not a node
   */
  public static Result order(int[][] prerequisites) {
    if (isInsertionOrderTopological(prerequisites)) {
      int[] identity = new int[prerequisites.length];
      Arrays.setAll(identity, node -> node);
      return new Result(identity, new int[0]);
    }
    int n = prerequisites.length;
    int[] waitingOn = new int[n];
    int[] dependentCount = new int[n];
    for (int node = 0; node < n; node++) {
      for (int prerequisite : prerequisites[node]) {
        if (prerequisite < 0 || prerequisite >= n) {
          throw new IllegalArgumentException("node " + node + " depends on unknown node " + prerequisite);
        }
        dependentCount[prerequisite]++;
        waitingOn[node]++;
      }
    }
    int[][] dependents = new int[n][];
    for (int node = 0; node < n; node++) {
      dependents[node] = new int[dependentCount[node]];
      dependentCount[node] = 0;
    }
    for (int node = 0; node < n; node++) {
      for (int prerequisite : prerequisites[node]) {
        dependents[prerequisite][dependentCount[prerequisite]++] = node;
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int node = 0; node < n; node++) {
      if (waitingOn[node] == 0) {
        ready.add(node);
      }
    }
    int[] ordered = new int[n];
    int count = 0;
    while (!ready.isEmpty()) {
      int node = ready.poll();
      ordered[count++] = node;
      for (int dependent : dependents[node]) {
        if (--waitingOn[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    int[] unordered = new int[n - count];
    int next = 0;
    for (int node = 0; node < n && next < unordered.length; node++) {
      if (waitingOn[node] > 0) {
        unordered[next++] = node;
      }
    }
    return new Result(Arrays.copyOf(ordered, count), unordered);
  }

  /**
   * Whether every node comes after its prerequisites already. Then lowest-ready-first returns
   * exactly {@code 0..n-1}: the lowest unordered node always has all its prerequisites ordered.
   */
  private static boolean isInsertionOrderTopological(int[][] prerequisites) {
    for (int node = 0; node < prerequisites.length; node++) {
      for (int prerequisite : prerequisites[node]) {
        if (prerequisite < 0 || prerequisite >= node) {
          return false;
        }
      }
    }
    return true;
  }
}
