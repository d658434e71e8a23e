package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.StepId;

/** Small topologies for planner tests (the testkit's samples cannot be used here: it depends on core). */
public final class PlanFixtures {
  private PlanFixtures() {}

  /**
   * pool01: 2 domains (2 + 2 servers, so either may go down without losing quorum, CR-1),
   * collocated Archiving, paired with pool02 (1 domain); se01 unpaired.
   */
  public static Topology pairedPoolsAndStandard() {
    return Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UD1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UD2", "fe03.contoso.com", "fe04.contoso.com")
            .backEnd("sql01.contoso.com", CollocatedDatabase.ARCHIVING)
            .partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com")
            .upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("sql02.contoso.com")
            .partnerPool("pool01.contoso.com"))
        .pool(Pool.standard("se01.contoso.com"))
        .build();
  }

  public static UpgradePlan plan(PlanOptions options) {
    return Planner.create(options).plan(pairedPoolsAndStandard());
  }

  public static StepId id(String value) {
    return new StepId(value);
  }
}
