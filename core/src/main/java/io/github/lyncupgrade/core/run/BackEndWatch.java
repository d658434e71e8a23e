package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * PROCEDURE BE-0: clocks each Back End's downtime, as {@link BackEndDowntime} defines it, and
 * raises an event when it passes the warning threshold and another at 30 minutes.
 */
final class BackEndWatch {
  private final Topology topology;
  private final Duration warning;
  private final EventDispatcher events;
  private final Map<Fqdn, Instant> downSince = new HashMap<>();
  private final Map<Fqdn, Duration> downtimes = new HashMap<>();
  private final Set<Fqdn> warned = new HashSet<>();
  private final Set<Fqdn> exceeded = new HashSet<>();

  BackEndWatch(Topology topology, Duration warning, EventDispatcher events) {
    this.topology = topology;
    this.warning = warning;
    this.events = events;
  }

  synchronized void stepStarting(Step step, Instant now) {
    if (opensDowntime(step)) {
      downSince.putIfAbsent(step.pool(), now);
    }
  }

  synchronized void stepDone(Step step, Instant now) {
    check(now);
    if (closesDowntime(step)) {
      Instant since = downSince.remove(step.pool());
      if (since != null) {
        downtimes.merge(step.pool(), Duration.between(since, now), Duration::plus);
      }
    }
  }

  synchronized void check(Instant now) {
    downSince.forEach((pool, since) -> {
      Duration down = Duration.between(since, now);
      if (down.compareTo(warning) >= 0 && warned.add(pool)) {
        events.emit(new RunEvent.BackEndDowntimeWarning(now, pool, down, warning));
      }
      if (down.compareTo(BackEndDowntime.RESILIENCY_THRESHOLD) >= 0 && exceeded.add(pool)) {
        events.emit(new RunEvent.BackEndDowntimeExceeded(now, pool, down));
      }
    });
  }

  synchronized Map<Fqdn, Duration> downtimes() {
    return Map.copyOf(downtimes);
  }

  private boolean opensDowntime(Step step) {
    return BackEndDowntime.opens(step, topology);
  }

  private boolean closesDowntime(Step step) {
    return BackEndDowntime.closes(step, topology);
  }
}
