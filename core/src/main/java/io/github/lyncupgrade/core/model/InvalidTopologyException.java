package io.github.lyncupgrade.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A topology, or a pool built on its own, is invalid. Carries every problem found, not just
 * the first, each with the path of the element it concerns. Nothing is planned or run for an
 * invalid topology.
 */
public final class InvalidTopologyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<TopologyProblem> problems;

  /** Creates the exception from a non-empty list of problems. */
  public InvalidTopologyException(List<TopologyProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order of the topology. */
  public List<TopologyProblem> problems() {
    return problems;
  }

  private static String describe(List<TopologyProblem> problems) {
    return "The topology has " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "; nothing was planned:\n"
        + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
  }
}
