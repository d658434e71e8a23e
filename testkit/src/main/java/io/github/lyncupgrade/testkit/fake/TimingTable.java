package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@link FakeTimings} each server and pool of a fake takes: a server its own, else its
 * pool's, else the fake's; a pool its own, else the fake's. An operation on a server (its stop,
 * install, restart, the readiness cmdlet run on it, {@code Install-CsDatabase} on a Back End) takes
 * the server's; an operation on a pool (failover, fabric, rebalancing after a Front End comes
 * back) the pool's.
 */
final class TimingTable {
  private final FakeTimings defaults;
  private final Map<Fqdn, FakeTimings> own;

  /**
   * @throws IllegalArgumentException naming every one of {@code own}'s names that is neither a server nor a pool of
   *     {@code topology}
   */
  TimingTable(Topology topology, FakeTimings defaults, Map<Fqdn, FakeTimings> own) {
    Set<Fqdn> known = new HashSet<>();
    for (Pool pool : topology.pools()) {
      known.add(pool.fqdn());
      known.add(pool.backEndHost());
      pool.frontEnds().forEach(server -> known.add(server.fqdn()));
    }
    List<Fqdn> unknown = own.keySet().stream().filter(name -> !known.contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("timings are given for " + unknown + ", which "
          + (unknown.size() == 1 ? "is" : "are") + " no server or pool of the fake's topology");
    }
    this.defaults = defaults;
    this.own = new LinkedHashMap<>(own);
  }

  FakeTimings ofPool(Fqdn pool) {
    return own.getOrDefault(pool, defaults);
  }

  FakeTimings ofServer(Fqdn server, Fqdn pool) {
    return own.getOrDefault(server, ofPool(pool));
  }
}
