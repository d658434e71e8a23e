package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A fake deployment's servers and pools, built from its topology, found by name. A Back End that
 * stores several pools is one server.
 */
final class Inventory implements FaultInjector.DomainProgress {
  private final Map<Fqdn, FakeServer> servers = new LinkedHashMap<>();
  private final Map<Fqdn, FakePool> pools = new LinkedHashMap<>();

  Inventory(Topology topology, Function<Pool, BuildVersion> initialVersion, TimingTable timings,
      boolean mirroredUpdateSupported, Calls calls, FaultInjector faults) {
    for (Pool pool : topology.pools()) {
      BuildVersion initial = initialVersion.apply(pool);
      FakePool fake = new FakePool(pool, initial, timings.ofPool(pool.fqdn()), calls, faults, mirroredUpdateSupported);
      pools.put(pool.fqdn(), fake);
      Function<Fqdn, FakeTimings> timingsOf = server -> timings.ofServer(server, pool.fqdn());
      if (pool instanceof EnterprisePool enterprise) {
        for (UpgradeDomain domain : enterprise.upgradeDomains()) {
          for (Server server : domain.servers()) {
            servers.put(server.fqdn(), new FakeServer(server.fqdn(), fake, domain.name(), FakeServer.Role.FRONT_END,
                initial, timingsOf.apply(server.fqdn()), calls, faults));
          }
        }
        servers.computeIfAbsent(pool.backEndHost(), host -> new FakeServer(host, fake, "", FakeServer.Role.BACK_END,
            initial, timingsOf.apply(host), calls, faults)).stores(fake);
      } else {
        servers.put(pool.backEndHost(), new FakeServer(pool.backEndHost(), fake, "",
            FakeServer.Role.STANDARD_EDITION, initial, timingsOf.apply(pool.backEndHost()), calls, faults));
      }
      fake.servers(pool.frontEnds().stream().map(server -> servers.get(server.fqdn())).toList(),
          servers.get(pool.backEndHost()));
    }
  }

  int serverCount() {
    return servers.size();
  }

  Optional<FakeServer> findServer(Fqdn server) {
    return Optional.ofNullable(servers.get(server));
  }

  Optional<FakePool> findPool(Fqdn pool) {
    return Optional.ofNullable(pools.get(pool));
  }

  /** The server {@code server}, for a call. */
  FakeServer server(Fqdn server) {
    return findServer(server).orElseThrow(() ->
        new DeploymentException("look up", server, server + " is not a server of this fake's topology"));
  }

  /** The server {@code server}, once it is known to answer {@code operation}. */
  FakeServer reachable(Operation operation, Fqdn server) {
    return server(server).reachable(operation);
  }

  /** The pool {@code pool}, for a call. */
  FakePool pool(Fqdn pool) {
    return findPool(pool).orElseThrow(() ->
        new DeploymentException("look up", pool, pool + " is not a pool of this fake's topology"));
  }

  @Override
  public boolean isNext(Fqdn pool, String upgradeDomain) {
    return pool(pool).domainIsNext(upgradeDomain);
  }
}
