package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The faults a {@link FakeDeployment} will inject. Immutable and thread-safe. */
public final class FaultSchedule {
  private static final FaultSchedule NONE = new FaultSchedule(List.of());

  private final List<Fault> faults;

  private FaultSchedule(List<Fault> faults) {
    this.faults = List.copyOf(faults);
  }

  /** No faults. */
  public static FaultSchedule none() {
    return NONE;
  }

  /** Exactly these faults. */
  public static FaultSchedule of(Fault... faults) {
    return new FaultSchedule(Arrays.asList(requireNonNull(faults, "faults")));
  }

  /** Exactly these faults. */
  public static FaultSchedule of(List<Fault> faults) {
    return new FaultSchedule(requireNonNull(faults, "faults"));
  }

  /** A source of whole numbers in a closed range, so that schedules can be drawn from a seed or a generator. */
  @FunctionalInterface
  public interface Draws {
    /** A number from {@code min} to {@code max}, both included. */
    int between(int min, int max);
  }

  /**
   * Zero to three faults drawn from {@code seed} for servers and pools of {@code topology}; see
   * {@link #drawn}. The same seed and topology always give the same schedule.
   */
  public static FaultSchedule random(long seed, Topology topology, int maxCall) {
    SplittableRandom random = new SplittableRandom(seed);
    return drawn(topology, maxCall, (min, max) -> min + random.nextInt(max - min + 1));
  }

  /**
   * Zero to three faults for servers and pools of {@code topology}, chosen by {@code draws}:
   * Busy for 1 to 4 checks, InsufficientActiveFrontEnds for 1 or 2 checks (before any domain of the
   * pool, {@link Fault#beforeDomain}), a failing install,
   * a server that never comes back, services that fail to start, or a crash after one of the
   * first {@code maxCall} calls; and for Enterprise pools the companion rules' faults: replicas
   * missing, routing groups that move, a pool turning Busy later, a database left behind by
   * {@code Install-CsDatabase}, an installer asking for a restart. Low draws give fewer and
   * simpler faults, so generators built on this shrink toward no fault at all.
   */
  public static FaultSchedule drawn(Topology topology, int maxCall, Draws draws) {
    requireNonNull(topology, "topology");
    requireNonNull(draws, "draws");
    List<Server> servers = topology.pools().stream().flatMap(pool -> pool.frontEnds().stream()).toList();
    List<Pool> enterprise = topology.pools().stream().filter(EnterprisePool.class::isInstance).toList();
    List<Fault> faults = new ArrayList<>();
    int count = draws.between(0, 3);
    for (int i = 0; i < count; i++) {
      int kind = draws.between(0, enterprise.isEmpty() ? 3 : 10);
      String server = servers.get(draws.between(0, servers.size() - 1)).toString();
      String pool = enterprise.isEmpty() ? "" : enterprise.get(draws.between(0, enterprise.size() - 1)).fqdn().toString();
      faults.add(switch (kind) {
        case 0 -> Fault.installFails(server);
        case 1 -> Fault.servicesFailToStart(server);
        case 2 -> Fault.neverComesBack(server);
        case 3 -> Fault.crashAfterCall(draws.between(1, Math.max(1, maxCall)));
        case 4 -> beforeSomeDomain(enterprise, pool, Fault.busy(pool, draws.between(1, 4)), draws);
        case 5 -> beforeSomeDomain(enterprise, pool, Fault.insufficientActiveFrontEnds(pool, draws.between(1, 2)), draws);
        case 6 -> Fault.replicasMissing(pool);
        case 7 -> Fault.routingGroupsMove(pool);
        case 8 -> Fault.busyLater(pool, draws.between(0, 6));
        case 9 -> Fault.databaseUpdateIncomplete(pool, "rtcab");
        default -> Fault.installRequiresRestart(server);
      });
    }
    return new FaultSchedule(faults);
  }

  /** {@code fault} as it is (before the pool's first domain), or held back for a later domain of the pool (FE-3). */
  private static Fault beforeSomeDomain(List<Pool> enterprise, String pool, Fault fault, Draws draws) {
    EnterprisePool chosen = (EnterprisePool) enterprise.stream().filter(candidate -> candidate.fqdn().toString()
        .equals(pool)).findFirst().orElseThrow();
    int domain = draws.between(0, chosen.upgradeDomains().size() - 1);
    return domain == 0 ? fault : Fault.beforeDomain(pool, chosen.upgradeDomains().get(domain).name(), fault);
  }

  /** The faults in the order given. */
  public List<Fault> faults() {
    return faults;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaultSchedule that && faults.equals(that.faults);
  }

  @Override
  public int hashCode() {
    return faults.hashCode();
  }

  @Override
  public String toString() {
    return faults.isEmpty() ? "no faults" : faults.stream().map(Fault::describe).collect(Collectors.joining("; "));
  }
}
