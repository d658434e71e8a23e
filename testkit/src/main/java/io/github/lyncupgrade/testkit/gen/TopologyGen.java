package io.github.lyncupgrade.testkit.gen;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Edition;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
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
 * Generates valid topologies within their products' limits: 1 to 12 Front Ends per Enterprise
 * pool (16 on Skype for Business Server 2019), split into upgrade domains of nearly equal size,
 * with as many domains as it takes for the pool to keep quorum while any one domain is down (so a
 * correct run never loses quorum) unless told {@link #withAnyDomainSplit()}; Back Ends with or
 * without a collocated database, of the chosen high-availability kinds; neighbouring pools paired
 * for disaster recovery, a pair always of one product. By default Lync Server 2013 pools with
 * standalone Back Ends. Names are short and readable: {@code pool1.contoso.com},
 * {@code p1fe2.contoso.com}. Values shrink toward one pool with one Front End.
 *
 * <p>Immutable: every {@code with...} method returns a new generator.
 */
public final class TopologyGen implements Gen<Topology> {
  private final int minPools;
  private final int maxPools;
  private final int maxFrontEnds;
  private final List<Edition> editions;
  private final boolean partners;
  private final List<ProductVersion> products;
  private final List<BackEndHighAvailability> backEndKinds;
  private final boolean quorumSafe;

  TopologyGen(int minPools, int maxPools, int maxFrontEnds, List<Edition> editions, boolean partners) {
    this(minPools, maxPools, maxFrontEnds, editions, partners, List.of(ProductVersion.LYNC_SERVER_2013),
        List.of(BackEndHighAvailability.STANDALONE), true);
  }

  private TopologyGen(int minPools, int maxPools, int maxFrontEnds, List<Edition> editions, boolean partners,
      List<ProductVersion> products, List<BackEndHighAvailability> backEndKinds, boolean quorumSafe) {
    this.minPools = minPools;
    this.maxPools = maxPools;
    this.maxFrontEnds = maxFrontEnds;
    this.editions = List.copyOf(editions);
    this.partners = partners;
    this.products = List.copyOf(products);
    this.backEndKinds = List.copyOf(backEndKinds);
    this.quorumSafe = quorumSafe;
  }

  /** Topologies of {@code min} to {@code max} pools. */
  public TopologyGen withPools(int min, int max) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ".." + max);
    }
    return new TopologyGen(min, max, maxFrontEnds, editions, partners, products, backEndKinds, quorumSafe);
  }

  /** Enterprise pools of at most {@code max} Front Ends (1 to 16; no pool exceeds its product's limit). */
  public TopologyGen withMaxFrontEnds(int max) {
    if (max < 1 || max > ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019.maxFrontEnds()) {
      throw new IllegalArgumentException("a pool has 1 to 12 Front Ends (16 on Skype for Business Server 2019), not "
          + max);
    }
    return new TopologyGen(minPools, maxPools, max, editions, partners, products, backEndKinds, quorumSafe);
  }

  /** Pools of these editions only. */
  public TopologyGen editions(Edition first, Edition... more) {
    EnumSet<Edition> chosen = EnumSet.of(requireNonNull(first, "first"), more);
    return new TopologyGen(minPools, maxPools, maxFrontEnds, new ArrayList<>(chosen), partners, products,
        backEndKinds, quorumSafe);
  }

  /** No disaster-recovery pairs. */
  public TopologyGen withoutPartners() {
    return new TopologyGen(minPools, maxPools, maxFrontEnds, editions, false, products, backEndKinds, quorumSafe);
  }

  /** Pools of these products (each pool draws one; a disaster-recovery pair shares its first pool's). */
  public TopologyGen products(ProductVersion first, ProductVersion... more) {
    EnumSet<ProductVersion> chosen = EnumSet.of(requireNonNull(first, "first"), more);
    return new TopologyGen(minPools, maxPools, maxFrontEnds, editions, partners, new ArrayList<>(chosen),
        backEndKinds, quorumSafe);
  }

  /** Enterprise Back End stores of these high-availability kinds. */
  public TopologyGen backEndKinds(BackEndHighAvailability first, BackEndHighAvailability... more) {
    EnumSet<BackEndHighAvailability> chosen = EnumSet.of(requireNonNull(first, "first"), more);
    return new TopologyGen(minPools, maxPools, maxFrontEnds, editions, partners, products, new ArrayList<>(chosen),
        quorumSafe);
  }

  /**
   * Upgrade domains of any count, including layouts where one domain down loses the pool's
   * quorum, which a planner must refuse for the by-domain strategy (CR-1).
   */
  public TopologyGen withAnyDomainSplit() {
    return new TopologyGen(minPools, maxPools, maxFrontEnds, editions, partners, products, backEndKinds, false);
  }

  @Override
  public Topology generate(RandomnessSource in) {
    int poolCount = Generate.range(minPools, maxPools).generate(in);
    List<Pool.Builder> pools = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<ProductVersion> productOf = new ArrayList<>();
    for (int p = 1; p <= poolCount; p++) {
      Edition edition = Generate.pick(editions).generate(in);
      ProductVersion drawn = Generate.pick(products).generate(in);
      boolean likeItsNeighbour = partners && p % 2 == 0 && Generate.booleans().generate(in);
      ProductVersion product = likeItsNeighbour ? productOf.get(p - 2) : drawn;
      String name = (edition == Edition.STANDARD ? "se" : "pool") + p + ".contoso.com";
      names.add(name);
      productOf.add(product);
      pools.add((edition == Edition.STANDARD ? Pool.standard(name) : enterprise(in, p, name, product)).product(product));
    }
    int p = 0;
    while (partners && p + 1 < pools.size()) {
      if (productOf.get(p) == productOf.get(p + 1) && Generate.booleans().generate(in)) {
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

  private Pool.Builder enterprise(RandomnessSource in, int p, String name, ProductVersion product) {
    int frontEnds = Generate.range(1, Math.min(maxFrontEnds, product.maxFrontEnds())).generate(in);
    int wanted = Generate.range(1, frontEnds).generate(in);
    int domains = quorumSafe ? quorumSafeDomainCount(product, frontEnds, wanted) : wanted;
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
    switch (Generate.pick(backEndKinds).generate(in)) {
      case MIRRORED -> pool.mirroredTo("p" + p + "sqlmirror.contoso.com");
      case ALWAYS_ON -> pool.alwaysOnListener("p" + p + "ag.contoso.com");
      default -> { }
    }
    return pool;
  }

  /**
   * The smallest number of upgrade domains, from {@code wanted} up, into which {@code frontEnds}
   * Front Ends of a {@code product} pool split evenly in topology order keep Microsoft's quorum
   * ({@link PoolQuorum}) with any one domain down: so a correct run never loses quorum.
   */
  public static int quorumSafeDomainCount(ProductVersion product, int frontEnds, int wanted) {
    if (frontEnds == 1) {
      return 1;
    }
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < frontEnds; i++) {
      servers.add(Server.of("s" + i + ".contoso.com"));
    }
    PoolQuorum quorum = PoolQuorum.of(product, frontEnds);
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
