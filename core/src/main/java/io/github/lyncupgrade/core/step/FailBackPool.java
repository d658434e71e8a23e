package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * SDK-3, contingent: when the pool was failed over ({@link FailOverPool}), fail it back from its
 * partner once every server of the pool is updated and verified. The source procedure says
 * nothing about failback; docs/decisions.md explains this choice.
 *
 * @param pool the pool to fail back
 * @param partner the backup pool that took over its users
 */
public record FailBackPool(Fqdn pool, Fqdn partner) implements Step {
  /** Rejects nulls. */
  public FailBackPool {
    requireNonNull(pool, "pool");
    requireNonNull(partner, "partner");
  }

  @Override
  public StepKind kind() {
    return StepKind.FAIL_BACK_POOL;
  }

  @Override
  public StepId id() {
    return new StepId(pool + "/fail-back");
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.SDK_3;
  }

  @Override
  public Fqdn target() {
    return pool;
  }

  @Override
  public boolean isContingent() {
    return true;
  }

  @Override
  public String description() {
    return "Only if the pool was failed over: fail " + pool + " back from " + partner
        + " (Invoke-CsPoolFailBack) once all its servers are verified";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
