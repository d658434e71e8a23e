package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import java.util.Map;

/**
 * What a test looks at in a {@link FakeDeployment} now, from {@link FakeDeployment#inspect()}.
 * Nothing here is a call of the deployment: it is not recorded in the {@link History}, takes no
 * virtual time, spends no fault and shifts no call number, and it answers after the fake is
 * closed; so a test that looks never changes what it looks at. The deployment's own operations
 * ({@code fake.isFailedOver(pool)}, {@code fake.serverStatus(server)}) are calls, as the executor
 * makes them. Every name is taken as a {@code String} or an {@link Fqdn}.
 *
 * A name that is no server (or pool) of the fake's topology is an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe: each answer is read under the fake's lock, so it is the state between two
 * operations, never half-way through one.
 */
public final class Inspection {
  private final Calls calls;
  private final Inventory inventory;

  Inspection(Calls calls, Inventory inventory) {
    this.calls = calls;
    this.inventory = inventory;
  }

  /** The state of {@code server}'s Lync services now. */
  public ServerState state(String server) {
    return state(Fqdn.of(server));
  }

  /** See {@link #state(String)}. */
  public ServerState state(Fqdn server) {
    return calls.locked(() -> server(server).state());
  }

  /** The build installed on {@code server} now. */
  public BuildVersion version(String server) {
    return version(Fqdn.of(server));
  }

  /** See {@link #version(String)}. */
  public BuildVersion version(Fqdn server) {
    return calls.locked(() -> server(server).version());
  }

  /** Whether {@code server}'s World Wide Web service (w3svc) runs now (BE-5, BE-10). */
  public boolean isWebServiceRunning(String server) {
    return isWebServiceRunning(Fqdn.of(server));
  }

  /** See {@link #isWebServiceRunning(String)}. */
  public boolean isWebServiceRunning(Fqdn server) {
    return calls.locked(() -> server(server).isWebServiceRunning());
  }

  /** Whether {@code pool}'s users are on its disaster-recovery partner now (FE-1c). */
  public boolean isFailedOver(String pool) {
    return isFailedOver(Fqdn.of(pool));
  }

  /** See {@link #isFailedOver(String)}. */
  public boolean isFailedOver(Fqdn pool) {
    return calls.locked(() -> pool(pool).isFailedOver());
  }

  /**
   * The build each of {@code pool}'s own databases ({@code rtcxds, rtcshared, rtcab, rtcdyn}) holds
   * now: the build of the last {@code Install-CsDatabase} (BE-11), or the pool's initial build.
   */
  public Map<String, BuildVersion> databaseBuilds(String pool) {
    return databaseBuilds(Fqdn.of(pool));
  }

  /** See {@link #databaseBuilds(String)}. */
  public Map<String, BuildVersion> databaseBuilds(Fqdn pool) {
    return calls.locked(() -> pool(pool).databases().builds());
  }

  private FakeServer server(Fqdn server) {
    requireNonNull(server, "server");
    return inventory.findServer(server).orElseThrow(() ->
        new IllegalArgumentException(server + " is not a server of this fake's topology"));
  }

  private FakePool pool(Fqdn pool) {
    requireNonNull(pool, "pool");
    return inventory.findPool(pool).orElseThrow(() ->
        new IllegalArgumentException(pool + " is not a pool of this fake's topology"));
  }

  @Override
  public String toString() {
    return "Inspection[" + inventory.serverCount() + " servers]";
  }
}
