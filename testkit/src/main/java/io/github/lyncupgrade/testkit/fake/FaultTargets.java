package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, when a fake is built, that every fault strikes something its topology has: a fault
 * aimed elsewhere would never fire, and a test that trusts it would pass without the failure it
 * meant to inject. Servers are Front Ends, Standard Edition servers and Back Ends; readiness and
 * fabric faults need an Enterprise pool, a held-back domain one of the pool's upgrade domains, a
 * database left behind one of the pool's own databases; a crash after an operation needs a target
 * of the kind that operation names ({@link Operation.Target}).
 */
final class FaultTargets {
  private final Topology topology;
  private final Set<Fqdn> servers = new HashSet<>();
  private final Set<Fqdn> sqlServers = new HashSet<>();

  private FaultTargets(Topology topology) {
    this.topology = topology;
    for (Pool pool : topology.pools()) {
      pool.frontEnds().stream().map(Server::fqdn).forEach(servers::add);
      servers.add(pool.backEndHost());
      sqlServers.add(pool.databaseTarget());
    }
  }

  /**
   * @throws IllegalArgumentException naming every fault of {@code faults} that strikes nothing of {@code topology},
   *     with what it names that the topology does not have
   */
  static void check(Topology topology, List<Fault> faults) {
    FaultTargets targets = new FaultTargets(topology);
    List<String> problems = new ArrayList<>();
    for (Fault fault : faults) {
      targets.problemOf(fault).ifPresent(problem -> problems.add(problem + " (" + fault.describe() + ")"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("faults name what the fake's topology does not have: "
          + String.join("; ", problems));
    }
  }

  private Optional<String> problemOf(Fault fault) {
    if (fault instanceof Fault.BeforeDomain held) {
      return domain(held.pool(), held.upgradeDomain()).or(() -> problemOf(held.fault()));
    }
    if (fault instanceof Fault.DomainNotReady held) {
      return domain(held.pool(), held.upgradeDomain());
    }
    if (fault instanceof Fault.DatabaseUpdateIncomplete incomplete) {
      return database(incomplete.pool(), incomplete.database());
    }
    if (fault instanceof Fault.SyntheticTransactionsFail failing) {
      return pool(failing.pool()).isPresent() ? Optional.empty() : noSuch(failing.pool(), "pool");
    }
    if (fault instanceof Fault.PoolFault readiness) { // Busy, BusyLater, InsufficientActiveFrontEnds, the fabric's
      return readinessPool(readiness.pool());
    }
    if (fault instanceof Fault.CrashAfter crash) {
      return target(crash.operation(), crash.target());
    }
    if (fault instanceof Fault.InstallFails install) {
      return server(install.server());
    }
    if (fault instanceof Fault.InstallRequiresRestart install) {
      return server(install.server());
    }
    if (fault instanceof Fault.NeverComesBack lost) {
      return server(lost.server());
    }
    if (fault instanceof Fault.ServicesFailToStart stuck) {
      return server(stuck.server());
    }
    if (fault instanceof Fault.CrashAfterCall || fault instanceof Fault.CallFails) {
      return Optional.empty(); // they strike a call by its number, whatever it names
    }
    throw new AssertionError("FaultTargets does not know what " + fault.getClass().getSimpleName() + " strikes");
  }

  private Optional<Pool> pool(Fqdn pool) {
    return topology.pool(pool);
  }

  /** Readiness and fabric faults act on what only an Enterprise pool has (FE-1, FE-2, CR-2, CR-3). */
  private Optional<String> readinessPool(Fqdn pool) {
    Optional<Pool> found = pool(pool);
    if (found.isEmpty()) {
      return noSuch(pool, "pool");
    }
    return found.get() instanceof EnterprisePool ? Optional.empty()
        : Optional.of(pool + " is a Standard Edition pool, without the upgrade domains and fabric this fault acts on");
  }

  private Optional<String> domain(Fqdn pool, String upgradeDomain) {
    return readinessPool(pool).or(() -> ((EnterprisePool) pool(pool).orElseThrow()).upgradeDomain(upgradeDomain)
        .isPresent() ? Optional.empty() : Optional.of(upgradeDomain + " is no upgrade domain of " + pool));
  }

  private Optional<String> database(Fqdn pool, String database) {
    if (pool(pool).isEmpty()) {
      return noSuch(pool, "pool");
    }
    return FakeDatabases.POOL_DATABASES.contains(database) ? Optional.empty() : Optional.of(database
        + " is no database of " + pool + ", whose own databases are " + String.join(", ", FakeDatabases.POOL_DATABASES));
  }

  private Optional<String> server(Fqdn server) {
    return servers.contains(server) ? Optional.empty() : noSuch(server, "server");
  }

  private Optional<String> target(Operation operation, Fqdn target) {
    boolean known = switch (operation.target()) {
      case SERVER -> servers.contains(target);
      case POOL -> pool(target).isPresent();
      case SQL_SERVER -> sqlServers.contains(target);
    };
    String hint = operation.target() == Operation.Target.SQL_SERVER
        ? " (a pool's databases are reached through its AlwaysOn listener where it has one, else its Back End)" : "";
    return known ? Optional.empty() : Optional.of(target + " is no " + operation.target() + " of the fake's topology"
        + hint + ", which " + operation + " is aimed at");
  }

  private static Optional<String> noSuch(Fqdn name, String what) {
    return Optional.of(name + " is no " + what + " of the fake's topology");
  }
}
