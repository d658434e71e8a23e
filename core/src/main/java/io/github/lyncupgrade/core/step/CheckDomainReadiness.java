package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PROCEDURE FE-2: the domain's servers are stopped only when {@code Get-CsPoolUpgradeReadinessState}
 * reports {@code ReadyForUpgrade = True} for it.
 *
 * @param pool the pool
 * @param upgradeDomain the domain, with its servers
 * @param runOn the Front End that runs the cmdlet (outside the domain when the pool has another)
 */
public record CheckDomainReadiness(Fqdn pool, UpgradeDomain upgradeDomain, Fqdn runOn) implements Step {
  /** Rejects nulls. */
  public CheckDomainReadiness {
    requireNonNull(pool, "pool");
    requireNonNull(upgradeDomain, "upgradeDomain");
    requireNonNull(runOn, "runOn");
  }

  @Override
  public StepKind kind() {
    return StepKind.CHECK_DOMAIN_READINESS;
  }

  @Override
  public StepId id() {
    return new StepId(pool + "/" + upgradeDomain.name() + "/check-domain-readiness");
  }

  @Override
  public Optional<String> group() {
    return Optional.of(upgradeDomain.name());
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.FE_2;
  }

  @Override
  public Fqdn target() {
    return runOn;
  }

  @Override
  public String description() {
    return "Check that upgrade domain " + upgradeDomain.name() + " ("
        + upgradeDomain.servers().stream().map(server -> server.fqdn().hostName()).collect(Collectors.joining(", "))
        + ") reports ReadyForUpgrade = True";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
