package io.github.lyncupgrade.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.step.CheckAdministratorRole;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;
import io.github.lyncupgrade.core.step.CheckFabricState;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailBackServer;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.InstallUpdate;
import io.github.lyncupgrade.core.step.ManualStep;
import io.github.lyncupgrade.core.step.PublishTopology;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.SettlePool;
import io.github.lyncupgrade.core.step.StageUpdate;
import io.github.lyncupgrade.core.step.StartServices;
import io.github.lyncupgrade.core.step.StartWebService;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StepVisitor;
import io.github.lyncupgrade.core.step.StopServices;
import io.github.lyncupgrade.core.step.StopWebService;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long each step is expected to take, for estimating a plan's window
 * ({@link UpgradePlan#estimate()}) and ordering a fleet's pools. A duration is looked up by the
 * step's kind and rule (an install is FE-2b on a Front End, BE-7 on a Back End), then by its
 * kind alone.
 *
 * <p>The {@linkplain #defaults() defaults} come from public figures where there are any and are
 * assumptions otherwise (see {@link #defaults()}); override them with {@link #with}, or learn
 * them from a previous run with {@link #withObserved} (the run package's
 * {@code JournalContents.observedDurations} reads them from a journal).
 *
 * <p>Immutable and thread-safe.
 */
public final class StepDurations {
  /** A readiness check right after a domain is its own case: it usually waits out a Busy answer. */
  private record Key(StepKind kind, ProcedureRule rule, boolean afterADomain) {
    Key(StepKind kind, ProcedureRule rule) {
      this(kind, rule, false);
    }

    static Key of(Step step) {
      return new Key(step.kind(), step.rule(), step instanceof CheckPoolReadiness check && check.afterADomain());
    }
  }

  private static final StepDurations DEFAULTS = new StepDurations(Map.of(), Map.of());

  private final Map<StepKind, Duration> byKind;
  private final Map<Key, Duration> byKindAndRule;

  /** {@code byKind}: durations set for a kind; {@code byKindAndRule}: for a kind and rule, or learned. */
  private StepDurations(Map<StepKind, Duration> byKind, Map<Key, Duration> byKindAndRule) {
    this.byKind = byKind.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byKind));
    this.byKindAndRule = Map.copyOf(byKindAndRule);
  }

  /**
   * The defaults:
   * <table>
   *   <caption>Default expected durations</caption>
   *   <tr><th>step</th><th>expected</th><th>source</th></tr>
   *   <tr><td>restart (FE-2c)</td><td>15 min</td><td>field reports: a physical Front End takes about
   *       15 minutes from reboot to services up</td></tr>
   *   <tr><td>graceful stop (FE-2a)</td><td>5 min</td><td>assumed for a quiet night; field reports
   *       see drains hang up to the cmdlet's 1-hour wait</td></tr>
   *   <tr><td>install (FE-2b, BE-7)</td><td>15 min</td><td>assumed, with the update staged</td></tr>
   *   <tr><td>{@code Install-CsDatabase} (BE-11)</td><td>10 min</td><td>assumed</td></tr>
   *   <tr><td>staging (BE-2, SDK-5)</td><td>5 min</td><td>assumed: a cumulative update is about 1 GB</td></tr>
   *   <tr><td>start services (SDK-2)</td><td>3 min</td><td>assumed</td></tr>
   *   <tr><td>stop services (BE-4, BE-9)</td><td>1 min</td><td>assumed</td></tr>
   *   <tr><td>readiness checks, verification</td><td>30 s</td><td>assumed</td></tr>
   *   <tr><td>readiness check right after a domain</td><td>a Busy answer, its wait (FE-1a: 10 min) and a
   *       second check</td><td>the fake deployment and field reports: a pool rebalances after servers
   *       come back</td></tr>
   *   <tr><td>w3svc (BE-5, BE-10)</td><td>20 s</td><td>assumed</td></tr>
   *   <tr><td>{@code Invoke-CsComputerFailOver} (CR-3a)</td><td>5 min</td><td>assumed, like a graceful
   *       stop; bounded by the draining timeout</td></tr>
   *   <tr><td>{@code Invoke-CsComputerFailBack} (CR-3c)</td><td>3 min</td><td>assumed, like starting
   *       services</td></tr>
   *   <tr><td>settle between domains (CR-2)</td><td>one Busy answer while the pool rebalances, its wait
   *       (FE-1a: 10 min), a Ready answer, the settle time, and {@code Get-CsPoolFabricState} at both
   *       ends: as readiness checks and fabric-state checks take</td><td>Microsoft's rule and the fake deployment; set your own with
   *       {@code with(StepKind.SETTLE_POOL, ...)}</td></tr>
   *   <tr><td>fabric state, {@code Test-CsDatabase} (CR-3, CR-7)</td><td>30 s</td><td>assumed</td></tr>
   *   <tr><td>publishing the topology (CR-6)</td><td>2 min</td><td>assumed</td></tr>
   *   <tr><td>CsAdministrator check (BE-1)</td><td>10 s</td><td>assumed</td></tr>
   *   <tr><td>steps a user added (SDK-6)</td><td>1 min</td><td>assumed; set your own with
   *       {@code with(StepKind.CUSTOM, ...)}</td></tr>
   *   <tr><td>manual steps; contingent failovers and failback</td><td>0</td><td>an executor records
   *       manual steps without acting; failover runs only on a pool problem</td></tr>
   * </table>
   */
  public static StepDurations defaults() {
    return DEFAULTS;
  }

  /**
   * How long {@code step} is expected to take. A readiness check right after one of its pool's
   * domains came back ({@link CheckPoolReadiness#afterADomain()}) expects one Busy answer and
   * its wait (FE-1a) on top of the check, unless a previous run taught otherwise.
   */
  public Duration expected(Step step) {
    requireNonNull(step, "step");
    Duration learned = byKindAndRule.get(Key.of(step));
    if (learned != null) {
      return learned;
    }
    Duration set = byKindAndRule.get(new Key(step.kind(), step.rule()));
    if (set == null) {
      set = byKind.get(step.kind());
    }
    if (set != null) {
      return step instanceof CheckPoolReadiness gate && gate.afterADomain()
          ? set.multipliedBy(2).plus(gate.policy().busyInterval()) : set;
    }
    return step.accept(defaults);
  }

  /** What a step takes when nothing was set or learned for it: the table of {@link #defaults()}, step by step. */
  private final StepVisitor<Duration> defaults = new StepVisitor<>() {
    private Duration check() {
      return kind(StepKind.CHECK_POOL_READINESS, Duration.ofSeconds(30));
    }

    /** The duration set for {@code kind}, else {@code otherwise}: a step's default may build on another kind's. */
    private Duration kind(StepKind kind, Duration otherwise) {
      return byKind.getOrDefault(kind, otherwise);
    }

    @Override
    public Duration visit(CheckPoolReadiness step) {
      // right after a domain came back: a Busy answer while the pool rebalances, its wait (FE-1a), a second check
      return step.afterADomain() ? check().multipliedBy(2).plus(step.policy().busyInterval()) : check();
    }

    @Override
    public Duration visit(CheckDomainReadiness step) {
      return Duration.ofSeconds(30);
    }

    @Override
    public Duration visit(SettlePool step) {
      // a Busy answer while the pool rebalances, its wait (FE-1a), the Ready answer that starts the settle time,
      // Get-CsPoolFabricState then, the settle time, and Get-CsPoolFabricState at its end
      return step.readiness().busyInterval().plus(step.policy().settleTime()).plus(check().multipliedBy(2))
          .plus(kind(StepKind.CHECK_FABRIC_STATE, Duration.ofSeconds(30)).multipliedBy(2));
    }

    @Override
    public Duration visit(FailOverPool step) {
      return Duration.ZERO;
    }

    @Override
    public Duration visit(FailOverCentralManagementStore step) {
      return Duration.ZERO;
    }

    @Override
    public Duration visit(FailBackPool step) {
      return Duration.ZERO;
    }

    @Override
    public Duration visit(StopServices step) {
      return step.rule() == ProcedureRule.FE_2A ? Duration.ofMinutes(5) : Duration.ofMinutes(1);
    }

    @Override
    public Duration visit(InstallUpdate step) {
      return Duration.ofMinutes(15);
    }

    @Override
    public Duration visit(RestartServer step) {
      return Duration.ofMinutes(15);
    }

    @Override
    public Duration visit(VerifyServer step) {
      return Duration.ofSeconds(30);
    }

    @Override
    public Duration visit(StartServices step) {
      return Duration.ofMinutes(3);
    }

    @Override
    public Duration visit(CheckAdministratorRole step) {
      return Duration.ofSeconds(10);
    }

    @Override
    public Duration visit(StageUpdate step) {
      return Duration.ofMinutes(5);
    }

    @Override
    public Duration visit(ManualStep step) {
      return Duration.ZERO;
    }

    @Override
    public Duration visit(StopWebService step) {
      return Duration.ofSeconds(20);
    }

    @Override
    public Duration visit(StartWebService step) {
      return Duration.ofSeconds(20);
    }

    @Override
    public Duration visit(UpdateDatabases step) {
      return Duration.ofMinutes(10);
    }

    @Override
    public Duration visit(VerifyDatabases step) {
      return Duration.ofSeconds(30);
    }

    @Override
    public Duration visit(PublishTopology step) {
      return Duration.ofMinutes(2);
    }

    @Override
    public Duration visit(CheckFabricState step) {
      return Duration.ofSeconds(30);
    }

    @Override
    public Duration visit(FailOverServer step) {
      return Duration.ofMinutes(5);
    }

    @Override
    public Duration visit(FailBackServer step) {
      return Duration.ofMinutes(3);
    }

    @Override
    public Duration visit(CustomStep step) {
      return Duration.ofMinutes(1);
    }
  };

  /** These durations with every step of {@code kind} expected to take {@code expected}. */
  public StepDurations with(StepKind kind, Duration expected) {
    requireNonNull(kind, "kind");
    Map<StepKind, Duration> kinds = new EnumMap<>(StepKind.class);
    kinds.putAll(byKind);
    kinds.put(kind, checked(expected));
    Map<Key, Duration> specific = new HashMap<>(byKindAndRule);
    specific.keySet().removeIf(key -> key.kind() == kind);
    return new StepDurations(kinds, specific);
  }

  /** These durations with steps of {@code kind} carrying out {@code rule} expected to take {@code expected}. */
  public StepDurations with(StepKind kind, ProcedureRule rule, Duration expected) {
    requireNonNull(kind, "kind");
    requireNonNull(rule, "rule");
    Map<Key, Duration> specific = new HashMap<>(byKindAndRule);
    specific.put(new Key(kind, rule), checked(expected));
    return new StepDurations(byKind, specific);
  }

  /**
   * These durations with what a previous run measured: for each kind and rule with at least
   * one observation (readiness checks right after a domain apart from the others), the median
   * of the observed durations replaces the expected one.
   */
  public StepDurations withObserved(Map<? extends Step, Duration> observed) {
    requireNonNull(observed, "observed");
    Map<Key, List<Duration>> samples = new HashMap<>();
    observed.forEach((step, duration) ->
        samples.computeIfAbsent(Key.of(step), key -> new ArrayList<>()).add(checked(duration)));
    Map<Key, Duration> specific = new HashMap<>(byKindAndRule);
    samples.forEach((key, durations) -> specific.put(key, median(durations)));
    return new StepDurations(byKind, specific);
  }

  private static Duration median(List<Duration> durations) {
    List<Duration> sorted = new ArrayList<>(durations);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  private static Duration checked(Duration duration) {
    requireNonNull(duration, "duration");
    checkArgument(!duration.isNegative(), "a step cannot take a negative time: %s", duration);
    return duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StepDurations that && byKind.equals(that.byKind)
        && byKindAndRule.equals(that.byKindAndRule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byKind, byKindAndRule);
  }

  @Override
  public String toString() {
    return "StepDurations[" + byKind + (byKindAndRule.isEmpty() ? "" : ", " + byKindAndRule) + "]";
  }
}
