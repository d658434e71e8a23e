package io.github.lyncupgrade.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
/**
 * How much of a plan may run at once. Never both pools of a disaster-recovery pair (the
 * partner must stay up to take a failover, FE-1c), whatever {@code pools} says; one upgrade
 * domain of a pool at a time (FE-0) always.
 *
 * <p>These limits change when steps run, never what they do, so they are not part of the
 * plan's {@link UpgradePlan#fingerprint() fingerprint}: a run may be resumed with other limits.
 *
 * @param pools how many pools (a Standard Edition server counts as a pool) are upgraded at once (SDK-4)
 * @param serversPerDomain how many servers of one upgrade domain are between stop and verify at once
 * @param stagingCopies how many servers copy and extract the update at once ahead of their pool (SDK-5)
 */
public record Concurrency(int pools, int serversPerDomain, int stagingCopies) {
  /** Pools one after another; four servers of a domain at once; sixteen copies at once. */
  public static final Concurrency DEFAULT = new Concurrency(1, 4, 16);

  /** Rejects limits below one. */
  public Concurrency {
    atLeastOne("pools", pools);
    atLeastOne("serversPerDomain", serversPerDomain);
    atLeastOne("stagingCopies", stagingCopies);
  }

  /** One step at a time, in the plan's linear order: the procedure as a person runs it by hand. */
  public static Concurrency sequential() {
    return new Concurrency(1, 1, 1);
  }

  /** {@link #DEFAULT} with {@code pools} pools at once. */
  public static Concurrency pools(int pools) {
    return DEFAULT.withPools(pools);
  }

  /** These limits with {@code pools} pools at once. */
  public Concurrency withPools(int pools) {
    return new Concurrency(pools, serversPerDomain, stagingCopies);
  }

  /** These limits with {@code serversPerDomain} servers of a domain at once. */
  public Concurrency withServersPerDomain(int serversPerDomain) {
    return new Concurrency(pools, serversPerDomain, stagingCopies);
  }

  /** These limits with {@code stagingCopies} copies at once. */
  public Concurrency withStagingCopies(int stagingCopies) {
    return new Concurrency(pools, serversPerDomain, stagingCopies);
  }

  /** Whether only one step ever runs at a time. */
  public boolean isSequential() {
    return pools == 1 && serversPerDomain == 1 && stagingCopies == 1;
  }

  private static void atLeastOne(String name, int value) {
    checkArgument(value >= 1, "%s must be at least 1, was %s", name, value);
  }
}
