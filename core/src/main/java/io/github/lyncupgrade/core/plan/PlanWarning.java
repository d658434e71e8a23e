package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * Something the operator should know before the run that does not stop the plan: the pool that
 * hosts the Central Management Store (CR-9), a mirrored store updated on the operator's word
 * (CR-5).
 *
 * @param pool the pool
 * @param rule the rule behind the warning
 * @param message what to know and what to do about it
 */
public record PlanWarning(Fqdn pool, ProcedureRule rule, String message) {
  /** Rejects nulls. */
  public PlanWarning {
    requireNonNull(pool, "pool");
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return pool + " (" + rule + "): " + message;
  }
}
