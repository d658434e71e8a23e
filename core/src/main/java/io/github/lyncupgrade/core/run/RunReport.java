package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run did: how it ended, where every pool, domain and server stands, how long things
 * took and what remains. Immutable.
 */
public final class RunReport {
  private final UpgradePlan plan;
  private final RunOutcome outcome;
  private final Progress progress;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final Map<StepId, Duration> stepDurations;
  private final Map<Fqdn, Duration> backEndDowntimes;
  private final Set<Fqdn> poolsOnTheirPartners;

  /**
   * A report of a run of {@code plan}, as an executor makes one at its end (public for other
   * executors and tests); copies the maps and the set.
   */
  public RunReport(UpgradePlan plan, RunOutcome outcome, Progress progress, Instant startedAt, Instant finishedAt,
      Map<StepId, Duration> stepDurations, Map<Fqdn, Duration> backEndDowntimes, Set<Fqdn> poolsOnTheirPartners) {
    requireNonNull(plan, "plan");
    requireNonNull(outcome, "outcome");
    requireNonNull(progress, "progress");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(finishedAt, "finishedAt");
    this.plan = plan;
    this.outcome = outcome;
    this.progress = progress;
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
    this.stepDurations = Map.copyOf(stepDurations);
    this.backEndDowntimes = Map.copyOf(backEndDowntimes);
    this.poolsOnTheirPartners = Set.copyOf(poolsOnTheirPartners);
  }

  /** How the run ended. */
  public RunOutcome outcome() {
    return outcome;
  }

  /** Where every pool, domain and server stands at the end of the run. */
  public Progress progress() {
    return progress;
  }

  /** When the run started, on its clock. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When it ended, on its clock. */
  public Instant finishedAt() {
    return finishedAt;
  }

  /** How long it took, on its clock. */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /**
   * The pools failed over (FE-1c, SDK-7) and not failed back when the run ended: their users are on
   * their disaster-recovery partners until a resume fails them back (or an operator runs
   * {@code Invoke-CsPoolFailBack}). Empty after a completed run.
   */
  public Set<Fqdn> poolsOnTheirPartners() {
    return poolsOnTheirPartners;
  }

  /** How long each step that ran in this run took. */
  public Map<StepId, Duration> stepDurations() {
    return stepDurations;
  }

  /** How long each pool's Back End was down in this run (BE-0), for pools whose Back End went down. */
  public Map<Fqdn, Duration> backEndDowntimes() {
    return backEndDowntimes;
  }

  /**
   * How long the steps that act on {@code server} took in this run: its stop, install, restart
   * and verification, or its Back End procedure; not the readiness checks that merely run on it.
   */
  public Duration timeSpentOn(Fqdn server) {
    requireNonNull(server, "server");
    return plan.steps().stream()
        .filter(step -> step instanceof ServerStep serverStep && serverStep.target().equals(server))
        .map(step -> stepDurations.getOrDefault(step.id(), Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * This report, if the run completed.
   *
   * @throws RunFailedException carrying this report, if it did not
   */
  public RunReport orThrow() {
    if (!outcome.isCompleted()) {
      throw new RunFailedException(this);
    }
    return this;
  }

  /** The outcome, then the progress per pool, domain and server, then timings. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Run ").append(outcome.kind()).append(" after ").append(Durations.format(duration())).append('\n');
    out.append(outcome.describe()).append("\n\n");
    out.append(progress.toText());
    List<Progress.ServerProgress> partWay = progress.serversPartWay();
    if (!outcome.isCompleted() && !partWay.isEmpty()) {
      out.append("\nLeft part-way through their procedure, so possibly stopped (resume brings them back first): ")
          .append(partWay.stream().map(server -> server.server() + " (" + server.stepsDone() + " of "
              + server.steps() + " steps done)").collect(Collectors.joining(", "))).append('\n');
    }
    if (!poolsOnTheirPartners.isEmpty()) {
      out.append('\n').append(failedOverLine()).append('\n');
    }
    if (!backEndDowntimes.isEmpty()) {
      out.append('\n');
      backEndDowntimes(out, "Back End downtime of %s: %s%s%n");
    }
    return out.toString();
  }

  /** The same as {@link #toText()}, as Markdown. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("### Run ").append(outcome.kind()).append(" after ").append(Durations.format(duration())).append("\n\n");
    out.append(outcome.describe().replace("\n", "  \n")).append("\n\n");
    out.append("| Pool | Group | State | Servers |\n|---|---|---|---|\n");
    for (Progress.PoolProgress pool : progress.pools()) {
      for (Progress.GroupProgress group : pool.groups()) {
        out.append("| ").append(pool.pool()).append(" | ").append(group.group()).append(" | ").append(group.state())
            .append(" | ");
        List<String> servers = group.servers().stream()
            .map(server -> server.server().hostName() + " " + server.state()).toList();
        out.append(String.join(", ", servers)).append(" |\n");
      }
    }
    if (!poolsOnTheirPartners.isEmpty()) {
      out.append("\n- ").append(failedOverLine()).append('\n');
    }
    if (!backEndDowntimes.isEmpty()) {
      out.append('\n');
      backEndDowntimes(out, "- Back End downtime of %s: %s%s%n");
    }
    return out.toString();
  }

  private String failedOverLine() {
    return "Failed over, so their users are on their partners until a resume fails them back: "
        + poolsOnTheirPartners.stream().sorted()
            .map(pool -> pool + " (on " + plan.topology().pool(pool).flatMap(Pool::partnerPool).orElseThrow() + ")")
            .collect(Collectors.joining(", "));
  }

  private void backEndDowntimes(StringBuilder out, String format) {
    Map<Fqdn, Duration> ordered = new LinkedHashMap<>();
    for (Step step : plan.steps()) {
      Duration downtime = backEndDowntimes.get(step.pool());
      if (downtime != null) {
        ordered.putIfAbsent(step.pool(), downtime);
      }
    }
    ordered.forEach((pool, downtime) -> out.append(String.format(format, pool, Durations.format(downtime),
        downtime.compareTo(BackEndDowntime.RESILIENCY_THRESHOLD) >= 0 ? " (30 minutes or more: users may be in resiliency mode, BE-0)" : "")));
  }

  @Override
  public String toString() {
    return "RunReport[" + outcome.kind() + ", " + progress + "]";
  }
}
