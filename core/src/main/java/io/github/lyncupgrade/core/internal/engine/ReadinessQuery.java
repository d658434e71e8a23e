package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.run.Executor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code Get-CsPoolUpgradeReadinessState} (or 2019's {@code Get-CsUpgradeDomainInfo}), which only runs locally on a Front End of the
 * pool: on the host the plan chose, and if that one cannot answer, on the pool's other Front
 * Ends in topology order, those of the domain about to be stopped last.
 */
final class ReadinessQuery {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

  private final Topology topology;
  private final LyncDeployment deployment;

  ReadinessQuery(Topology topology, LyncDeployment deployment) {
    this.topology = topology;
    this.deployment = deployment;
  }

  PoolReadiness ask(Fqdn pool, Fqdn preferred, String upgradeDomain) {
    DeploymentException first = null;
    ProductVersion product = topology.pool(pool).orElseThrow().product();
    for (Fqdn host : hosts(pool, preferred, upgradeDomain)) {
      try {
        return deployment.poolReadiness(pool, host, product);
      } catch (DeploymentException e) {
        LOG.warn("{} could not run on {}; trying another Front End: {}", product.readinessCmdlet(), host,
            e.getMessage());
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  private List<Fqdn> hosts(Fqdn pool, Fqdn preferred, String upgradeDomain) {
    Set<Fqdn> hosts = new LinkedHashSet<>();
    hosts.add(preferred);
    EnterprisePool enterprise = (EnterprisePool) topology.pool(pool).orElseThrow();
    List<Fqdn> inDomain = new ArrayList<>();
    for (Server server : enterprise.frontEnds()) {
      boolean about = enterprise.upgradeDomain(upgradeDomain).map(domain -> domain.contains(server)).orElse(false);
      if (about) {
        inDomain.add(server.fqdn());
      } else {
        hosts.add(server.fqdn());
      }
    }
    hosts.addAll(inDomain);
    return List.copyOf(hosts);
  }
}
