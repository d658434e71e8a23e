package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a live deployment's topology: pools and editions, Front Ends in their upgrade domains
 * (from {@code Get-CsPoolUpgradeReadinessState}, run on a Front End of each pool), Back End
 * stores with their collocated databases, and disaster-recovery partners. The result is built
 * and validated like any topology, so a deployment the SDK cannot upgrade safely is refused with
 * every problem listed.
 */
public final class TopologyDiscovery {
  private TopologyDiscovery() {}

  /**
   * The topology the deployment behind {@code session} reports.
   *
   * @throws PowerShellException if the discovery script fails or cannot run
   * @throws InvalidTopologyException if what it reports is not a valid topology
   */
  public static Topology discover(PowerShellSession session) {
    requireNonNull(session, "session");
    PsReply reply = session.invoke(PsInvocation.of(PsScript.named("topology")));
    if (!reply.succeeded()) {
      throw new PowerShellException("the topology could not be read: " + reply.errors(), session.stderrTail());
    }
    return fromRecords(reply.objects());
  }

  static Topology fromRecords(List<Map<String, String>> records) {
    Map<String, Pool.Builder> pools = new LinkedHashMap<>();
    for (Map<String, String> record : records) {
      if ("Pool".equals(record.get("Kind"))) {
        pools.put(key(record.get("Fqdn")), pool(record));
      }
    }
    for (Map<String, String> record : records) {
      if ("Domain".equals(record.get("Kind"))) {
        Pool.Builder pool = pools.get(key(record.get("Pool")));
        if (pool == null) {
          throw new PowerShellException("an upgrade domain names the unknown pool " + record.get("Pool"), "");
        }
        pool.upgradeDomain(record.get("Name"), list(record.get("FrontEnds")));
      }
    }
    Topology.Builder topology = Topology.builder();
    pools.values().forEach(topology::pool);
    return topology.build();
  }

  private static Pool.Builder pool(Map<String, String> record) {
    String fqdn = record.get("Fqdn");
    if ("Standard".equals(record.get("Edition"))) {
      Pool.Builder pool = Pool.standard(fqdn);
      list(record.get("Servers")).forEach(pool::server);
      partner(pool, record);
      return pool;
    }
    CollocatedDatabase[] collocated = list(record.get("Collocated")).stream()
        .map(name -> CollocatedDatabase.valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)))
        .toArray(CollocatedDatabase[]::new);
    Pool.Builder pool = Pool.enterprise(fqdn).backEnd(record.get("SqlServer"), collocated);
    String instance = record.getOrDefault("SqlInstance", "");
    if (!instance.isBlank()) {
      pool.sqlInstance(instance);
    }
    partner(pool, record);
    return pool;
  }

  private static void partner(Pool.Builder pool, Map<String, String> record) {
    String partner = record.getOrDefault("Partner", "");
    if (!partner.isBlank()) {
      pool.partnerPool(partner);
    }
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  private static String key(String fqdn) {
    return String.valueOf(fqdn).toLowerCase(Locale.ROOT);
  }
}
