package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.DomainReadiness;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.deployment.SyntheticTransactions;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pool of a fake deployment: its Front Ends, its readiness and its quorum.
 * <ul>
 *   <li>Readiness (FE-1): InsufficientActiveFrontEnds when fewer Front Ends run than Microsoft's
 *       quorum table needs ({@link PoolQuorum}); Busy for {@link FakeTimings#rebalance()} after a
 *       Front End comes back; Ready otherwise. A domain is ReadyForUpgrade (FE-2) only when the
 *       pool is Ready and every Front End of the pool's other domains runs. The cmdlet is the pool's
 *       product's (CR-4) and runs only on one of its Front Ends.</li>
 *   <li>Quorum (CR-1): when a stop leaves fewer Front Ends running than the quorum, the remaining
 *       ones stop their services too ({@link FakeEvent.QuorumLost}).</li>
 * </ul>
 * Its databases ({@link FakeDatabases}) and fabric ({@link FakeFabric}) are parts of their own.
 */
final class FakePool {
  private final Pool model;
  private final FakeTimings timings;
  private final Calls calls;
  private final FaultInjector faults;
  private final FakeDatabases databases;
  private final FakeFabric fabric;
  private final List<FakeServer> frontEnds = new ArrayList<>();
  private FakeServer backEnd;
  private Instant rebalancedAt = Instant.MIN;
  private boolean failedOver;
  private boolean storeMoved;

  FakePool(Pool model, BuildVersion initialVersion, FakeTimings timings, Calls calls, FaultInjector faults,
      boolean mirroredUpdateSupported) {
    this.model = model;
    this.timings = timings;
    this.calls = calls;
    this.faults = faults;
    this.databases = new FakeDatabases(this, initialVersion, calls, faults, mirroredUpdateSupported);
    this.fabric = new FakeFabric(this, calls, faults);
  }

  /** Completes the pool once its servers exist: its Front Ends in topology order, and its Back End. */
  void servers(List<FakeServer> frontEnds, FakeServer backEnd) {
    this.frontEnds.addAll(frontEnds);
    this.backEnd = backEnd;
  }

  Pool model() {
    return model;
  }

  Fqdn fqdn() {
    return model.fqdn();
  }

  FakeTimings timings() {
    return timings;
  }

  FakeDatabases databases() {
    return databases;
  }

  FakeFabric fabric() {
    return fabric;
  }

  List<FakeServer> frontEnds() {
    return frontEnds;
  }

  /** Its Back End, or its Standard Edition server. */
  FakeServer backEnd() {
    return backEnd;
  }

  boolean isFailedOver() {
    return failedOver;
  }

  void failedOver(boolean failedOver) {
    this.failedOver = failedOver;
  }

  boolean isStoreMoved() {
    return storeMoved;
  }

  void storeMoved() {
    storeMoved = true;
  }

  /**
   * The pool as an Enterprise pool, for {@code operation}.
   *
   * @throws DeploymentException if it is a Standard Edition pool, which has no {@code what}
   */
  EnterprisePool enterprise(Operation operation, String what) {
    if (model instanceof EnterprisePool enterprise) {
      return enterprise;
    }
    throw new DeploymentException(operation.command(), fqdn(), "a Standard Edition pool has no " + what);
  }

  /** {@code cmdlet} run on {@code runOn}: the pool's state and each domain's readiness (FE-1, FE-2). */
  PoolReadiness readiness(Operation cmdlet, Fqdn runOn, Inventory inventory) {
    EnterprisePool enterprise = enterprise(cmdlet, "upgrade domains to report");
    Operation own = Operation.readinessOf(model.product());
    if (cmdlet != own) {
      throw new DeploymentException(cmdlet.command(), runOn, fqdn() + " runs " + model.product() + ", whose readiness"
          + " cmdlet is " + own + "; " + cmdlet + " is not there (CR-4)");
    }
    FakeServer host = inventory.reachable(cmdlet, runOn);
    if (host.home() != this || !host.isFrontEnd()) {
      throw new DeploymentException(cmdlet.command(), runOn,
          runOn + " is not a Front End of " + fqdn() + "; the cmdlet only runs locally on one");
    }
    if (!host.isUp()) {
      throw new DeploymentException(cmdlet.command(), runOn, "Lync services are not running on " + runOn);
    }
    calls.elapse(host.timings().readinessCheck());
    PoolUpgradeState state = reportedState();
    List<DomainReadiness> domains = new ArrayList<>();
    for (UpgradeDomain domain : enterprise.upgradeDomains()) {
      domains.add(new DomainReadiness(domain.name(), domain.servers().stream().map(Server::fqdn).toList(),
          state == PoolUpgradeState.READY && !faults.holdsBack(fqdn(), domain.name())
              && otherDomainsUp(domain.name())));
    }
    PoolReadiness readiness = new PoolReadiness(fqdn(), state, frontEnds.size(), runningFrontEnds().size(), domains);
    calls.record(new FakeEvent.ReadinessReported(calls.now(), readiness));
    return readiness;
  }

  private PoolUpgradeState reportedState() {
    if (faults.reportsInsufficientActiveFrontEnds(fqdn()) || !quorumMet()) {
      return PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS;
    }
    if (faults.reportsBusy(fqdn())) {
      return PoolUpgradeState.BUSY;
    }
    return calls.now().isBefore(rebalancedAt) ? PoolUpgradeState.BUSY : PoolUpgradeState.READY;
  }

  /** A Front End came back: the pool rebalances its routing groups, Busy meanwhile. */
  void rebalanceFromNow() {
    rebalancedAt = calls.now().plus(timings.rebalance());
  }

  /**
   * Whether a stop in {@code domain} now finds the domain ReadyForUpgrade: quorum kept, every other
   * domain up, and no {@link Fault#domainNotReady} holding it back.
   */
  boolean domainReadyForStop(String domain) {
    return quorumMet() && otherDomainsUp(domain) && !faults.isHoldingBack(fqdn(), domain);
  }

  private boolean otherDomainsUp(String domain) {
    return ((EnterprisePool) model).upgradeDomains().stream()
        .filter(other -> !other.name().equals(domain))
        .flatMap(other -> other.servers().stream())
        .allMatch(server -> frontEnd(server).isUp());
  }

  /**
   * Whether every Front End of the domains before {@code domain} is updated and running; {@code domain}
   * is one of the pool's, as the fake checks its faults when it is built ({@link FaultTargets}).
   */
  boolean domainIsNext(String domain) {
    for (UpgradeDomain before : ((EnterprisePool) model).upgradeDomains()) {
      if (before.name().equals(domain)) {
        return true;
      }
      if (!before.servers().stream().allMatch(server -> frontEnd(server).isUpdatedAndRunning())) {
        return false;
      }
    }
    throw new AssertionError(domain + " is no upgrade domain of " + fqdn() + ", which the fake's build refuses");
  }

  boolean anyFrontEndUp() {
    return frontEnds.stream().anyMatch(FakeServer::isUp);
  }

  private Set<Server> runningFrontEnds() {
    Set<Server> running = new HashSet<>();
    for (Server server : model.frontEnds()) {
      if (frontEnd(server).isUp()) {
        running.add(server);
      }
    }
    return running;
  }

  private boolean quorumMet() {
    return PoolQuorum.of(model).isMetBy(model.frontEnds(), runningFrontEnds());
  }

  /** A one-server pool has no remaining servers to stop: Microsoft's table starts at two. */
  void enforceQuorum() {
    if (frontEnds.size() < 2 || quorumMet()) {
      return;
    }
    calls.record(new FakeEvent.QuorumLost(calls.now(), fqdn(), runningFrontEnds().size(), PoolQuorum.of(model)));
    for (FakeServer frontEnd : frontEnds) {
      if (frontEnd.isUp()) {
        frontEnd.transition(ServerState.STOPPED);
      }
    }
  }

  /**
   * {@code Test-CsRegistration} and {@code Test-CsIM}: they pass when every Front End of the pool
   * runs, unless a {@link Fault#syntheticTransactionsFail} says otherwise.
   */
  List<SyntheticTransactions.Result> syntheticTransactions() {
    boolean allUp = frontEnds.stream().allMatch(FakeServer::isUp);
    boolean injected = faults.take(Fault.SyntheticTransactionsFail.class, fault -> fault.pool().equals(fqdn()))
        .isPresent();
    return List.of(new SyntheticTransactions.Result("Test-CsRegistration", allUp, allUp ? "Success"
            : "a Front End of " + fqdn() + " is down"),
        new SyntheticTransactions.Result("Test-CsIM", allUp && !injected, allUp && !injected ? "Success"
            : "Failure: the instant message was not delivered (504 Server time-out)"));
  }

  private FakeServer frontEnd(Server server) {
    return frontEnds.get(model.frontEnds().indexOf(server));
  }
}
