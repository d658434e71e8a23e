package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.step.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * PROCEDURE BE-0: clocks each Back End's downtime, as {@link BackEndDowntime} defines it, and
 * raises {@link RunEvent.BackEndDowntimeWarning} when it passes the warning threshold and
 * {@link RunEvent.BackEndDowntimeExceeded} at 30 minutes, at those moments, while the step that
 * keeps it down (an install of two hours) still runs: it sets an alarm on the run's clock at each
 * threshold rather than looking when a step ends.
 *
 * <p>Lock order: it never calls the clock while holding its own lock, so an alarm that rings on
 * another thread can always take it.
 */
final class BackEndWatch {
  private record Down(Instant since, List<UpgradeClock.Alarm> alarms) {}

  private final Topology topology;
  private final Duration warning;
  private final EventDispatcher events;
  private final UpgradeClock clock;
  private final Map<Fqdn, Down> down = new HashMap<>();
  private final Map<Fqdn, Duration> downtimes = new HashMap<>();

  BackEndWatch(Topology topology, Duration warning, EventDispatcher events, UpgradeClock clock) {
    this.topology = topology;
    this.warning = warning;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Back Ends the journal shows down when the previous run stopped (the step that takes one down
   * started, the step that brings it back not done) are clocked from that step's start, so a
   * resumed run still raises BE-0's events on time; a start the new run's clock has not reached
   * yet (another clock) counts from now.
   */
  void restore(UpgradePlan plan, JournalContents contents) {
    Map<Fqdn, Instant> since = new HashMap<>();
    for (JournalRecord record : contents.records()) {
      plan.step(record.step()).ifPresent(step -> {
        if (BackEndDowntime.opens(step, topology) && record.status() == StepStatus.STARTED) {
          since.putIfAbsent(step.pool(), record.at());
        } else if (BackEndDowntime.closes(step, topology) && record.status() == StepStatus.SUCCEEDED) {
          since.remove(step.pool());
        }
      });
    }
    Instant now = clock.now();
    since.forEach((pool, at) -> watch(pool, at.isAfter(now) ? now : at));
  }

  void stepStarting(Step step, Instant now) {
    if (BackEndDowntime.opens(step, topology)) {
      watch(step.pool(), now);
    }
  }

  void stepDone(Step step, Instant now) {
    if (!BackEndDowntime.closes(step, topology)) {
      return;
    }
    Down ended;
    synchronized (this) {
      ended = down.remove(step.pool());
      if (ended != null) {
        downtimes.merge(step.pool(), Duration.between(ended.since(), now), Duration::plus);
      }
    }
    if (ended != null) {
      ended.alarms().forEach(UpgradeClock.Alarm::cancel);
    }
  }

  /** The run has ended: no alarm rings any more; the downtimes clocked so far stay. */
  void stopWatching() {
    List<Down> watched;
    synchronized (this) {
      watched = List.copyOf(down.values());
      down.clear();
    }
    watched.forEach(each -> each.alarms().forEach(UpgradeClock.Alarm::cancel));
  }

  synchronized Map<Fqdn, Duration> downtimes() {
    return Map.copyOf(downtimes);
  }

  private void watch(Fqdn pool, Instant since) {
    List<UpgradeClock.Alarm> alarms = new CopyOnWriteArrayList<>();
    Down watched = new Down(since, alarms);
    synchronized (this) {
      if (down.putIfAbsent(pool, watched) != null) {
        return;
      }
    }
    // outside the lock: an alarm that rings at once, or on another thread, takes it in ring()
    alarms.add(clock.alarmAt(since.plus(warning), () -> ring(pool, watched,
        now -> new RunEvent.BackEndDowntimeWarning(now, pool, Duration.between(since, now), warning))));
    alarms.add(clock.alarmAt(since.plus(BackEndDowntime.RESILIENCY_THRESHOLD), () -> ring(pool, watched,
        now -> new RunEvent.BackEndDowntimeExceeded(now, pool, Duration.between(since, now)))));
  }

  /** Emits the event, at the clock's time, if the Back End is still down since the alarm was set. */
  private void ring(Fqdn pool, Down watched, Function<Instant, RunEvent> event) {
    synchronized (this) {
      if (down.get(pool) != watched) {
        return;
      }
    }
    events.emit(event.apply(clock.now()));
  }
}
