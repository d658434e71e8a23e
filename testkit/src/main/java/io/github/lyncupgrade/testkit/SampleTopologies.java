package io.github.lyncupgrade.testkit;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.gen.TopologyGen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Built-in topologies for examples, demos, tests and benchmarks. */
public final class SampleTopologies {
  private SampleTopologies() {}

  /**
   * The sample the README's main command runs: {@code pool01.contoso.com}, an Enterprise pool of
   * 6 Front Ends in 3 upgrade domains whose Back End {@code sql01} also holds the Monitoring
   * database, paired for disaster recovery with {@code pool02.contoso.com}, an Enterprise pool of
   * 4 Front Ends in 2 domains whose Back End {@code sql02} holds nothing else, and
   * {@code se01.contoso.com}, a Standard Edition server.
   */
  public static Topology contoso() {
    return Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe03.contoso.com", "fe04.contoso.com")
            .upgradeDomain("UpgradeDomain3", "fe05.contoso.com", "fe06.contoso.com")
            .backEnd("sql01.contoso.com", CollocatedDatabase.MONITORING)
            .partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe11.contoso.com", "fe12.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe13.contoso.com", "fe14.contoso.com")
            .backEnd("sql02.contoso.com")
            .partnerPool("pool01.contoso.com"))
        .pool(Pool.standard("se01.contoso.com"))
        .build();
  }

  /**
   * A Skype for Business Server 2015 deployment, patched server by server (CR-3):
   * {@code pool10.fabrikam.com}, 4 Front Ends in 2 upgrade domains, whose Back End is an AlwaysOn
   * availability group reached through {@code ag10.fabrikam.com} and which hosts the Central
   * Management Store, paired for disaster recovery with {@code pool11.fabrikam.com}, 3 Front Ends
   * in 3 domains on a standalone Back End, and {@code se12.fabrikam.com}, a Standard Edition server.
   */
  public static Topology skypeForBusiness2015() {
    ProductVersion skype = ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015;
    return Topology.builder()
        .centralManagementStore("pool10.fabrikam.com")
        .pool(Pool.enterprise("pool10.fabrikam.com").product(skype)
            .upgradeDomain("UpgradeDomain1", "fe101.fabrikam.com", "fe102.fabrikam.com")
            .upgradeDomain("UpgradeDomain2", "fe103.fabrikam.com", "fe104.fabrikam.com")
            .backEnd("sql10a.fabrikam.com").alwaysOnListener("ag10.fabrikam.com")
            .partnerPool("pool11.fabrikam.com"))
        .pool(Pool.enterprise("pool11.fabrikam.com").product(skype)
            .upgradeDomain("UpgradeDomain1", "fe111.fabrikam.com")
            .upgradeDomain("UpgradeDomain2", "fe112.fabrikam.com")
            .upgradeDomain("UpgradeDomain3", "fe113.fabrikam.com")
            .backEnd("sql11.fabrikam.com", CollocatedDatabase.MONITORING)
            .partnerPool("pool10.fabrikam.com"))
        .pool(Pool.standard("se12.fabrikam.com").product(skype))
        .build();
  }

  /**
   * {@code pools} Enterprise pools of {@code frontEndsPerPool} Front Ends each, split into
   * {@code domainsPerPool} upgrade domains of nearly equal size, in topology order; pools
   * {@code 2k+1} and {@code 2k+2} are paired when {@code paired}. For benchmarks and scale tests.
   *
   * @throws IllegalArgumentException if a count is out of range (1 to 12 Front Ends, 1 domain
   *     per Front End at most)
   */
  public static Topology uniform(int pools, int frontEndsPerPool, int domainsPerPool, boolean paired) {
    if (pools < 1 || frontEndsPerPool < 1 || domainsPerPool < 1 || domainsPerPool > frontEndsPerPool) {
      throw new IllegalArgumentException("need pools >= 1 and 1 <= domains <= Front Ends; got " + pools + " pools, "
          + frontEndsPerPool + " Front Ends, " + domainsPerPool + " domains");
    }
    Topology.Builder topology = Topology.builder();
    for (int p = 1; p <= pools; p++) {
      Pool.Builder pool = Pool.enterprise("pool" + p + ".fleet.contoso.com").backEnd("sql" + p + ".fleet.contoso.com");
      addDomains(pool, p, frontEndsPerPool, domainsPerPool);
      int partner = p % 2 == 1 ? p + 1 : p - 1;
      if (paired && partner <= pools) {
        pool.partnerPool("pool" + partner + ".fleet.contoso.com");
      }
      topology.pool(pool);
    }
    return topology.build();
  }

  /**
   * A fleet of {@code pools} pools of mixed sizes, the same for the same {@code seed}: every
   * eighth pool a Standard Edition server, the others Enterprise pools of 2 to 12 Front Ends in
   * 2 to 4 upgrade domains (more where a pool would otherwise lose quorum with a domain down), a
   * third of them with a collocated database; the first
   * {@code pairs} pairs of Enterprise pools paired for disaster recovery. For the fleet
   * benchmarks and scale tests.
   *
   * @throws IllegalArgumentException if there are not enough Enterprise pools for {@code pairs} pairs
   */
  public static Topology mixedFleet(int pools, int pairs, long seed) {
    Random random = new Random(seed);
    List<String> enterprise = new ArrayList<>();
    Map<String, Pool.Builder> byName = new HashMap<>();
    List<Pool.Builder> all = new ArrayList<>();
    for (int p = 1; p <= pools; p++) {
      if (p % 8 == 0) {
        all.add(Pool.standard("se" + p + ".fleet.contoso.com"));
        continue;
      }
      int frontEnds = 2 + random.nextInt(11);
      int domains = TopologyGen.quorumSafeDomainCount(ProductVersion.LYNC_SERVER_2013, frontEnds, Math.min(frontEnds, 2 + random.nextInt(3)));
      Pool.Builder pool = random.nextInt(3) == 0
          ? Pool.enterprise("pool" + p + ".fleet.contoso.com").backEnd("sql" + p + ".fleet.contoso.com",
              CollocatedDatabase.MONITORING)
          : Pool.enterprise("pool" + p + ".fleet.contoso.com").backEnd("sql" + p + ".fleet.contoso.com");
      addDomains(pool, p, frontEnds, domains);
      enterprise.add("pool" + p + ".fleet.contoso.com");
      byName.put("pool" + p + ".fleet.contoso.com", pool);
      all.add(pool);
    }
    if (2 * pairs > enterprise.size()) {
      throw new IllegalArgumentException(pairs + " pairs need " + 2 * pairs + " Enterprise pools; the fleet has "
          + enterprise.size());
    }
    for (int pair = 0; pair < pairs; pair++) {
      String first = enterprise.get(2 * pair);
      String second = enterprise.get(2 * pair + 1);
      byName.get(first).partnerPool(second);
      byName.get(second).partnerPool(first);
    }
    Topology.Builder topology = Topology.builder();
    all.forEach(topology::pool);
    return topology.build();
  }

  /** Front Ends {@code p<k>-fe<n>} of pool number {@code p}, spread as evenly as can be over {@code domains} domains. */
  private static void addDomains(Pool.Builder pool, int p, int frontEnds, int domains) {
    int server = 1;
    for (int d = 0; d < domains; d++) {
      int size = frontEnds / domains + (d < frontEnds % domains ? 1 : 0);
      List<String> names = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        names.add("p" + p + "-fe" + server++ + ".fleet.contoso.com");
      }
      pool.upgradeDomain("UD" + (d + 1), names);
    }
  }
}
