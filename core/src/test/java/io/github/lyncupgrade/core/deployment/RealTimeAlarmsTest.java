package io.github.lyncupgrade.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real clock's alarms (what BE-0 rings on in a live run). These watch real time by nature, so
 * they set alarms tens of milliseconds ahead and wait for them on a latch, never with a sleep.
 */
class RealTimeAlarmsTest {
  private final UpgradeClock clock = UpgradeClock.system();

  @Test
  void anAlarmRingsOnceItsInstantHasComeOnTheAlarmThreadAndACancelledOneNever() throws InterruptedException {
    List<String> rung = new CopyOnWriteArrayList<>();
    CountDownLatch last = new CountDownLatch(1);
    // the cancelled alarm is due well before the last one, and far enough ahead that a loaded machine
    // still cancels it in time: had the cancel not held, it would have rung before the latch opens
    UpgradeClock.Alarm cancelled = clock.alarmAt(clock.now().plusMillis(400), () -> rung.add("cancelled"));
    clock.alarmAt(clock.now().plusMillis(40), () -> rung.add("first on " + Thread.currentThread().getName()));
    clock.alarmAt(clock.now().plusMillis(800), () -> {
      rung.add("second");
      last.countDown();
    });
    cancelled.cancel();

    assertThat(last.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(rung).containsExactly("first on lync-upgrade-alarm", "second");
  }

  @Test
  void anAlarmAlreadyDueRingsAtOnceAndOneThatThrowsIsLoggedNotPassedOn() {
    List<String> rung = new CopyOnWriteArrayList<>();

    clock.alarmAt(clock.now().minus(Duration.ofMinutes(1)), () -> rung.add("late"));
    clock.alarmAt(clock.now(), () -> {
      throw new IllegalStateException("a listener's bug");
    });

    assertThat(rung).containsExactly("late");
  }
}
