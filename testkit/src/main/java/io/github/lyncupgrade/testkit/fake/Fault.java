package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * A fault a {@link FakeDeployment} injects when its moment comes. Each fires once (or for its
 * number of checks) and is then spent. Create them with the static factories.
 */
public sealed interface Fault {

  /** What the fault does, in a line: "the next install on fe03.contoso.com fails (exit code 1603)". */
  String describe();

  /** The next {@code checks} readiness checks of {@code pool} report Busy (FE-1a, FE-1b). */
  static Fault busy(String pool, int checks) {
    return new Busy(Fqdn.of(pool), checks);
  }

  /**
   * After {@code afterChecks} more readiness checks of {@code pool} that it answers as it would,
   * the next one reports Busy: the pool turning Not Ready in the middle of a wait, such as the
   * settle wait between domains (CR-2).
   */
  static Fault busyLater(String pool, int afterChecks) {
    return new BusyLater(Fqdn.of(pool), afterChecks);
  }

  /** See {@link Fault#busyLater}. @param pool the pool @param afterChecks how many checks pass first */
  record BusyLater(Fqdn pool, int afterChecks) implements Fault {
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

  /**
   * Holds {@code fault} back until {@code upgradeDomain} of {@code pool} is next: every Front End
   * of the pool's domains before it (in topology order) has been updated and runs again. From then
   * on it is pending like any other, so {@code beforeDomain(pool, "UD2", busy(pool, 3))} makes the
   * three readiness answers before UD2 Busy, whichever step asks (the settle wait or the check).
   * For the pool's first domain it is pending from the start.
   *
   * @throws IllegalArgumentException if {@code fault} is itself held back
   */
  static Fault beforeDomain(String pool, String upgradeDomain, Fault fault) {
    return new BeforeDomain(Fqdn.of(pool), upgradeDomain, fault);
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

  /** The next {@code checks} readiness checks of {@code pool} report InsufficientActiveFrontEnds (FE-1b). */
  static Fault insufficientActiveFrontEnds(String pool, int checks) {
    return new InsufficientActiveFrontEnds(Fqdn.of(pool), checks);
  }

  /** The next install on {@code server} fails with exit code 1603 (a fatal MSI error). */
  static Fault installFails(String server) {
    return new InstallFails(Fqdn.of(server), 1603);
  }

  /** The next install on {@code server} succeeds but asks for a restart: exit code 3010 (CR-8). */
  static Fault installRequiresRestart(String server) {
    return new InstallRequiresRestart(Fqdn.of(server));
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

  /** The next restart of {@code server} never completes: the server stays unreachable. */
  static Fault neverComesBack(String server) {
    return new NeverComesBack(Fqdn.of(server));
  }

  /** The next time {@code server}'s services should start (restart or Start-CsWindowsService), they do not. */
  static Fault servicesFailToStart(String server) {
    return new ServicesFailToStart(Fqdn.of(server));
  }

  /** The controlling process crashes right after call number {@code call} (counted from 1) takes effect. */
  static Fault crashAfterCall(int call) {
    return new CrashAfterCall(call);
  }

  /** The next synthetic transactions against {@code pool} ({@code Test-CsIM}) fail. */
  static Fault syntheticTransactionsFail(String pool) {
    return new SyntheticTransactionsFail(Fqdn.of(pool));
  }

  /**
   * Call number {@code call} (counted from 1) fails the way a lost connection or a dying shell
   * does: with nothing done, or, {@code afterItsEffect}, after it took effect with the answer lost,
   * so the caller cannot know which.
   */
  static Fault callFails(int call, boolean afterItsEffect) {
    return new CallFails(call, afterItsEffect);
  }

  /**
   * {@code Get-CsPoolFabricState} reports replicas missing in {@code pool} until
   * {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} runs (CR-3).
   */
  static Fault replicasMissing(String pool) {
    return new ReplicasMissing(Fqdn.of(pool));
  }

  /**
   * {@code pool}'s routing groups move once, between one {@code Get-CsPoolFabricState} answer and
   * the next (what the settle rule, CR-2, watches for).
   */
  static Fault routingGroupsMove(String pool) {
    return new RoutingGroupsMove(Fqdn.of(pool));
  }

  /**
   * The next {@code Install-CsDatabase} for {@code pool} reports success but leaves
   * {@code database} at its old version, as {@code Test-CsDatabase} then shows (CR-7).
   */
  static Fault databaseUpdateIncomplete(String pool, String database) {
    return new DatabaseUpdateIncomplete(Fqdn.of(pool), database);
  }

  /** See {@link Fault#replicasMissing}. @param pool the pool */
  record ReplicasMissing(Fqdn pool) implements Fault {
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
  record RoutingGroupsMove(Fqdn pool) implements Fault {
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
  record DatabaseUpdateIncomplete(Fqdn pool, String database) implements Fault {
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

  /** See {@link Fault#busy}. @param pool the pool @param checks how many checks */
  record Busy(Fqdn pool, int checks) implements Fault {
    /** Rejects a null pool and a count below one. */
    public Busy {
      requireNonNull(pool, "pool");
      FaultChecks.requirePositive("checks", checks);
    }

    @Override
    public String describe() {
      return "the next " + checks + (checks == 1 ? " readiness check" : " readiness checks") + " of " + pool + " report Busy";
    }
  }

  /** See {@link Fault#insufficientActiveFrontEnds}. @param pool the pool @param checks how many checks */
  record InsufficientActiveFrontEnds(Fqdn pool, int checks) implements Fault {
    /** Rejects a null pool and a count below one. */
    public InsufficientActiveFrontEnds {
      requireNonNull(pool, "pool");
      FaultChecks.requirePositive("checks", checks);
    }

    @Override
    public String describe() {
      return "the next " + checks + (checks == 1 ? " readiness check" : " readiness checks") + " of " + pool + " report InsufficientActiveFrontEnds";
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

  /** See {@link Fault#syntheticTransactionsFail}. @param pool the pool */
  record SyntheticTransactionsFail(Fqdn pool) implements Fault {
    /** Rejects null. */
    public SyntheticTransactionsFail {
      requireNonNull(pool, "pool");
    }

    @Override
    public String describe() {
      return "the next synthetic transactions against " + pool + " fail";
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
}
