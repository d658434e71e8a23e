package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pools to upgrade, in topology order. Valid by construction: {@link Builder#build()}
 * refuses a topology with any problem. Immutable and thread-safe.
 */
public final class Topology {
  private final List<Pool> pools;
  private final Map<Fqdn, Pool> byFqdn;
  private final Fqdn centralManagementStorePool;

  Topology(List<Pool> pools, Fqdn centralManagementStorePool) {
    this.pools = List.copyOf(pools);
    this.centralManagementStorePool = centralManagementStorePool;
    Map<Fqdn, Pool> index = new HashMap<>();
    this.pools.forEach(pool -> index.put(pool.fqdn(), pool));
    this.byFqdn = Map.copyOf(index);
  }

  /** A builder for a topology. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pools in the order they were added. */
  public List<Pool> pools() {
    return pools;
  }

  /** The pool named {@code fqdn}, if any. */
  public Optional<Pool> pool(Fqdn fqdn) {
    requireNonNull(fqdn, "fqdn");
    return Optional.ofNullable(byFqdn.get(fqdn));
  }

  /**
   * The pool whose Back End hosts the Central Management Store, when known: patching it puts
   * clients in limited functionality after about 20 minutes, and failing it over moves the store
   * first ({@code Invoke-CsManagementServerFailover}).
   */
  public Optional<Fqdn> centralManagementStorePool() {
    return Optional.ofNullable(centralManagementStorePool);
  }

  /** Whether {@code pool} hosts the Central Management Store. */
  public boolean hostsCentralManagementStore(Fqdn pool) {
    return pool.equals(centralManagementStorePool);
  }

  /** The number of Front End and Standard Edition servers in all pools. */
  public int frontEndCount() {
    return pools.stream().mapToInt(pool -> pool.frontEnds().size()).sum();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Topology that && pools.equals(that.pools)
        && Objects.equals(centralManagementStorePool, that.centralManagementStorePool);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pools, centralManagementStorePool);
  }

  @Override
  public String toString() {
    return "Topology" + pools + (centralManagementStorePool == null ? "" : "[CMS on " + centralManagementStorePool + "]");
  }

  /** Collects pools; not thread-safe. */
  public static final class Builder {
    private final List<Pool.Builder> pools = new ArrayList<>();
    private String centralManagementStorePool;

    private Builder() {}

    /** Names the pool whose Back End hosts the Central Management Store (Get-CsManagementStoreLocation). */
    public Builder centralManagementStore(String poolFqdn) {
      this.centralManagementStorePool = poolFqdn;
      return this;
    }

    /** Adds a pool being built; it is validated with the whole topology. */
    public Builder pool(Pool.Builder pool) {
      pools.add(requireNonNull(pool, "pool"));
      return this;
    }

    /** Adds a pool built earlier, for example by discovery or a generator. */
    public Builder pool(Pool pool) {
      pools.add(Pool.Builder.from(requireNonNull(pool, "pool")));
      return this;
    }

    /**
     * Validates every pool and the relations between them, then builds the topology.
     *
     * @throws InvalidTopologyException listing every problem found, each with its path
     */
    public Topology build() {
      return new TopologyValidator().buildTopology(pools, centralManagementStorePool);
    }
  }
}
