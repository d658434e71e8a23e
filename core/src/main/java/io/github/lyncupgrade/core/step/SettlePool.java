package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import java.util.Optional;

/**
 * CR-2, between two upgrade domains, on top of FE-1 (FE-3): once {@code completedDomain} is back,
 * every readiness answer is judged by FE-1 first (Busy: wait the readiness policy's interval,
 * FE-1a; its number of Busy in a row, or InsufficientActiveFrontEnds: a pool problem, FE-1b, failed
 * over by FE-1c where the plan arms it); Ready answers count toward the settle time: the pool must
 * stay Ready that long (a Not Ready answer restarts the wait), and its routing groups' primaries
 * and secondaries ({@code Get-CsPoolFabricState}) must be the same before and after the wait; a
 * change stops the run with both snapshots.
 *
 * @param pool the pool
 * @param completedDomain the domain that just came back
 * @param nextDomain the domain that waits for the pool to settle
 * @param runOn the Front End that runs the readiness cmdlet (the next domain's readiness host)
 * @param policy how long, how often, and when to give up (CR-2)
 * @param readiness how Busy answers are waited out and counted (FE-1a, FE-1b)
 * @param product the pool's product, which names the readiness cmdlet (CR-4)
 */
public record SettlePool(Fqdn pool, String completedDomain, String nextDomain, Fqdn runOn, SettlePolicy policy,
    ReadinessPolicy readiness, ProductVersion product) implements Step {
  /** Rejects nulls and a policy that is off. */
  public SettlePool {
    requireNonNull(pool, "pool");
    requireNonNull(completedDomain, "completedDomain");
    requireNonNull(nextDomain, "nextDomain");
    requireNonNull(runOn, "runOn");
    requireNonNull(policy, "policy");
    requireNonNull(readiness, "readiness");
    requireNonNull(product, "product");
    if (!policy.isOn()) {
      throw new IllegalArgumentException("a settle step needs a settle time; plan none when the rule is off");
    }
  }

  @Override
  public StepKind kind() {
    return StepKind.SETTLE_POOL;
  }

  @Override
  public StepId id() {
    return new StepId(pool + "/" + nextDomain + "/settle");
  }

  @Override
  public Optional<String> group() {
    return Optional.of(nextDomain);
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_2;
  }

  @Override
  public Fqdn target() {
    return runOn;
  }

  @Override
  public String description() {
    return "Let " + pool.hostName() + " settle after " + completedDomain + ": " + product.readinessCmdlet()
        + " must report Ready for " + policy.settleTime().toMinutes() + " min in a row (asked every "
        + policy.pollInterval().toMinutes() + " min; Not Ready restarts the wait), and Get-CsPoolFabricState"
        + " must show the same routing-group primaries and secondaries before and after; Busy: wait "
        + readiness.busyInterval().toMinutes() + " min (FE-1a); " + readiness.maxConsecutiveBusy()
        + " Busy in a row or InsufficientActiveFrontEnds: the pool has a problem (FE-1b)";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
