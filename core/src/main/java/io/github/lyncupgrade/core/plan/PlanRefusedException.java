package io.github.lyncupgrade.core.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The planner refused a topology and options whose plan would break a rule before any step
 * ran: a step that would take a pool below its quorum (CR-1), an update of mirrored databases
 * nobody confirmed (CR-5), a strategy the pool's product lacks, an update for another product.
 * It names every problem at once.
 */
public final class PlanRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<PlanProblem> problems;

  /** An exception listing {@code problems}, which must not be empty. */
  public PlanRefusedException(List<PlanProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<PlanProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refused plan has at least one problem");
    }
    return "the plan was refused (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):"
        + problems.stream().map(problem -> "\n  - " + problem).collect(Collectors.joining());
  }

  /** Every problem found, in topology order. */
  public List<PlanProblem> problems() {
    return problems;
  }
}
