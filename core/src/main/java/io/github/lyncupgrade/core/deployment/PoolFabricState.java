package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code Get-CsPoolFabricState -PoolFqdn} reports: each routing group's primary and
 * secondaries, and the routing groups whose replicas are missing (CR-2, CR-3).
 *
 * @param pool the pool
 * @param routingGroups the routing groups with their replicas, in the order reported
 * @param missingReplicas the ids of routing groups reported with replicas missing
 */
public record PoolFabricState(Fqdn pool, List<RoutingGroup> routingGroups, List<String> missingReplicas) {
  /** Rejects nulls; copies the lists. */
  public PoolFabricState {
    requireNonNull(pool, "pool");
    routingGroups = List.copyOf(routingGroups);
    missingReplicas = List.copyOf(missingReplicas);
  }

  /** Whether any routing group is missing replicas. */
  public boolean hasMissingReplicas() {
    return !missingReplicas.isEmpty();
  }

  /**
   * How the routing groups' primaries and secondaries differ from {@code before}, one line per
   * routing group that moved, appeared or disappeared; empty when they are the same.
   */
  public List<String> changesSince(PoolFabricState before) {
    requireNonNull(before, "before");
    Map<String, RoutingGroup> then = before.routingGroups.stream()
        .collect(Collectors.toMap(RoutingGroup::id, Function.identity(), (a, b) -> a));
    Map<String, RoutingGroup> now = routingGroups.stream()
        .collect(Collectors.toMap(RoutingGroup::id, Function.identity(), (a, b) -> a));
    List<String> changes = new ArrayList<>();
    for (RoutingGroup old : before.routingGroups) {
      RoutingGroup current = now.get(old.id());
      if (current == null) {
        changes.add("routing group " + old.id() + " is no longer reported (was " + old + ")");
      } else if (!current.equals(old)) {
        changes.add("routing group " + old.id() + " moved: primary " + old.primary() + " -> " + current.primary()
            + ", secondaries " + old.secondaries() + " -> " + current.secondaries());
      }
    }
    routingGroups.stream().filter(group -> !then.containsKey(group.id()))
        .forEach(group -> changes.add("routing group " + group.id() + " appeared: " + group));
    return changes;
  }
}
