package io.github.lyncupgrade.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SDK-4 with several pools at once: of longest-first and the balanced lanes, the pool order whose
 * estimated night is shorter.
 */
class PoolOrderTest {

  /** Pools p0, p1, ... with {@code domains[i]} upgrade domains of two Front Ends each, {@code pools} at once. */
  private static UpgradePlan fleet(int pools, int... domains) {
    Topology.Builder topology = Topology.builder();
    for (int p = 0; p < domains.length; p++) {
      Pool.Builder pool = Pool.enterprise("p" + p + ".contoso.com").backEnd("sql" + p + ".contoso.com");
      for (int d = 1; d <= domains[p]; d++) {
        pool.upgradeDomain("UD" + d, "fe" + d + "a-p" + p + ".contoso.com", "fe" + d + "b-p" + p + ".contoso.com");
      }
      topology.pool(pool);
    }
    return Planner.create(PlanOptions.builder().concurrency(Concurrency.pools(pools)).build()).plan(topology.build());
  }

  /** The same plan with its pools in topology order, which is longest first for these fleets. */
  private static UpgradePlan longestFirst(UpgradePlan plan) {
    return plan.withPoolOrder(plan.topology().pools().stream().map(Pool::fqdn).toList());
  }

  @Test
  void sdk4_whenLongestFirstLeavesTheLanesUnevenTheBalancedLanesMakeTheNightShorter() {
    for (UpgradePlan plan : List.of(fleet(2, 3, 3, 2, 2, 2), fleet(2, 4, 4, 3, 3, 2), fleet(2, 5, 5, 4, 3, 3))) {
      UpgradePlan longest = longestFirst(plan);

      assertThat(plan.poolOrder()).as("the balanced lanes' order").isNotEqualTo(longest.poolOrder())
          .containsExactlyInAnyOrderElementsOf(longest.poolOrder());
      assertThat(plan.estimate().makespan()).as("%s", plan.poolOrder()).isLessThan(longest.estimate().makespan())
          .isGreaterThanOrEqualTo(plan.estimate().lowerBound());
    }
  }

  @Test
  void sdk4_theNightIsNeverLongerThanLongestFirstAndLongestFirstIsKeptWhenItIsAsShort() {
    for (UpgradePlan plan : List.of(fleet(2, 3, 2, 2), fleet(3, 3, 3, 2, 2, 2, 2), fleet(2, 2, 2, 2, 2),
        fleet(3, 4, 3, 3, 2, 2, 2, 2))) {
      UpgradePlan longest = longestFirst(plan);

      assertThat(plan.estimate().makespan()).as("%s", plan.poolOrder())
          .isLessThanOrEqualTo(longest.estimate().makespan());
      if (plan.estimate().makespan().equals(longest.estimate().makespan())) {
        assertThat(plan.poolOrder()).isEqualTo(longest.poolOrder());
      }
    }
    assertThat(fleet(2, 2, 2, 2, 2).poolOrder()).extracting(Fqdn::toString)
        .as("equal pools: topology order").containsExactly("p0.contoso.com", "p1.contoso.com", "p2.contoso.com",
            "p3.contoso.com");
  }
}
