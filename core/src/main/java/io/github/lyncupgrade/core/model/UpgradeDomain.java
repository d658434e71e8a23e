package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named, disjoint subset of an Enterprise Edition pool's Front End servers that is upgraded
 * as one (PROCEDURE T-2, FE-0). Topology Builder creates upgrade domains; this SDK only reads
 * them. Immutable and thread-safe; built and validated by {@link Pool.Builder}.
 *
 * @param name the domain's name as Topology Builder shows it, for example {@code UpgradeDomain1}
 * @param servers the domain's Front End servers, in topology order; never empty
 */
public record UpgradeDomain(String name, List<Server> servers) {
  /** Copies {@code servers}; validation of the content happens when the pool is built. */
  public UpgradeDomain {
    requireNonNull(name, "name");
    servers = List.copyOf(servers);
  }

  /** Whether {@code server} belongs to this domain. */
  public boolean contains(Server server) {
    return servers.contains(server);
  }
}
