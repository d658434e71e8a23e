package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long each operation of a {@link FakeDeployment} takes in virtual time. The defaults are
 * realistic: a physical Front End takes about 15 minutes from reboot to services up (field
 * reports in {@code PROCEDURE.md}); a graceful drain a few minutes on a quiet night. A fake can
 * give a server or a pool timings of its own ({@link FakeDeployment.Builder#timings(String, FakeTimings)}):
 * a slow physical Front End beside virtual ones. Immutable; each {@code with...} returns new timings.
 *
 * @param readinessCheck {@code Get-CsPoolUpgradeReadinessState}
 * @param gracefulStop {@code Stop-CsWindowsService -Graceful}: the drain
 * @param immediateStop {@code Stop-CsWindowsService} without {@code -Graceful}
 * @param startServices {@code Start-CsWindowsService}
 * @param stageUpdate copying and extracting the update (BE-2)
 * @param install the update installer on a server where the update is staged; where it is not
 *     (a Front End when the plan does not stage ahead), the installer copies and extracts it
 *     first, which takes {@code stageUpdate} longer
 * @param restart reboot until the server answers again
 * @param webService {@code net stop/start w3svc}
 * @param databaseUpdate {@code Install-CsDatabase -Update}
 * @param failover a pool failover or failback
 * @param rebalance how long a pool reports Busy after a server comes back (its routing groups rebalancing)
 */
public record FakeTimings(Duration readinessCheck, Duration gracefulStop, Duration immediateStop,
    Duration startServices, Duration stageUpdate, Duration install, Duration restart, Duration webService,
    Duration databaseUpdate, Duration failover, Duration rebalance) {

  /** Rejects nulls and negative durations. */
  public FakeTimings {
    for (Duration duration : new Duration[] {readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate,
        install, restart, webService, databaseUpdate, failover, rebalance}) {
      requireNonNull(duration, "every timing is required");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("timings must not be negative: " + duration);
      }
    }
  }

  /** Realistic defaults; see the class description. */
  public static FakeTimings ofDefaults() {
    return new FakeTimings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1),
        Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
        Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(5));
  }

  /** Every operation instantaneous and no rebalancing, for tests about order rather than time. */
  public static FakeTimings instant() {
    return new FakeTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** These timings with a different readiness check duration. */
  public FakeTimings withReadinessCheck(Duration readinessCheck) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different graceful stop (drain) duration. */
  public FakeTimings withGracefulStop(Duration gracefulStop) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different immediate stop duration. */
  public FakeTimings withImmediateStop(Duration immediateStop) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different service start duration. */
  public FakeTimings withStartServices(Duration startServices) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different staging duration. */
  public FakeTimings withStageUpdate(Duration stageUpdate) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different install duration. */
  public FakeTimings withInstall(Duration install) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different restart duration. */
  public FakeTimings withRestart(Duration restart) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different w3svc stop or start duration. */
  public FakeTimings withWebService(Duration webService) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different database update duration. */
  public FakeTimings withDatabaseUpdate(Duration databaseUpdate) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different failover duration. */
  public FakeTimings withFailover(Duration failover) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }

  /** These timings with a different rebalance duration. */
  public FakeTimings withRebalance(Duration rebalance) {
    return new FakeTimings(readinessCheck, gracefulStop, immediateStop, startServices, stageUpdate, install, restart,
        webService, databaseUpdate, failover, rebalance);
  }
}
