package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.core.model.BackEndStore;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.UpgradeDomain;

/** A pool rebuilt through the public builder, without its disaster-recovery partner: what a document alone says. */
final class PoolCopies {
  private PoolCopies() {}

  static Pool.Builder withoutPartner(Pool pool) {
    if (pool instanceof StandardEditionPool standard) {
      return Pool.standard(pool.fqdn().toString()).server(standard.server().toString()).product(pool.product());
    }
    EnterprisePool enterprise = (EnterprisePool) pool;
    Pool.Builder copy = Pool.enterprise(pool.fqdn().toString()).product(pool.product());
    for (UpgradeDomain domain : enterprise.upgradeDomains()) {
      copy.upgradeDomain(domain.name(), domain.servers().stream().map(Server::toString).toList());
    }
    BackEndStore store = enterprise.backEnd();
    copy.backEnd(store.sqlServer().toString(), store.collocatedDatabases().toArray(CollocatedDatabase[]::new));
    store.instanceName().ifPresent(copy::sqlInstance);
    store.mirror().ifPresent(mirror -> copy.mirroredTo(mirror.toString()));
    store.listener().ifPresent(listener -> copy.alwaysOnListener(listener.toString()));
    return copy;
  }
}
