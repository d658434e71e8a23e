/**
 * The validated topology: what is upgraded. Start with {@link io.github.lyncupgrade.core.model.Topology}
 * and its builder, {@link io.github.lyncupgrade.core.model.Pool#enterprise} and
 * {@link io.github.lyncupgrade.core.model.Pool#standard}: pools of either edition (T-1), their Front Ends in
 * {@link io.github.lyncupgrade.core.model.UpgradeDomain}s (T-2), Back End stores with collocated databases
 * (T-3) and disaster-recovery partners (T-4). A topology is checked when built: an invalid one throws
 * {@link io.github.lyncupgrade.core.model.InvalidTopologyException} listing every problem with its path.
 * {@link io.github.lyncupgrade.core.model.PoolQuorum} is Microsoft's quorum table (CR-1). Every type is
 * immutable and thread-safe.
 */
package io.github.lyncupgrade.core.model;
