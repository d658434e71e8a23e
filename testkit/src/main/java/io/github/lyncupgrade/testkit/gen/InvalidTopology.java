package io.github.lyncupgrade.testkit.gen;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.TopologyProblem;
import java.util.List;

/**
 * A topology builder that holds known problems, with the problems it holds, from
 * {@link LyncGens#invalidTopologies()}. Building it must fail with exactly these problems.
 *
 * @param builder the builder; {@link Topology.Builder#build()} throws {@link InvalidTopologyException}
 * @param expectedProblems each injected problem's path and kind, in topology order
 */
public record InvalidTopology(Topology.Builder builder, List<Expected> expectedProblems) {

  /** Copies the list. */
  public InvalidTopology {
    requireNonNull(builder, "builder");
    expectedProblems = List.copyOf(expectedProblems);
  }

  /**
   * One injected problem.
   *
   * @param path where it is
   * @param kind what it is
   */
  public record Expected(String path, TopologyProblem.Kind kind) {
    /** Whether {@code problem} is this one. */
    public boolean matches(TopologyProblem problem) {
      return problem.path().equals(path) && problem.kind() == kind;
    }

    @Override
    public String toString() {
      return path + ": " + kind;
    }
  }

  @Override
  public String toString() {
    return "InvalidTopology" + expectedProblems;
  }
}
