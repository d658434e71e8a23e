package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.ServerStep;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CR-1 at run time: before a Front End is stopped or failed over, asks the deployment which of
 * the pool's Front Ends run and refuses the stop if the pool would fall below Microsoft's quorum
 * table, whatever the plan says (a server may have failed, or be down for another reason). The
 * check and the opening of the server's chain happen together, so two servers of a domain that
 * stop at once each count the other as down.
 */
final class QuorumGuard {
  private final Topology topology;
  private final LyncDeployment deployment;
  private final RunState state;

  QuorumGuard(Topology topology, LyncDeployment deployment, RunState state) {
    this.topology = topology;
    this.deployment = deployment;
    this.state = state;
  }

  /**
   * Opens {@code step}'s chain (FE-0: never two domains down) when stopping its server keeps the
   * pool's quorum (CR-1); otherwise says why not and leaves the chain closed.
   */
  synchronized Optional<String> openChainIfSafe(ServerStep step) {
    String domain = step.scope().upgradeDomain().orElseThrow();
    Optional<String> belowQuorum = belowQuorum(step.pool(), step.target());
    if (belowQuorum.isPresent()) {
      return belowQuorum;
    }
    return state.openChain(step.pool(), domain, step.target());
  }

  private Optional<String> belowQuorum(Fqdn poolFqdn, Fqdn stopping) {
    if (!(topology.pool(poolFqdn).orElseThrow() instanceof EnterprisePool pool) || pool.frontEnds().size() < 2) {
      return Optional.empty();
    }
    Set<Fqdn> down = state.openServers(poolFqdn);
    Set<Server> running = new HashSet<>();
    for (Server server : pool.frontEnds()) {
      if (!server.fqdn().equals(stopping) && !down.contains(server.fqdn()) && runs(server.fqdn())) {
        running.add(server);
      }
    }
    PoolQuorum quorum = PoolQuorum.of(pool);
    if (quorum.isMetBy(pool.frontEnds(), running)) {
      return Optional.empty();
    }
    List<Fqdn> first = pool.frontEnds().stream().limit(quorum.amongFirst()).map(Server::fqdn).toList();
    return Optional.of("stopping " + stopping + " would leave " + quorum.countedAmong(pool.frontEnds(), running)
        + " of the first " + quorum.amongFirst() + " Front Ends of " + poolFqdn + " running, and the pool needs "
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
