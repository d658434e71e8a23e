package io.github.lyncupgrade.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Edition;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyGenTest {

  @Test
  void everyGeneratedPoolKeepsQuorumWithAnyOneDomainDown() {
    Theories.qt(300).forAll(LyncGens.topologies().editions(Edition.ENTERPRISE).withMaxFrontEnds(16)
            .products(ProductVersion.LYNC_SERVER_2013, ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015,
                ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019))
        .checkAssert(topology -> {
          for (Pool pool : topology.pools()) {
            EnterprisePool enterprise = (EnterprisePool) pool;
            if (enterprise.frontEnds().size() == 1) {
              continue;
            }
            PoolQuorum quorum = PoolQuorum.of(enterprise);
            for (UpgradeDomain domain : enterprise.upgradeDomains()) {
              Set<Server> running = new HashSet<>(enterprise.frontEnds());
              domain.servers().forEach(running::remove);
              assertThat(quorum.isMetBy(enterprise.frontEnds(), running)).as("%s without %s", pool.fqdn(), domain.name())
                  .isTrue();
            }
          }
        });
  }

  @Test
  void narrowingReturnsANewGenerator() {
    TopologyGen all = LyncGens.topologies();
    TopologyGen standardOnly = all.editions(Edition.STANDARD).withoutPartners().withPools(2, 2);

    Theories.qt(50).forAll(standardOnly).checkAssert(topology -> {
      assertThat(topology.pools()).hasSize(2).allMatch(pool -> pool.edition() == Edition.STANDARD)
          .allMatch(pool -> pool.partnerPool().isEmpty());
    });
    Theories.qt(200).forAll(all).checkAssert(topology -> assertThat(topology.pools()).hasSizeBetween(1, 4));
  }

  @Test
  void splitsDomainsContiguouslyAndEvenly() {
    assertThat(TopologyGen.split(12, 4)).containsExactly(
        java.util.List.of(0, 1, 2), java.util.List.of(3, 4, 5), java.util.List.of(6, 7, 8), java.util.List.of(9, 10, 11));
    assertThat(TopologyGen.quorumSafeDomainCount(ProductVersion.LYNC_SERVER_2013, 10, 2)).isEqualTo(3);
    assertThat(TopologyGen.quorumSafeDomainCount(ProductVersion.LYNC_SERVER_2013, 2, 1)).isEqualTo(2);
    assertThat(TopologyGen.quorumSafeDomainCount(ProductVersion.LYNC_SERVER_2013, 1, 1)).isEqualTo(1);
  }
}
