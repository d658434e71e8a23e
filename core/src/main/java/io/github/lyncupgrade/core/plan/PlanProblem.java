package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * Why the planner will not plan a pool as asked: the pool, the rule that would be broken, what
 * is wrong and what the operator can do.
 *
 * @param pool the pool
 * @param rule the rule the plan would break
 * @param message what is wrong, where, and the operator's options
 */
public record PlanProblem(Fqdn pool, ProcedureRule rule, String message) {
  /** Rejects nulls. */
  public PlanProblem {
    requireNonNull(pool, "pool");
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return pool + " (" + rule + "): " + message;
  }
}
