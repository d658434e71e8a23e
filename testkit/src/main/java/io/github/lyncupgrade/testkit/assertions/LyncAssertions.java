package io.github.lyncupgrade.testkit.assertions;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;

/**
 * The entry point for the testkit's AssertJ assertions, in the domain's words:
 * {@code assertThat(plan).upgradesOneDomainAtATime()},
 * {@code assertThat(fake).upgradedEveryServerExactlyOnce()},
 * {@code assertThat(report).failedAt("pool01.contoso.com/UD1/fe01.contoso.com/install-update")}.
 */
public final class LyncAssertions {
  private LyncAssertions() {}

  /** Assertions on an upgrade plan. */
  public static UpgradePlanAssert assertThat(UpgradePlan actual) {
    return new UpgradePlanAssert(actual);
  }

  /** Assertions on how a run ended and where it left every server. */
  public static RunReportAssert assertThat(RunReport actual) {
    return new RunReportAssert(actual);
  }

  /** Assertions on what happened in a fake deployment. */
  public static FakeDeploymentAssert assertThat(FakeDeployment actual) {
    return new FakeDeploymentAssert(actual);
  }
}
