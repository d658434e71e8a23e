package io.github.lyncupgrade.testkit.assertions;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;

/**
 * The entry point for the testkit's AssertJ assertions, in the domain's words:
 * {@code assertThat(plan).upgradesOneDomainAtATime()},
 * {@code assertThat(fake).upgradedEveryServerExactlyOnce()}.
 */
public final class LyncAssertions {
  private LyncAssertions() {}

  /** Assertions on an upgrade plan. */
  public static UpgradePlanAssert assertThat(UpgradePlan actual) {
    return new UpgradePlanAssert(actual);
  }

  /** Assertions on what happened in a fake deployment. */
  public static FakeDeploymentAssert assertThat(FakeDeployment actual) {
    return new FakeDeploymentAssert(actual);
  }
}
