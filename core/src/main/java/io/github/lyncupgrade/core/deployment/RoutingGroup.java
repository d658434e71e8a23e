package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.List;

/**
 * One routing group of a pool as {@code Get-CsPoolFabricState} reports it: the Front End that
 * holds its primary replica and those that hold its secondaries.
 *
 * @param id the routing group's id
 * @param primary the Front End with the primary replica
 * @param secondaries the Front Ends with secondary replicas, in the order reported
 */
public record RoutingGroup(String id, Fqdn primary, List<Fqdn> secondaries) {
  /** Rejects nulls; copies the list. */
  public RoutingGroup {
    requireNonNull(id, "id");
    requireNonNull(primary, "primary");
    secondaries = List.copyOf(secondaries);
  }

  @Override
  public String toString() {
    return id + ": primary " + primary + ", secondaries " + secondaries;
  }
}
