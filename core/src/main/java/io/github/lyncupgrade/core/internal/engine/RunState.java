package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run knows about the deployment beyond step statuses: which pools are failed over, and
 * which Front Ends are between stop and verify (an open chain), so that no two upgrade
 * domains of a pool are ever down at once (FE-0), whatever the plan says.
 */
final class RunState {
  private final Set<Fqdn> failedOver = new HashSet<>();
  private final Map<Fqdn, Map<String, Set<Fqdn>>> openChains = new HashMap<>();

  synchronized boolean isFailedOver(Fqdn pool) {
    return failedOver.contains(pool);
  }

  /** The pools whose users the run knows to be on their partners now. */
  synchronized Set<Fqdn> failedOverPools() {
    return Set.copyOf(failedOver);
  }

  synchronized void setFailedOver(Fqdn pool, boolean isFailedOver) {
    if (isFailedOver) {
      failedOver.add(pool);
    } else {
      failedOver.remove(pool);
    }
  }

  /**
   * Opens {@code server}'s chain in {@code domain}, unless another domain of the pool has a
   * server down; then says which.
   */
  synchronized Optional<String> openChain(Fqdn pool, String domain, Fqdn server) {
    Map<String, Set<Fqdn>> domains = openChains.computeIfAbsent(pool, p -> new HashMap<>());
    for (Map.Entry<String, Set<Fqdn>> open : domains.entrySet()) {
      if (!open.getKey().equals(domain) && !open.getValue().isEmpty()) {
        return Optional.of("upgrade domain " + open.getKey() + " of " + pool + " still has " + open.getValue()
            + " down; stopping " + server + " of " + domain + " would put two domains down at once (FE-0)");
      }
    }
    domains.computeIfAbsent(domain, d -> new HashSet<>()).add(server);
    return Optional.empty();
  }

  /** The Front Ends of {@code pool} between stop (or failover) and verify. */
  synchronized Set<Fqdn> openServers(Fqdn pool) {
    Set<Fqdn> open = new HashSet<>();
    openChains.getOrDefault(pool, Map.of()).values().forEach(open::addAll);
    return open;
  }

  synchronized void closeChain(Fqdn pool, String domain, Fqdn server) {
    Set<Fqdn> open = openChains.getOrDefault(pool, Map.of()).get(domain);
    if (open != null) {
      open.remove(server);
    }
  }
}
