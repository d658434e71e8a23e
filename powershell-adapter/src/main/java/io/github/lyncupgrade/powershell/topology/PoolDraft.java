package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One user pool as the document, then the overlay, describe it, every value with where it came
 * from. Values are kept as written: the core model checks them when the topology is built, and
 * its problems are reported at these locations.
 */
final class PoolDraft {
  /** A Front End of an upgrade domain. */
  record FrontEnd(String fqdn, SourceLocation location) {}

  /** An upgrade domain with its Front Ends in topology order. */
  record Domain(String name, List<FrontEnd> frontEnds) {}

  /** A value with where it came from. */
  record Located(String value, SourceLocation location) {}

  final String fqdn;
  final SourceLocation location;
  final boolean standard;
  final ProductVersion product;
  /** The pool's {@code UserStore} service: where its Back End is named. */
  final SourceLocation store;
  final List<Domain> domains = new ArrayList<>();
  final Set<CollocatedDatabase> collocated = EnumSet.noneOf(CollocatedDatabase.class);
  /** The SQL instance of the pool's {@code UserStore}. */
  String storeInstanceKey;
  Located server;
  Located sqlServer;
  Located sqlInstance;
  Located listener;
  Located mirror;
  Located partner;

  PoolDraft(String fqdn, SourceLocation location, boolean standard, ProductVersion product, SourceLocation store) {
    this.fqdn = fqdn;
    this.location = location;
    this.standard = standard;
    this.product = product;
    this.store = store;
  }

  /** The pool for the topology builder, its values' locations recorded under {@code path}. */
  Pool.Builder toBuilder(String path, Locations locations) {
    locations.put(path, location, null);
    locations.put(path + ".fqdn", location, fqdn);
    Pool.Builder pool = (standard ? Pool.standard(fqdn) : Pool.enterprise(fqdn)).product(product);
    for (int j = 0; j < domains.size(); j++) {
      Domain domain = domains.get(j);
      String domainPath = path + ".upgradeDomains[" + j + "]";
      locations.put(domainPath, domain.frontEnds().get(0).location(), null);
      List<String> servers = new ArrayList<>();
      for (int k = 0; k < domain.frontEnds().size(); k++) {
        FrontEnd frontEnd = domain.frontEnds().get(k);
        locations.put(domainPath + ".servers[" + k + "]", frontEnd.location(), frontEnd.fqdn());
        servers.add(frontEnd.fqdn());
      }
      pool.upgradeDomain(domain.name(), servers);
    }
    if (server != null) {
      locations.put(path + ".servers", server.location(), null);
      locations.put(path + ".servers[0]", server.location(), server.value());
      pool.server(server.value());
    }
    if (sqlServer != null) {
      locations.put(path + ".backEnd", store, null);
      locations.put(path + ".backEnd.sqlServer", sqlServer.location(), sqlServer.value());
      pool.backEnd(sqlServer.value(), collocated.toArray(CollocatedDatabase[]::new));
    }
    if (sqlInstance != null) {
      locations.put(path + ".backEnd.sqlInstance", sqlInstance.location(), sqlInstance.value());
      pool.sqlInstance(sqlInstance.value());
    }
    if (listener != null) {
      locations.put(path + ".backEnd.listener", listener.location(), listener.value());
      pool.alwaysOnListener(listener.value());
    }
    if (mirror != null) {
      locations.put(path + ".backEnd.mirror", mirror.location(), mirror.value());
      pool.mirroredTo(mirror.value());
    }
    if (partner != null) {
      locations.put(path + ".partnerPool", partner.location(), partner.value());
      pool.partnerPool(partner.value());
    }
    return pool;
  }
}
