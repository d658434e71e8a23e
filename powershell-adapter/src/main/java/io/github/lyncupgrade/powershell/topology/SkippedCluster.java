package io.github.lyncupgrade.powershell.topology;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cluster of the document that is not a pool this SDK upgrades, listed so the operator sees
 * that nothing was lost: Edge, Director and Mediation pools, SQL and file servers that are no
 * pool's Back End, Office Web Apps, PSTN gateways, branch appliances, and clusters of roles the
 * reader does not know. Immutable and thread-safe.
 *
 * @param kind what the cluster is
 * @param fqdn its FQDN as the document writes it (not checked: it is not used)
 * @param servers how many servers (machines) it has, at least 1
 * @param roles the roles of the services installed on it, as the document names them
 * @param location where the cluster is
 */
public record SkippedCluster(Kind kind, String fqdn, int servers, List<String> roles, SourceLocation location) {
  /** Rejects nulls; copies the roles. */
  public SkippedCluster {
    requireNonNull(kind, "kind");
    requireNonNull(fqdn, "fqdn");
    requireNonNull(location, "location");
    roles = List.copyOf(roles);
  }

  /** What a skipped cluster is, named as the summary counts it. */
  public enum Kind {
    /** An Edge pool or server ({@code EdgeServer}). */
    EDGE("Edge server", "Edge servers"),
    /** A Director pool (a Registrar with {@code IsDirector="true"}, no user services). */
    DIRECTOR("Director", "Directors"),
    /** A stand-alone Mediation pool ({@code MediationServer} without user services). */
    MEDIATION("Mediation server", "Mediation servers"),
    /** A cluster in a branch site: a Survivable Branch Appliance or Server. */
    BRANCH_APPLIANCE("branch appliance", "branch appliances"),
    /** Office Web Apps or Office Online Server ({@code WacService}). */
    OFFICE_WEB_APPS("Office Web Apps server", "Office Web Apps servers"),
    /** A PSTN gateway ({@code PstnGateway}). */
    PSTN_GATEWAY("PSTN gateway", "PSTN gateways"),
    /** A file server holding a {@code FileStore}. */
    FILE_STORE("file server", "file servers"),
    /** A SQL Server that is no user pool's Back End (Archiving or Monitoring only, say). */
    SQL_SERVER("SQL server that is no pool's Back End", "SQL servers that are no pool's Back End"),
    /** A cluster with services of roles this reader does not classify (named in {@link #roles()}). */
    OTHER_ROLE("server of another role", "servers of other roles"),
    /** A cluster with no service and no SQL instance installed on it. */
    NO_ROLE("server with no Lync role", "servers with no Lync role");

    private final String singular;
    private final String plural;

    Kind(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }

    String count(int servers) {
      return servers + " " + (servers == 1 ? singular : plural);
    }
  }

  /**
   * One line for the operator: {@code skipped: 3 Edge servers, 1 Office Web Apps server, 2 file
   * servers} (servers counted per kind, kinds in a fixed order), or {@code skipped: nothing}.
   */
  public static String summary(List<SkippedCluster> skipped) {
    if (skipped.isEmpty()) {
      return "skipped: nothing (every cluster is a user pool or a pool's Back End)";
    }
    Map<Kind, Integer> servers = new EnumMap<>(Kind.class);
    skipped.forEach(cluster -> servers.merge(cluster.kind(), cluster.servers(), Integer::sum));
    return "skipped: " + servers.entrySet().stream().map(entry -> entry.getKey().count(entry.getValue()))
        .collect(Collectors.joining(", "));
  }
}
