package io.github.lyncupgrade.testkit.gen;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.TopologyProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generates {@link InvalidTopology} values: a valid topology of zero to two pools, followed by
 * one to four pools that each carry one known problem, so that each problem's path is known
 * and no problem hides another.
 */
final class InvalidTopologyGen implements Gen<InvalidTopology> {
  /** Names that are not RFC 1123 FQDNs: quotes, separators, PowerShell syntax, controls, look-alikes. */
  static final List<String> HOSTILE_NAMES = List.of(
      "fe 1.contoso.com", "fe1'.contoso.com", "fe1\".contoso.com", "fe1\u2019.contoso.com", "fe1;calc.contoso.com",
      "$(calc).contoso.com", "fe1`whoami.contoso.com", "fe1\n.contoso.com", "fe1\u0000.contoso.com",
      "f\u0435\u0030\u0031.contoso.com", "fe1..contoso.com", "-fe1.contoso.com", "fe1", "fe1|x.contoso.com", "");

  private static final int KINDS = 13;

  private final TopologyGen validPools = new TopologyGen(1, 2, 6, List.of(
      io.github.lyncupgrade.core.model.Edition.ENTERPRISE, io.github.lyncupgrade.core.model.Edition.STANDARD), true);

  @Override
  public InvalidTopology generate(RandomnessSource in) {
    Topology.Builder builder = Topology.builder();
    int base = 0;
    String firstPool = null;
    if (Generate.booleans().generate(in)) {
      Topology valid = validPools.generate(in);
      valid.pools().forEach(builder::pool);
      base = valid.pools().size();
      firstPool = valid.pools().get(0).fqdn().toString();
    }
    int injections = Generate.range(1, 4).generate(in);
    List<InvalidTopology.Expected> expected = new ArrayList<>();
    List<InvalidTopology.Expected> partnerProblems = new ArrayList<>();
    for (int j = 0; j < injections; j++) {
      int index = base + j;
      String path = "pools[" + index + "]";
      String name = "bad" + j + ".contoso.com";
      String server = "bad" + j + "-fe1.contoso.com";
      int kind = Generate.range(0, firstPool == null ? KINDS - 2 : KINDS - 1).generate(in);
      switch (kind) {
        case 0 -> {
          builder.pool(Pool.enterprise(name).upgradeDomain("UD1", server).upgradeDomain("UD2").backEnd(sql(j)));
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains[1]", Kind.EMPTY_UPGRADE_DOMAIN));
        }
        case 1 -> {
          builder.pool(Pool.enterprise(name).backEnd(sql(j)));
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains", Kind.NO_UPGRADE_DOMAINS));
        }
        case 2 -> {
          builder.pool(Pool.enterprise(name).upgradeDomain("UD1", Generate.pick(HOSTILE_NAMES).generate(in))
              .backEnd(sql(j)));
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains[0].servers[0]", Kind.MALFORMED_FQDN));
        }
        case 3 -> {
          builder.pool(Pool.enterprise(name).upgradeDomain("UD1", server).upgradeDomain("UD2", server).backEnd(sql(j)));
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains[1].servers[0]", Kind.SERVER_IN_TWO_DOMAINS));
        }
        case 4 -> {
          builder.pool(Pool.standard(name).upgradeDomain("UD1", server));
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains", Kind.STANDARD_WITH_UPGRADE_DOMAINS));
        }
        case 5 -> {
          builder.pool(Pool.standard(name).server(server).server("bad" + j + "-fe2.contoso.com"));
          expected.add(new InvalidTopology.Expected(path + ".servers", Kind.STANDARD_SERVER_COUNT));
        }
        case 6 -> {
          builder.pool(Pool.standard(name).partnerPool("nowhere" + j + ".contoso.com"));
          partnerProblems.add(new InvalidTopology.Expected(path + ".partnerPool", Kind.UNKNOWN_PARTNER));
        }
        case 7 -> {
          builder.pool(Pool.standard(name).partnerPool(name));
          partnerProblems.add(new InvalidTopology.Expected(path + ".partnerPool", Kind.SELF_PARTNER));
        }
        case 8 -> {
          builder.pool(Pool.enterprise(name).upgradeDomain("UD1", server));
          expected.add(new InvalidTopology.Expected(path + ".backEnd", Kind.MISSING_BACK_END));
        }
        case 9 -> {
          builder.pool(Pool.enterprise(name).upgradeDomain("UD 1'", server).backEnd(sql(j)));
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains[0].name", Kind.INVALID_DOMAIN_NAME));
        }
        case 10 -> {
          builder.pool(Pool.standard(Generate.pick(HOSTILE_NAMES).generate(in)));
          expected.add(new InvalidTopology.Expected(path + ".fqdn", Kind.MALFORMED_FQDN));
        }
        case 11 -> {
          Pool.Builder big = Pool.enterprise(name).backEnd(sql(j));
          for (int i = 1; i <= 13; i++) {
            big.upgradeDomain("UD" + i, "bad" + j + "-fe" + i + ".contoso.com");
          }
          builder.pool(big);
          expected.add(new InvalidTopology.Expected(path + ".upgradeDomains", Kind.TOO_MANY_FRONT_ENDS));
        }
        default -> {
          builder.pool(Pool.standard(firstPool));
          expected.add(new InvalidTopology.Expected(path + ".fqdn", Kind.DUPLICATE_FQDN));
        }
      }
    }
    expected.addAll(partnerProblems);
    return new InvalidTopology(builder, expected);
  }

  private static String sql(int j) {
    return "bad" + j + "-sql.contoso.com";
  }
}
