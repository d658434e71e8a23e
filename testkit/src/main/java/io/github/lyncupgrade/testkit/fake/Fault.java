package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * A fault a {@link FakeDeployment} injects when its moment comes. Each fires once (or for its
 * number of checks) and is then spent. Create them with the static factories; each takes the
 * server or pool it strikes as a {@code String} (checked like any FQDN) or as an {@link Fqdn}.
 * A {@link PoolFault} can be held back for a later upgrade domain of its pool
 * ({@code Fault.busy(pool, 3).beforeDomain("UpgradeDomain2")}). {@link FakeDeployment.Builder#build()}
 * refuses a fault that strikes nothing its topology has (a server, pool, upgrade domain or database
 * it does not have, a readiness or fabric fault for a Standard Edition pool), naming each, since it
 * would never fire.
 */
public sealed interface Fault {

  /** What the fault does, in a line: "the next install on fe03.contoso.com fails (exit code 1603)". */
  String describe();

  /** A fault that strikes one pool, and so can wait for one of its upgrade domains. */
  sealed interface PoolFault extends Fault
      permits Busy, BusyLater, InsufficientActiveFrontEnds, DomainNotReady, ReplicasMissing, RoutingGroupsMove,
      DatabaseUpdateIncomplete, SyntheticTransactionsFail {
    /** The pool it strikes. */
    Fqdn pool();

    /** This fault held back until {@code upgradeDomain} of its pool is next; see {@link Fault#beforeDomain}. */
    default Fault beforeDomain(String upgradeDomain) {
      return new BeforeDomain(pool(), upgradeDomain, this);
    }
  }

  // ---- readiness (FE-1, FE-2) ----

  /** The next {@code checks} readiness checks of {@code pool} report Busy (FE-1a, FE-1b). */
  static PoolFault busy(String pool, int checks) {
    return busy(Fqdn.of(pool), checks);
  }

  /** See {@link #busy(String, int)}. */
  static PoolFault busy(Fqdn pool, int checks) {
    return new Busy(pool, checks);
  }

  /**
   * After {@code afterChecks} more readiness checks of {@code pool} that it answers as it would,
   * the next one reports Busy: the pool turning Not Ready in the middle of a wait, such as the
   * settle wait between domains (CR-2).
   */
  static PoolFault busyLater(String pool, int afterChecks) {
    return busyLater(Fqdn.of(pool), afterChecks);
  }

  /** See {@link #busyLater(String, int)}. */
  static PoolFault busyLater(Fqdn pool, int afterChecks) {
    return new BusyLater(pool, afterChecks);
  }

  /** The next {@code checks} readiness checks of {@code pool} report InsufficientActiveFrontEnds (FE-1b). */
  static PoolFault insufficientActiveFrontEnds(String pool, int checks) {
    return insufficientActiveFrontEnds(Fqdn.of(pool), checks);
  }

  /** See {@link #insufficientActiveFrontEnds(String, int)}. */
  static PoolFault insufficientActiveFrontEnds(Fqdn pool, int checks) {
    return new InsufficientActiveFrontEnds(pool, checks);
  }

  /**
   * The next {@code checks} readiness checks of {@code pool} that find it Ready report
   * {@code upgradeDomain} not ReadyForUpgrade (FE-2), every other domain as it is: one domain held
   * back while the pool is Ready, as when one of its servers still has work to finish. Checks that
   * find the pool Busy or short of Front Ends leave it pending. Hold it for a later domain with
   * {@code .beforeDomain(upgradeDomain)}, or checks before earlier domains spend it.
   */
  static PoolFault domainNotReady(String pool, String upgradeDomain, int checks) {
    return domainNotReady(Fqdn.of(pool), upgradeDomain, checks);
  }

  /** See {@link #domainNotReady(String, String, int)}. */
  static PoolFault domainNotReady(Fqdn pool, String upgradeDomain, int checks) {
    return new DomainNotReady(pool, upgradeDomain, checks);
  }

  /**
   * Holds {@code fault} back until {@code upgradeDomain} of {@code pool} is next: every Front End
   * of the pool's domains before it (in topology order) has been updated and runs again. From then
   * on it is pending like any other, so {@code beforeDomain(pool, "UD2", busy(pool, 3))} makes the
   * three readiness answers before UD2 Busy, whichever step asks (the settle wait or the check).
   * For the pool's first domain it is pending from the start. A {@link PoolFault} says the same
   * as {@code busy(pool, 3).beforeDomain("UD2")}.
   *
   * @throws IllegalArgumentException if {@code fault} is itself held back
   */
  static Fault beforeDomain(String pool, String upgradeDomain, Fault fault) {
    return beforeDomain(Fqdn.of(pool), upgradeDomain, fault);
  }

  /** See {@link #beforeDomain(String, String, Fault)}. */
  static Fault beforeDomain(Fqdn pool, String upgradeDomain, Fault fault) {
    return new BeforeDomain(pool, upgradeDomain, fault);
  }

  // ---- servers ----

  /** The next install on {@code server} fails with exit code 1603 (a fatal MSI error). */
  static Fault installFails(String server) {
    return installFails(Fqdn.of(server));
  }

  /** See {@link #installFails(String)}. */
  static Fault installFails(Fqdn server) {
    return new InstallFails(server, 1603);
  }

  /** The next install on {@code server} succeeds but asks for a restart: exit code 3010 (CR-8). */
  static Fault installRequiresRestart(String server) {
    return installRequiresRestart(Fqdn.of(server));
  }

  /** See {@link #installRequiresRestart(String)}. */
  static Fault installRequiresRestart(Fqdn server) {
    return new InstallRequiresRestart(server);
  }

  /** The next restart of {@code server} never completes: the server stays unreachable. */
  static Fault neverComesBack(String server) {
    return neverComesBack(Fqdn.of(server));
  }

  /** See {@link #neverComesBack(String)}. */
  static Fault neverComesBack(Fqdn server) {
    return new NeverComesBack(server);
  }

  /** The next time {@code server}'s services should start (restart or Start-CsWindowsService), they do not. */
  static Fault servicesFailToStart(String server) {
    return servicesFailToStart(Fqdn.of(server));
  }

  /** See {@link #servicesFailToStart(String)}. */
  static Fault servicesFailToStart(Fqdn server) {
    return new ServicesFailToStart(server);
  }

  // ---- the companion rules' checks ----

  /**
   * {@code Get-CsPoolFabricState} reports replicas missing in {@code pool} until
   * {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} runs (CR-3).
   */
  static PoolFault replicasMissing(String pool) {
    return replicasMissing(Fqdn.of(pool));
  }

  /** See {@link #replicasMissing(String)}. */
  static PoolFault replicasMissing(Fqdn pool) {
    return new ReplicasMissing(pool);
  }

  /**
   * {@code pool}'s routing groups move once, between one {@code Get-CsPoolFabricState} answer and
   * the next (what the settle rule, CR-2, watches for).
   */
  static PoolFault routingGroupsMove(String pool) {
    return routingGroupsMove(Fqdn.of(pool));
  }

  /** See {@link #routingGroupsMove(String)}. */
  static PoolFault routingGroupsMove(Fqdn pool) {
    return new RoutingGroupsMove(pool);
  }

  /**
   * The next {@code Install-CsDatabase} for {@code pool} reports success but leaves
   * {@code database} at its old version, as {@code Test-CsDatabase} then shows (CR-7).
   */
  static PoolFault databaseUpdateIncomplete(String pool, String database) {
    return databaseUpdateIncomplete(Fqdn.of(pool), database);
  }

  /** See {@link #databaseUpdateIncomplete(String, String)}. */
  static PoolFault databaseUpdateIncomplete(Fqdn pool, String database) {
    return new DatabaseUpdateIncomplete(pool, database);
  }

  /** The next synthetic transactions against {@code pool} ({@code Test-CsIM}) fail. */
  static PoolFault syntheticTransactionsFail(String pool) {
    return syntheticTransactionsFail(Fqdn.of(pool));
  }

  /** See {@link #syntheticTransactionsFail(String)}. */
  static PoolFault syntheticTransactionsFail(Fqdn pool) {
    return new SyntheticTransactionsFail(pool);
  }

  // ---- the controlling process and its connection ----

  /**
   * The controlling process crashes ({@link SimulatedCrash}) right after the next {@code operation}
   * on {@code target} takes effect: {@code crashAfter(Operation.STOP_SERVICES, "fe03.contoso.com")}
   * is "right after fe03's stop", whatever its call number. The target is the one each
   * {@link Operation} names (a server, a pool, or the SQL Server of {@code Install-CsDatabase}).
   */
  static Fault crashAfter(Operation operation, String target) {
    return crashAfter(operation, Fqdn.of(target));
  }

  /** See {@link #crashAfter(Operation, String)}. */
  static Fault crashAfter(Operation operation, Fqdn target) {
    return new CrashAfter(operation, target, 1);
  }

  /**
   * The controlling process crashes right after the {@code occurrence}-th {@code operation} on
   * {@code target} from now (counted from 1) takes effect: {@code crashAfter(STOP_SERVICES,
   * "sql01.contoso.com", 2)} is right after BE-9's stop, the Back End's second.
   */
  static Fault crashAfter(Operation operation, String target, int occurrence) {
    return crashAfter(operation, Fqdn.of(target), occurrence);
  }

  /** See {@link #crashAfter(Operation, String, int)}. */
  static Fault crashAfter(Operation operation, Fqdn target, int occurrence) {
    return new CrashAfter(operation, target, occurrence);
  }

  /**
   * The controlling process crashes right after call number {@code call} (counted from 1) takes
   * effect: for sweeping every call of a run; to crash after a given operation, see {@link #crashAfter}.
   */
  static Fault crashAfterCall(int call) {
    return new CrashAfterCall(call);
  }

  /**
   * Call number {@code call} (counted from 1) fails the way a lost connection or a dying shell
   * does: with nothing done, or, {@code afterItsEffect}, after it took effect with the answer lost,
   * so the caller cannot know which.
   */
  static Fault callFails(int call, boolean afterItsEffect) {
    return new CallFails(call, afterItsEffect);
  }

  // ---- the faults, as values ----

  /** See {@link Fault#busy}. @param pool the pool @param checks how many checks */
  record Busy(Fqdn pool, int checks) implements PoolFault {
    /** Rejects a null pool and a count below one. */
    public Busy {
      requireNonNull(pool, "pool");
      FaultChecks.requirePositive("checks", checks);
    }

    @Override
    public String describe() {
      return "the next " + FaultChecks.checks(checks) + " of " + pool + " report Busy";
    }
  }

  /** See {@link Fault#busyLater}. @param pool the pool @param afterChecks how many checks pass first */
  record BusyLater(Fqdn pool, int afterChecks) implements PoolFault {
    /** Rejects null and a negative count. */
    public BusyLater {
      requireNonNull(pool, "pool");
      if (afterChecks < 0) {
        throw new IllegalArgumentException("afterChecks must not be negative, was " + afterChecks);
      }
    }

    @Override
    public String describe() {
      return "readiness check number " + (afterChecks + 1) + " of " + pool + " from now reports Busy";
    }
  }

  /** See {@link Fault#insufficientActiveFrontEnds}. @param pool the pool @param checks how many checks */
  record InsufficientActiveFrontEnds(Fqdn pool, int checks) implements PoolFault {
    /** Rejects a null pool and a count below one. */
    public InsufficientActiveFrontEnds {
      requireNonNull(pool, "pool");
      FaultChecks.requirePositive("checks", checks);
    }

    @Override
    public String describe() {
      return "the next " + FaultChecks.checks(checks) + " of " + pool + " report InsufficientActiveFrontEnds";
    }
  }

  /**
   * See {@link Fault#domainNotReady}.
   *
   * @param pool the pool
   * @param upgradeDomain the domain held back
   * @param checks how many checks that find the pool Ready
   */
  record DomainNotReady(Fqdn pool, String upgradeDomain, int checks) implements PoolFault {
    /** Rejects nulls and a count below one. */
    public DomainNotReady {
      requireNonNull(pool, "pool");
      requireNonNull(upgradeDomain, "upgradeDomain");
      FaultChecks.requirePositive("checks", checks);
    }

    @Override
    public String describe() {
      return "the next " + FaultChecks.checks(checks) + " of " + pool + " that find it Ready report " + upgradeDomain
          + " not ReadyForUpgrade";
    }
  }

  /**
   * See {@link Fault#beforeDomain}.
   *
   * @param pool the pool
   * @param upgradeDomain the domain the fault waits for
   * @param fault the fault that is pending once the domain is next
   */
  record BeforeDomain(Fqdn pool, String upgradeDomain, Fault fault) implements Fault {
    /** Rejects nulls and a fault held back twice. */
    public BeforeDomain {
      requireNonNull(pool, "pool");
      requireNonNull(upgradeDomain, "upgradeDomain");
      requireNonNull(fault, "fault");
      if (fault instanceof BeforeDomain) {
        throw new IllegalArgumentException("a fault is held back once: " + fault);
      }
    }

    @Override
    public String describe() {
      return fault.describe() + ", once " + upgradeDomain + " of " + pool + " is next";
    }
  }

  /** See {@link Fault#installFails}. @param server the server @param exitCode the installer's exit code */
  record InstallFails(Fqdn server, int exitCode) implements Fault {
    /** Rejects a null server and the success codes 0 and 3010. */
    public InstallFails {
      requireNonNull(server, "server");
      if (exitCode == 0 || exitCode == 3010) {
        throw new IllegalArgumentException("exit codes 0 and 3010 mean success; a failing install needs another");
      }
    }

    @Override
    public String describe() {
      return "the next install on " + server + " fails (exit code " + exitCode + ")";
    }
  }

  /** See {@link Fault#installRequiresRestart}. @param server the server */
  record InstallRequiresRestart(Fqdn server) implements Fault {
    /** Rejects null. */
    public InstallRequiresRestart {
      requireNonNull(server, "server");
    }

    @Override
    public String describe() {
      return "the next install on " + server + " asks for a restart (exit code 3010)";
    }
  }

  /** See {@link Fault#neverComesBack}. @param server the server */
  record NeverComesBack(Fqdn server) implements Fault {
    /** Rejects null. */
    public NeverComesBack {
      requireNonNull(server, "server");
    }

    @Override
    public String describe() {
      return "the next restart of " + server + " never completes";
    }
  }

  /** See {@link Fault#servicesFailToStart}. @param server the server */
  record ServicesFailToStart(Fqdn server) implements Fault {
    /** Rejects null. */
    public ServicesFailToStart {
      requireNonNull(server, "server");
    }

    @Override
    public String describe() {
      return "the next start of the services of " + server + " fails";
    }
  }

  /** See {@link Fault#replicasMissing}. @param pool the pool */
  record ReplicasMissing(Fqdn pool) implements PoolFault {
    /** Rejects null. */
    public ReplicasMissing {
      requireNonNull(pool, "pool");
    }

    @Override
    public String describe() {
      return "Get-CsPoolFabricState finds replicas missing in " + pool;
    }
  }

  /** See {@link Fault#routingGroupsMove}. @param pool the pool */
  record RoutingGroupsMove(Fqdn pool) implements PoolFault {
    /** Rejects null. */
    public RoutingGroupsMove {
      requireNonNull(pool, "pool");
    }

    @Override
    public String describe() {
      return "the routing groups of " + pool + " move during its settle wait";
    }
  }

  /** See {@link Fault#databaseUpdateIncomplete}. @param pool the pool @param database the database left behind */
  record DatabaseUpdateIncomplete(Fqdn pool, String database) implements PoolFault {
    /** Rejects nulls. */
    public DatabaseUpdateIncomplete {
      requireNonNull(pool, "pool");
      requireNonNull(database, "database");
    }

    @Override
    public String describe() {
      return "Install-CsDatabase leaves " + database + " of " + pool + " at its old version";
    }
  }

  /** See {@link Fault#syntheticTransactionsFail}. @param pool the pool */
  record SyntheticTransactionsFail(Fqdn pool) implements PoolFault {
    /** Rejects null. */
    public SyntheticTransactionsFail {
      requireNonNull(pool, "pool");
    }

    @Override
    public String describe() {
      return "the next synthetic transactions against " + pool + " fail";
    }
  }

  /**
   * See {@link Fault#crashAfter(Operation, String, int)}.
   *
   * @param operation the operation
   * @param target its target
   * @param occurrence which of its calls from now, from 1
   */
  record CrashAfter(Operation operation, Fqdn target, int occurrence) implements Fault {
    /** Rejects nulls and an occurrence below one. */
    public CrashAfter {
      requireNonNull(operation, "operation");
      requireNonNull(target, "target");
      FaultChecks.requirePositive("occurrence", occurrence);
    }

    @Override
    public String describe() {
      return "the controlling process crashes after the " + (occurrence == 1 ? "next" : FaultChecks.ordinal(occurrence))
          + " " + operation + " on " + target;
    }
  }

  /** See {@link Fault#crashAfterCall}. @param call the call after which the process crashes, from 1 */
  record CrashAfterCall(int call) implements Fault {
    /** Rejects a call number below one. */
    public CrashAfterCall {
      FaultChecks.requirePositive("call", call);
    }

    @Override
    public String describe() {
      return "the controlling process crashes after call " + call;
    }
  }

  /**
   * See {@link Fault#callFails}.
   *
   * @param call the call that fails, from 1
   * @param afterItsEffect whether it fails after its effect took place
   */
  record CallFails(int call, boolean afterItsEffect) implements Fault {
    /** Rejects a call number below one. */
    public CallFails {
      FaultChecks.requirePositive("call", call);
    }

    @Override
    public String describe() {
      return "call " + call + " fails like a lost connection, " + (afterItsEffect ? "after" : "before") + " its effect";
    }
  }
}
