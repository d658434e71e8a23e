package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which pools, upgrade domains and servers are done, in progress or still to do (PROCEDURE
 * FE-0: keep track). Computed from a plan and its steps' statuses, live from
 * {@link Executor#progress()} or from a journal with {@link #of}. The update staged ahead
 * (SDK-5) counts in the steps done, not in where a pool, domain or server stands: a staged
 * server has not started its procedure. Immutable.
 */
public final class Progress {

  /** Where a pool, group or server stands. */
  public enum State {
    /** Every step is done. */
    DONE,
    /** A step failed. */
    FAILED,
    /** Some steps are done or running, others are not. */
    IN_PROGRESS,
    /** Nothing started. */
    PENDING
  }

  /**
   * A server's steps in one group.
   *
   * @param server the server
   * @param state where it stands
   * @param stepsDone how many of its steps are done
   * @param steps how many it has
   */
  public record ServerProgress(Fqdn server, State state, int stepsDone, int steps) {}

  /**
   * An upgrade domain, or the Back End procedure ({@code back-end}), with its servers.
   *
   * @param group the upgrade domain's name, or {@code back-end}
   * @param state where it stands, gates included
   * @param servers its servers, in plan order
   */
  public record GroupProgress(String group, State state, List<ServerProgress> servers) {}

  /**
   * A pool with its groups.
   *
   * @param pool the pool
   * @param state where it stands
   * @param groups its upgrade domains and Back End procedure, in plan order
   */
  public record PoolProgress(Fqdn pool, State state, List<GroupProgress> groups) {}

  private final List<PoolProgress> pools;
  private final int stepsDone;
  private final int stepCount;

  private Progress(List<PoolProgress> pools, int stepsDone, int stepCount) {
    this.pools = List.copyOf(pools);
    this.stepsDone = stepsDone;
    this.stepCount = stepCount;
  }

  /** The progress of {@code plan} given each step's status; steps missing from {@code statuses} are pending. */
  public static Progress of(UpgradePlan plan, Map<StepId, StepStatus> statuses) {
    requireNonNull(plan, "plan");
    requireNonNull(statuses, "statuses");
    Map<Fqdn, Map<String, Map<Fqdn, List<StepStatus>>>> servers = new LinkedHashMap<>();
    Map<Fqdn, Map<String, List<StepStatus>>> groups = new LinkedHashMap<>();
    Map<Fqdn, List<StepStatus>> poolSteps = new LinkedHashMap<>();
    int done = 0;
    for (Step step : plan.steps()) {
      StepStatus status = statuses.getOrDefault(step.id(), StepStatus.PENDING);
      done += status.isDone() ? 1 : 0;
      if (step.runsAhead()) {
        continue;
      }
      poolSteps.computeIfAbsent(step.pool(), pool -> new ArrayList<>()).add(status);
      String group = step.group().orElse(null);
      if (group != null) {
        groups.computeIfAbsent(step.pool(), pool -> new LinkedHashMap<>())
            .computeIfAbsent(group, name -> new ArrayList<>()).add(status);
      }
      if (step instanceof ServerStep serverStep) {
        servers.computeIfAbsent(step.pool(), pool -> new LinkedHashMap<>())
            .computeIfAbsent(group, name -> new LinkedHashMap<>())
            .computeIfAbsent(serverStep.target(), server -> new ArrayList<>()).add(status);
      }
    }
    List<PoolProgress> pools = new ArrayList<>();
    poolSteps.forEach((pool, statusesOfPool) -> {
      List<GroupProgress> groupProgress = new ArrayList<>();
      groups.getOrDefault(pool, Map.of()).forEach((group, statusesOfGroup) -> {
        List<ServerProgress> serverProgress = new ArrayList<>();
        servers.getOrDefault(pool, Map.of()).getOrDefault(group, Map.of()).forEach((server, statusesOfServer) ->
            serverProgress.add(new ServerProgress(server, stateOf(statusesOfServer),
                (int) statusesOfServer.stream().filter(StepStatus::isDone).count(), statusesOfServer.size())));
        groupProgress.add(new GroupProgress(group, stateOf(statusesOfGroup), serverProgress));
      });
      pools.add(new PoolProgress(pool, stateOf(statusesOfPool), groupProgress));
    });
    return new Progress(pools, done, plan.size());
  }

  private static State stateOf(Collection<StepStatus> statuses) {
    if (statuses.stream().allMatch(StepStatus::isDone)) {
      return State.DONE;
    }
    if (statuses.contains(StepStatus.FAILED)) {
      return State.FAILED;
    }
    if (statuses.stream().allMatch(status -> status == StepStatus.PENDING)) {
      return State.PENDING;
    }
    return State.IN_PROGRESS;
  }

  /** Every pool, in plan order. */
  public List<PoolProgress> pools() {
    return pools;
  }

  /**
   * The servers whose procedure has begun and is not done (in progress or failed), in plan order:
   * after a run stops, the servers left part-way through, which may be stopped. Resume brings them
   * back first.
   */
  public List<ServerProgress> serversPartWay() {
    return pools.stream().flatMap(pool -> pool.groups().stream()).flatMap(group -> group.servers().stream())
        .filter(server -> server.state() == State.IN_PROGRESS || server.state() == State.FAILED)
        .toList();
  }

  /** How many steps are done (succeeded or skipped). */
  public int stepsDone() {
    return stepsDone;
  }

  /** How many steps the plan has. */
  public int stepCount() {
    return stepCount;
  }

  /** Whether every step is done. */
  public boolean isComplete() {
    return stepsDone == stepCount;
  }

  /**
   * A few lines per pool: each group's state and each server's, in columns; a server in progress
   * or failed says how many of its steps are done, as in {@code fe03 IN_PROGRESS (2 of 5 steps done)}.
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(stepsDone).append(" of ").append(Text.count(stepCount, "step")).append(" done (succeeded or skipped)\n");
    int groupWidth = pools.stream().flatMap(pool -> pool.groups().stream())
        .mapToInt(group -> group.group().length()).max().orElse(0);
    int stateWidth = State.IN_PROGRESS.name().length();
    for (PoolProgress pool : pools) {
      out.append(pool.pool()).append("  ").append(pool.state()).append('\n');
      for (GroupProgress group : pool.groups()) {
        String columns = String.format("  %-" + groupWidth + "s  %-" + stateWidth + "s  ", group.group(), group.state());
        List<String> servers = new ArrayList<>();
        for (ServerProgress server : group.servers()) {
          servers.add(server.server().hostName() + " " + server.state()
              + (server.state() == State.IN_PROGRESS || server.state() == State.FAILED
                  ? " (" + server.stepsDone() + " of " + server.steps() + " steps done)" : ""));
        }
        out.append((columns + String.join(", ", servers)).stripTrailing()).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "Progress[" + stepsDone + "/" + stepCount + "]";
  }
}
