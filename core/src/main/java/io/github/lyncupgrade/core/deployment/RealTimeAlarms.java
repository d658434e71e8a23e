package io.github.lyncupgrade.core.deployment;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link UpgradeClock#alarmAt} for clocks whose time passes with real time: one daemon thread for the whole JVM. */
final class RealTimeAlarms {
  private static final Logger LOG = LoggerFactory.getLogger(RealTimeAlarms.class);
  private static final ScheduledExecutorService TIMER = timer();

  private RealTimeAlarms() {}

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "lync-upgrade-alarm");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  static UpgradeClock.Alarm schedule(UpgradeClock clock, Instant at, Runnable action) {
    requireNonNull(at, "at");
    requireNonNull(action, "action");
    Duration delay = Duration.between(clock.now(), at);
    if (delay.isNegative() || delay.isZero()) {
      ring(action);
      return () -> {};
    }
    ScheduledFuture<?> alarm = TIMER.schedule(() -> ring(action), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> alarm.cancel(false);
  }

  private static void ring(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("An alarm's action threw; ignored", e);
    }
  }
}
