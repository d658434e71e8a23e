package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.List;

/**
 * One upgrade domain as {@code Get-CsPoolUpgradeReadinessState} reports it (FE-2).
 *
 * @param name the upgrade domain's name
 * @param frontEnds its Front End servers
 * @param readyForUpgrade whether its servers can be upgraded safely now
 */
public record DomainReadiness(String name, List<Fqdn> frontEnds, boolean readyForUpgrade) {
  /** Rejects nulls; copies the list. */
  public DomainReadiness {
    requireNonNull(name, "name");
    frontEnds = List.copyOf(frontEnds);
  }
}
