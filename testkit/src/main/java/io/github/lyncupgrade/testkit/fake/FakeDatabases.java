package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's own databases ({@code rtcxds, rtcshared, rtcab, rtcdyn}): they expect the newest build
 * installed on any of the pool's servers and hold the build of the last {@code Install-CsDatabase}
 * (BE-11), which fails with a variant other than the pool's (BE-11a/b/c); collocated databases are
 * not changed by an update. The update targets the AlwaysOn listener where there is one; on a
 * mirrored store it fails unless the fake is told the update supports mirroring (CR-5).
 * {@code Test-CsDatabase} reports expected and installed versions (CR-7). Used inside a call of the fake.
 */
final class FakeDatabases {
  /** A pool's own databases, whose builds an update changes. */
  static final List<String> POOL_DATABASES = List.of("rtcxds", "rtcshared", "rtcab", "rtcdyn");

  private final FakePool pool;
  private final Calls calls;
  private final FaultInjector faults;
  private final boolean mirroredUpdateSupported;
  private final Map<String, BuildVersion> builds = new LinkedHashMap<>();

  FakeDatabases(FakePool pool, BuildVersion initialVersion, Calls calls, FaultInjector faults,
      boolean mirroredUpdateSupported) {
    this.pool = pool;
    this.calls = calls;
    this.faults = faults;
    this.mirroredUpdateSupported = mirroredUpdateSupported;
    POOL_DATABASES.forEach(name -> builds.put(name, initialVersion));
  }

  /** The build each of the pool's own databases holds. */
  Map<String, BuildVersion> builds() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(builds));
  }

  void update(DatabaseUpdateVariant variant, Fqdn sqlServer) {
    Operation operation = Operation.UPDATE_DATABASES;
    Pool model = store(operation, sqlServer);
    if (isMirrored(model) && !mirroredUpdateSupported) {
      throw new DeploymentException(operation.command(), sqlServer, "Install-CsDatabase -Update cannot be used"
          + " against mirrored databases; remove the mirror first (CR-5)");
    }
    calls.elapse(pool.backEnd().timings().databaseUpdate());
    DatabaseUpdateVariant expected = DatabaseUpdateVariant.forPool(model);
    calls.record(new FakeEvent.DatabasesUpdated(calls.now(), pool.fqdn(), sqlServer, variant, expected));
    if (variant != expected) {
      throw new DeploymentException(operation.command(), sqlServer, "pool " + pool.fqdn() + " needs "
          + expected.command(sqlServer) + " (" + expected.rule() + "), not " + variant.command(sqlServer));
    }
    Optional<Fault.DatabaseUpdateIncomplete> incomplete =
        faults.take(Fault.DatabaseUpdateIncomplete.class, fault -> fault.pool().equals(pool.fqdn()));
    BuildVersion expectedBuild = expectedBuild();
    builds.replaceAll((name, build) ->
        incomplete.isPresent() && incomplete.get().database().equals(name) ? build : expectedBuild);
  }

  List<DatabaseCheck> test(Fqdn sqlServer) {
    Pool model = store(Operation.TEST_DATABASES, sqlServer);
    calls.elapse(pool.backEnd().timings().readinessCheck());
    String expected = expectedBuild().toString();
    List<DatabaseCheck> checks = new ArrayList<>();
    String store = sqlServer.toString();
    builds.forEach((name, build) -> checks.add(new DatabaseCheck(name, store, expected, build.toString())));
    if (model instanceof EnterprisePool enterprise) {
      String unchanged = FakeDeployment.initialVersionOf(model.product()).toString();
      for (CollocatedDatabase collocated : enterprise.backEnd().collocatedDatabases()) {
        checks.add(new DatabaseCheck(collocated.name().toLowerCase(Locale.ROOT), store, unchanged, unchanged));
      }
    }
    calls.record(new FakeEvent.DatabasesTested(calls.now(), pool.fqdn(), checks));
    return List.copyOf(checks);
  }

  /** The pool, once {@code sqlServer} is checked to be what its databases are updated through. */
  private Pool store(Operation operation, Fqdn sqlServer) {
    pool.backEnd().reachable(operation);
    Fqdn target = pool.model().databaseTarget();
    if (!target.equals(sqlServer)) {
      throw new DeploymentException(operation.command(), sqlServer, "the databases of " + pool.fqdn()
          + " are reached through " + target + ", not " + sqlServer);
    }
    return pool.model();
  }

  private static boolean isMirrored(Pool pool) {
    return pool instanceof EnterprisePool enterprise
        && enterprise.backEnd().highAvailability() == BackEndHighAvailability.MIRRORED;
  }

  /** The newest build on any server of the pool, whose schema its databases then expect. */
  private BuildVersion expectedBuild() {
    BuildVersion newest = pool.backEnd().version();
    for (FakeServer frontEnd : pool.frontEnds()) {
      newest = frontEnd.version().compareTo(newest) > 0 ? frontEnd.version() : newest;
    }
    return newest;
  }
}
