package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.List;
import java.util.Optional;

/**
 * What {@code Get-CsPoolUpgradeReadinessState} reports for a pool: its upgrade state, how many
 * Front Ends it has and how many are active, and each upgrade domain's readiness.
 *
 * @param pool the pool
 * @param state the pool's upgrade state (FE-1)
 * @param frontEndCount the number of Front End servers in the pool
 * @param activeFrontEnds the number currently active
 * @param upgradeDomains each upgrade domain with its Front Ends and {@code ReadyForUpgrade} (FE-2)
 */
public record PoolReadiness(Fqdn pool, PoolUpgradeState state, int frontEndCount, int activeFrontEnds,
    List<DomainReadiness> upgradeDomains) {
  /** Rejects nulls; copies the list. */
  public PoolReadiness {
    requireNonNull(pool, "pool");
    requireNonNull(state, "state");
    upgradeDomains = List.copyOf(upgradeDomains);
  }

  /** The domain named {@code name}, if reported. */
  public Optional<DomainReadiness> upgradeDomain(String name) {
    return upgradeDomains.stream().filter(domain -> domain.name().equals(name)).findFirst();
  }

  /** Whether the domain named {@code name} is reported and ReadyForUpgrade. */
  public boolean isReadyForUpgrade(String name) {
    return upgradeDomain(name).map(DomainReadiness::readyForUpgrade).orElse(false);
  }
}
