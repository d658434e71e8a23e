package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import java.util.Optional;

/**
 * PROCEDURE FE-1 before upgrade domain {@code upgradeDomain}: run
 * {@code Get-CsPoolUpgradeReadinessState} ({@code Get-CsUpgradeDomainInfo} on Skype for Business
 * Server 2019, CR-4) on a Front End of the pool (it only runs locally) and
 * go on when the pool is Ready (FE-1d). Busy: wait the policy's interval and check again (FE-1a);
 * the policy's number of Busy in a row, or InsufficientActiveFrontEnds: the pool has a problem
 * (FE-1b), handled by {@link FailOverPool} when the pool has a partner (FE-1c).
 *
 * @param pool the pool
 * @param upgradeDomain the domain about to be upgraded
 * @param runOn the Front End that runs the cmdlet: one outside the domain, so it stays up
 * @param policy how long to wait on Busy and how many Busy make a problem
 * @param afterADomain whether another domain of the pool came back just before: the pool then
 *     usually reports Busy while it rebalances its routing groups, which estimates expect (unless
 *     the settle wait, CR-2, came between)
 * @param product the pool's product, which names the cmdlet
 */
public record CheckPoolReadiness(Fqdn pool, String upgradeDomain, Fqdn runOn, ReadinessPolicy policy,
    boolean afterADomain, ProductVersion product) implements Step {
  /** Rejects nulls. */
  public CheckPoolReadiness {
    requireNonNull(pool, "pool");
    requireNonNull(upgradeDomain, "upgradeDomain");
    requireNonNull(runOn, "runOn");
    requireNonNull(policy, "policy");
    requireNonNull(product, "product");
  }

  @Override
  public StepKind kind() {
    return StepKind.CHECK_POOL_READINESS;
  }

  @Override
  public StepId id() {
    return new StepId(pool + "/" + upgradeDomain + "/check-pool-readiness");
  }

  @Override
  public Optional<String> group() {
    return Optional.of(upgradeDomain);
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.FE_1;
  }

  @Override
  public Fqdn target() {
    return runOn;
  }

  @Override
  public String description() {
    return "Run " + product.readinessCmdlet() + " on " + runOn + " before " + upgradeDomain
        + ": go on when PoolUpgradeState is Ready; Busy: wait " + policy.busyInterval().toMinutes()
        + " min and check again; " + policy.maxConsecutiveBusy()
        + " Busy in a row or InsufficientActiveFrontEnds: the pool has a problem";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
