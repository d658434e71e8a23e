package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import java.util.Optional;

/**
 * Pools failing over to their disaster-recovery partners and back (FE-1c, SDK-3): a failover
 * needs the pool's own partner, a failback a failover first; a planned failover needs a Front End
 * of the pool to run. The pool that hosts the Central Management Store fails over only once the
 * store has moved (CR-9), which {@code Invoke-CsManagementServerFailover} does from a server of
 * the partner. Used inside a call of the fake.
 */
final class PoolFailovers {
  private final Topology topology;
  private final Inventory inventory;
  private final Calls calls;

  PoolFailovers(Topology topology, Inventory inventory, Calls calls) {
    this.topology = topology;
    this.inventory = inventory;
    this.calls = calls;
  }

  /** A planned failover (no {@code -DisasterMode}) is refused when none of the pool's Front Ends is up. */
  void failOver(Fqdn pool, Fqdn partner, PoolFailoverMode mode) {
    String operation = Operation.POOL_FAILOVER.command();
    FakePool state = paired(Operation.POOL_FAILOVER, pool, partner);
    if (mode == PoolFailoverMode.PLANNED && !state.anyFrontEndUp()) {
      throw new DeploymentException(operation, pool, "none of its Front Ends runs, so the pool can"
          + " only be failed over in disaster mode (-DisasterMode; PlanOptions.poolFailoverMode(DISASTER))");
    }
    if (state.isFailedOver()) {
      throw new DeploymentException(operation, pool, "the pool is already failed over to " + partner);
    }
    if (inventory.pool(partner).isFailedOver()) {
      throw new DeploymentException(operation, pool,
          "its partner " + partner + " is itself failed over and cannot take its users");
    }
    if (topology.hostsCentralManagementStore(pool) && !state.isStoreMoved()) {
      throw new DeploymentException(operation, pool, "the pool hosts the Central Management Store;"
          + " fail the store over first (Invoke-CsManagementServerFailover, CR-9)");
    }
    calls.elapse(state.timings().failover());
    state.failedOver(true);
    calls.record(new FakeEvent.PoolFailedOver(calls.now(), pool, partner));
  }

  void failBack(Fqdn pool, Fqdn partner) {
    FakePool state = paired(Operation.POOL_FAILBACK, pool, partner);
    if (!state.isFailedOver()) {
      throw new DeploymentException(Operation.POOL_FAILBACK.command(), pool, "the pool is not failed over");
    }
    calls.elapse(state.timings().failover());
    state.failedOver(false);
    calls.record(new FakeEvent.PoolFailedBack(calls.now(), pool, partner));
  }

  /** Moves the store; refuses, as the cmdlet's reference asks, to run anywhere but on the partner that takes it. */
  void failOverCentralManagementStore(Fqdn pool, String backupStore, Fqdn runOn) {
    String operation = Operation.CENTRAL_MANAGEMENT_STORE_FAILOVER.command();
    FakePool state = inventory.pool(pool);
    if (!topology.hostsCentralManagementStore(pool)) {
      throw new DeploymentException(operation, pool, pool + " does not host the Central Management Store");
    }
    Fqdn partner = state.model().partnerPool().orElseThrow(() -> new DeploymentException(operation, pool,
        pool + " has no disaster-recovery partner to take the store"));
    if (inventory.pool(partner).frontEnds().stream().noneMatch(server -> server.fqdn().equals(runOn))) {
      throw new DeploymentException(operation, runOn, runOn + " is not a server of " + partner
          + ", the pool that takes the store; the cmdlet runs there");
    }
    if (state.isStoreMoved()) {
      return;
    }
    calls.elapse(state.timings().failover());
    state.storeMoved();
    calls.record(new FakeEvent.CentralManagementStoreMoved(calls.now(), pool, backupStore));
  }

  private FakePool paired(Operation operation, Fqdn pool, Fqdn partner) {
    FakePool state = inventory.pool(pool);
    Optional<Fqdn> own = state.model().partnerPool();
    if (!own.equals(Optional.of(partner))) {
      throw new DeploymentException(operation.command(), pool, partner + " is not the disaster-recovery partner of "
          + pool + " (its partner: " + own.map(Fqdn::toString).orElse("none") + ")");
    }
    return state;
  }
}
