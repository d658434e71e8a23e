package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.ServerStep;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * CR-1 at run time: before a Front End is stopped or failed over, asks the deployment which of
 * the pool's Front Ends run and refuses the stop if the pool would fall below Microsoft's quorum
 * table, whatever the plan says (a server may have failed, or be down for another reason). A
 * Front End whose status cannot be read counts as not running.
 *
 * <p>Locking: never call the deployment or the clock while holding a lock. A remote round trip
 * per Front End takes seconds, and under a virtual clock it takes virtual time, which cannot pass
 * while another step waits for the lock. So the Front Ends are asked with no lock held, and the
 * answer is committed under the pool's own lock only if no server of the pool went down or came
 * back meanwhile; otherwise they are asked again. Two servers of a domain that stop at once thus
 * each count the other as down (FE-0 and CR-1 checked together).
 */
final class QuorumGuard {
  private final Topology topology;
  private final LyncDeployment deployment;
  private final RunState state;
  private final Map<Fqdn, Object> poolLocks = new ConcurrentHashMap<>();

  QuorumGuard(Topology topology, LyncDeployment deployment, RunState state) {
    this.topology = topology;
    this.deployment = deployment;
    this.state = state;
  }

  /**
   * Opens {@code step}'s chain (FE-0: never two domains down) when stopping its server keeps the
   * pool's quorum (CR-1); otherwise says why not and leaves the chain closed.
   */
  Optional<String> openChainIfSafe(ServerStep step) {
    Fqdn poolFqdn = step.pool();
    String domain = step.scope().upgradeDomain().orElseThrow();
    if (!(topology.pool(poolFqdn).orElseThrow() instanceof EnterprisePool pool) || pool.frontEnds().size() < 2) {
      return state.openChain(poolFqdn, domain, step.target());
    }
    while (true) {
      Set<Fqdn> down = state.openServers(poolFqdn);
      Set<Fqdn> running = running(pool, step.target(), down);
      synchronized (poolLocks.computeIfAbsent(poolFqdn, key -> new Object())) {
        if (state.openServers(poolFqdn).equals(down)) {
          Optional<String> belowQuorum = belowQuorum(pool, step.target(), running);
          return belowQuorum.isPresent() ? belowQuorum : state.openChain(poolFqdn, domain, step.target());
        }
      }
    }
  }

  /** The pool's Front Ends that run, {@code stopping} and those {@code down} aside; asked with no lock held. */
  private Set<Fqdn> running(EnterprisePool pool, Fqdn stopping, Set<Fqdn> down) {
    Set<Fqdn> running = new HashSet<>();
    for (Server server : pool.frontEnds()) {
      if (!server.fqdn().equals(stopping) && !down.contains(server.fqdn()) && runs(server.fqdn())) {
        running.add(server.fqdn());
      }
    }
    return running;
  }

  private Optional<String> belowQuorum(EnterprisePool pool, Fqdn stopping, Set<Fqdn> runningFqdns) {
    Set<Server> running = pool.frontEnds().stream().filter(server -> runningFqdns.contains(server.fqdn()))
        .collect(Collectors.toSet());
    PoolQuorum quorum = PoolQuorum.of(pool);
    if (quorum.isMetBy(pool.frontEnds(), running)) {
      return Optional.empty();
    }
    List<Fqdn> first = pool.frontEnds().stream().limit(quorum.amongFirst()).map(Server::fqdn).toList();
    return Optional.of("stopping " + stopping + " would leave " + quorum.countedAmong(pool.frontEnds(), running)
        + " of the first " + quorum.amongFirst() + " Front Ends of " + pool.fqdn() + " running, and the pool needs "
        + quorum + " (CR-1); running now: " + running.stream().map(Server::fqdn).filter(first::contains)
            .map(Fqdn::toString).sorted().collect(Collectors.joining(", ", "[", "]"))
        + ". Bring the stopped Front Ends back before resuming");
  }

  private boolean runs(Fqdn server) {
    try {
      return deployment.serverStatus(server).servicesRunning();
    } catch (DeploymentException e) {
      return false;
    }
  }
}
