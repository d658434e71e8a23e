package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a live deployment's topology: pools with their product (the Registrar's version: 6 is
 * Lync Server 2013, 7 Skype for Business Server 2015, 8 Skype for Business Server 2019) and
 * edition, Front Ends in their upgrade domains (from the readiness cmdlet, run on a Front End of
 * each pool), Back End stores with their collocated databases and mirror, disaster-recovery
 * partners, and the pool that hosts the Central Management Store. An AlwaysOn listener is not
 * discovered: name it in a topology file. The result is built
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
    records.stream().filter(record -> "CentralManagementStore".equals(record.get("Kind"))).findFirst()
        .ifPresent(record -> topology.centralManagementStore(record.get("Pool")));
    return topology.build();
  }

  private static Pool.Builder pool(Map<String, String> record) {
    String fqdn = record.get("Fqdn");
    ProductVersion product = product(fqdn, record.getOrDefault("Version", ""));
    if ("Standard".equals(record.get("Edition"))) {
      Pool.Builder pool = Pool.standard(fqdn).product(product);
      list(record.get("Servers")).forEach(pool::server);
      partner(pool, record);
      return pool;
    }
    CollocatedDatabase[] collocated = list(record.get("Collocated")).stream()
        .map(name -> CollocatedDatabase.valueOf(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)))
        .toArray(CollocatedDatabase[]::new);
    Pool.Builder pool = Pool.enterprise(fqdn).product(product).backEnd(record.get("SqlServer"), collocated);
    String mirror = record.getOrDefault("Mirror", "");
    if (!mirror.isBlank()) {
      pool.mirroredTo(mirror);
    }
    String instance = record.getOrDefault("SqlInstance", "");
    if (!instance.isBlank()) {
      pool.sqlInstance(instance);
    }
    partner(pool, record);
    return pool;
  }

  /** The Registrar service's version: none reported is taken as Lync Server 2013, the oldest this SDK knows. */
  private static ProductVersion product(String pool, String version) {
    return switch (version.trim()) {
      case "", "6" -> ProductVersion.LYNC_SERVER_2013;
      case "7" -> ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015;
      case "8" -> ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019;
      default -> throw new PowerShellException("pool " + pool + " reports Registrar version '" + version
          + "'; this SDK knows 6 (Lync Server 2013), 7 (Skype for Business Server 2015) and 8 (2019)", "");
    };
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
