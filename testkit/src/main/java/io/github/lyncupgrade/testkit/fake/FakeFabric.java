package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.RoutingGroup;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool's fabric as {@code Get-CsPoolFabricState} reports it: one routing group per Front End,
 * its primary and up to two secondaries on the next running Front Ends in topology order; stable
 * while nothing fails (a {@link Fault#routingGroupsMove} moves them once, CR-2). Replicas are
 * missing only under a {@link Fault#replicasMissing}, until {@code Reset-CsPoolRegistrarState}
 * (CR-3), or for a group with no running Front End. Used inside a call of the fake.
 */
final class FakeFabric {
  private final FakePool pool;
  private final Calls calls;
  private final FaultInjector faults;
  private int queries;
  private int shift;

  FakeFabric(FakePool pool, Calls calls, FaultInjector faults) {
    this.pool = pool;
    this.calls = calls;
    this.faults = faults;
  }

  PoolFabricState state() {
    EnterprisePool enterprise = pool.enterprise(Operation.FABRIC_STATE, "pool fabric");
    calls.elapse(pool.timings().readinessCheck());
    if (queries++ > 0
        && faults.take(Fault.RoutingGroupsMove.class, fault -> fault.pool().equals(pool.fqdn())).isPresent()) {
      shift++;
    }
    PoolFabricState fabric = routingGroups(enterprise);
    calls.record(new FakeEvent.FabricStateReported(calls.now(), fabric));
    return fabric;
  }

  /** {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery}: replicas are found again. */
  void resetRegistrarState() {
    calls.elapse(pool.timings().readinessCheck());
    faults.registrarStateReset(pool.fqdn());
    calls.record(new FakeEvent.RegistrarStateReset(calls.now(), pool.fqdn()));
  }

  /** One routing group per Front End; each on the next running Front Ends in topology order, shifted by moves. */
  private PoolFabricState routingGroups(EnterprisePool model) {
    List<FakeServer> frontEnds = pool.frontEnds();
    int size = frontEnds.size();
    int secondaries = Math.min(2, size - 1);
    List<RoutingGroup> groups = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int group = 0; group < size; group++) {
      String id = "rg-" + (group + 1);
      List<Fqdn> running = new ArrayList<>();
      for (int i = 0; i < size && running.size() <= secondaries; i++) {
        FakeServer candidate = frontEnds.get((group + shift + i) % size);
        if (candidate.isUp()) {
          running.add(candidate.fqdn());
        }
      }
      if (running.isEmpty()) {
        missing.add(id);
      } else {
        groups.add(new RoutingGroup(id, running.get(0), running.subList(1, running.size())));
      }
    }
    if (faults.replicasMissing(model.fqdn()) && missing.isEmpty()) {
      missing.add(groups.get(0).id());
    }
    return new PoolFabricState(model.fqdn(), groups, missing);
  }
}
