package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a topology, with the path of the element it concerns, for example
 * {@code pools[1].upgradeDomains[0]: upgrade domain 'UD1' has no servers}.
 *
 * @param path where the problem is, in the shape of the builder calls: {@code pools[i]},
 *     {@code .upgradeDomains[j]}, {@code .servers[k]}, {@code .backEnd}, {@code .partnerPool}
 * @param kind what sort of problem it is, for programs that react to it
 * @param message what is wrong and, where it helps, what to do, in an operator's words
 */
public record TopologyProblem(String path, Kind kind, String message) {
  /** Rejects nulls. */
  public TopologyProblem {
    requireNonNull(path, "path");
    requireNonNull(kind, "kind");
    requireNonNull(message, "message");
  }

  /** The kinds of problem a topology can have. */
  public enum Kind {
    /** The topology has no pool. */
    EMPTY_TOPOLOGY,
    /** A pool, server or SQL Server name is not an RFC 1123 FQDN, or is missing. */
    MALFORMED_FQDN,
    /** The same FQDN names two different things in the topology. */
    DUPLICATE_FQDN,
    /** One Front End server is listed in two upgrade domains of its pool (T-2: disjoint). */
    SERVER_IN_TWO_DOMAINS,
    /** An Enterprise pool has no upgrade domain. */
    NO_UPGRADE_DOMAINS,
    /** An upgrade domain has no server. */
    EMPTY_UPGRADE_DOMAIN,
    /** An upgrade domain's name is missing or has characters other than letters, digits, {@code _.:-}. */
    INVALID_DOMAIN_NAME,
    /** Two upgrade domains of one pool have the same name. */
    DUPLICATE_DOMAIN_NAME,
    /** An Enterprise pool lists a server outside any upgrade domain. */
    FRONT_END_WITHOUT_DOMAIN,
    /** An Enterprise pool has more Front End servers than its product supports (12, or 16 for 2019). */
    TOO_MANY_FRONT_ENDS,
    /** An Enterprise pool has no Back End SQL Server. */
    MISSING_BACK_END,
    /** Two pools name the same SQL Server store (server and instance). */
    SHARED_BACK_END,
    /** A SQL Server instance name is not a valid instance name. */
    INVALID_SQL_INSTANCE,
    /** A Standard Edition pool has upgrade domains. */
    STANDARD_WITH_UPGRADE_DOMAINS,
    /** A Standard Edition pool names more than one server. */
    STANDARD_SERVER_COUNT,
    /** A Standard Edition pool names a Back End SQL Server (it holds its own databases). */
    STANDARD_WITH_BACK_END,
    /** A pool's disaster-recovery partner is not a pool of the topology. */
    UNKNOWN_PARTNER,
    /** A pool names itself as its disaster-recovery partner. */
    SELF_PARTNER,
    /** A pool's partner does not name it back as its partner. */
    PARTNER_NOT_RECIPROCAL,
    /** The two pools of a disaster-recovery pair run different products. */
    PARTNER_PRODUCT_MISMATCH,
    /** An AlwaysOn Back End store does not name its availability group listener. */
    MISSING_LISTENER,
    /** A Back End store is named both mirrored and AlwaysOn; it is one or the other. */
    MIRRORED_AND_ALWAYS_ON,
    /** The pool named as the Central Management Store's host is not a pool of the topology. */
    UNKNOWN_CENTRAL_MANAGEMENT_STORE_POOL
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
