package io.github.lyncupgrade.testkit.gen;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Edition;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates valid topologies within Lync Server 2013's limits: 1 to 12 Front Ends per Enterprise
 * pool, split into upgrade domains of nearly equal size, with as many domains as it takes for the
 * pool to keep quorum while any one domain is down (so a correct run never loses quorum);
 * Back Ends with or without a collocated database; neighbouring pools paired for disaster
 * recovery. Names are short and readable: {@code pool1.contoso.com}, {@code p1fe2.contoso.com}.
 * Values shrink toward one pool with one Front End.
 *
 * <p>Immutable: every {@code with...} method returns a new generator.
 */
public final class TopologyGen implements Gen<Topology> {
  private final int minPools;
  private final int maxPools;
  private final int maxFrontEnds;
  private final List<Edition> editions;
  private final boolean partners;

  TopologyGen(int minPools, int maxPools, int maxFrontEnds, List<Edition> editions, boolean partners) {
    this.minPools = minPools;
    this.maxPools = maxPools;
    this.maxFrontEnds = maxFrontEnds;
    this.editions = List.copyOf(editions);
    this.partners = partners;
  }

  /** Topologies of {@code min} to {@code max} pools. */
  public TopologyGen withPools(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ".." + max);
    }
    return new TopologyGen(min, max, maxFrontEnds, editions, partners);
  }

  /** Enterprise pools of at most {@code max} Front Ends (1 to 12). */
  public TopologyGen withMaxFrontEnds(int max) {
    if (max < 1 || max > 12) {
      throw new IllegalArgumentException("a Lync Server 2013 pool has 1 to 12 Front Ends, not " + max);
    }
    return new TopologyGen(minPools, maxPools, max, editions, partners);
  }

  /** Pools of these editions only. */
  public TopologyGen editions(Edition first, Edition... more) {
    EnumSet<Edition> chosen = EnumSet.of(requireNonNull(first, "first"), more);
    return new TopologyGen(minPools, maxPools, maxFrontEnds, new ArrayList<>(chosen), partners);
  }

  /** No disaster-recovery pairs. */
  public TopologyGen withoutPartners() {
    return new TopologyGen(minPools, maxPools, maxFrontEnds, editions, false);
  }

  @Override
  public Topology generate(RandomnessSource in) {
    int poolCount = Generate.range(minPools, maxPools).generate(in);
    List<Pool.Builder> pools = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int p = 1; p <= poolCount; p++) {
      Edition edition = Generate.pick(editions).generate(in);
      String name = (edition == Edition.STANDARD ? "se" : "pool") + p + ".contoso.com";
      names.add(name);
      pools.add(edition == Edition.STANDARD ? Pool.standard(name) : enterprise(in, p, name));
    }
    int p = 0;
    while (partners && p + 1 < pools.size()) {
      if (Generate.booleans().generate(in)) {
        pools.get(p).partnerPool(names.get(p + 1));
        pools.get(p + 1).partnerPool(names.get(p));
        p += 2;
      } else {
        p += 1;
      }
    }
    Topology.Builder topology = Topology.builder();
    pools.forEach(topology::pool);
    return topology.build();
  }

  private Pool.Builder enterprise(RandomnessSource in, int p, String name) {
    int frontEnds = Generate.range(1, maxFrontEnds).generate(in);
    int domains = quorumSafeDomainCount(frontEnds, Generate.range(1, frontEnds).generate(in));
    Pool.Builder pool = Pool.enterprise(name);
    List<List<Integer>> groups = split(frontEnds, domains);
    for (int d = 0; d < groups.size(); d++) {
      List<String> names = new ArrayList<>();
      for (int server : groups.get(d)) {
        names.add("p" + p + "fe" + (server + 1) + ".contoso.com");
      }
      pool.upgradeDomain("UD" + (d + 1), names);
    }
    boolean collocated = Generate.booleans().generate(in);
    if (collocated) {
      pool.backEnd("p" + p + "sql.contoso.com", Generate.enumValues(CollocatedDatabase.class).generate(in));
    } else {
      pool.backEnd("p" + p + "sql.contoso.com");
    }
    return pool;
  }

  /**
   * The smallest number of upgrade domains, from {@code wanted} up, into which {@code frontEnds}
   * Front Ends split evenly in topology order keep Microsoft's quorum ({@link PoolQuorum}) with
   * any one domain down: so a correct run never loses quorum.
   */
  public static int quorumSafeDomainCount(int frontEnds, int wanted) {
    if (frontEnds == 1) {
      return 1;
    }
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < frontEnds; i++) {
      servers.add(Server.of("s" + i + ".contoso.com"));
    }
    PoolQuorum quorum = PoolQuorum.forPoolSize(frontEnds);
    for (int domains = wanted; domains < frontEnds; domains++) {
      if (everyDomainMayGoDown(servers, split(frontEnds, domains), quorum)) {
        return domains;
      }
    }
    return frontEnds;
  }

  private static boolean everyDomainMayGoDown(List<Server> servers, List<List<Integer>> domains, PoolQuorum quorum) {
    for (List<Integer> domain : domains) {
      Set<Server> running = new HashSet<>(servers);
      domain.forEach(index -> running.remove(servers.get(index)));
      if (!quorum.isMetBy(servers, running)) {
        return false;
      }
    }
    return true;
  }

  /** Server indexes {@code 0..servers-1} in {@code domains} contiguous groups of nearly equal size. */
  static List<List<Integer>> split(int servers, int domains) {
    List<List<Integer>> groups = new ArrayList<>();
    int next = 0;
    for (int d = 0; d < domains; d++) {
      int size = servers / domains + (d < servers % domains ? 1 : 0);
      List<Integer> group = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        group.add(next++);
      }
      groups.add(group);
    }
    return groups;
  }
}
