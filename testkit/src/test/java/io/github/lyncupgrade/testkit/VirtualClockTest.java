package io.github.lyncupgrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Virtual time, alone and with work on several threads as the executor hands it out. */
class VirtualClockTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /**
   * Hands every task out at once, as the executor does a round, and collects each result as it
   * comes, giving the clock its work back as the executor does.
   */
  private static List<String> runTracked(VirtualClock clock, ExecutorService threads, List<Callable<String>> tasks)
      throws Exception {
    CompletionService<String> completions = new ExecutorCompletionService<>(threads);
    tasks.stream().map(clock::trackWork).toList().forEach(completions::submit);
    List<String> results = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Future<String> done = completions.poll(30, TimeUnit.SECONDS);
      assertThat(done).as("a tracked task finished within 30 s of real time").isNotNull();
      results.add(done.get());
      clock.workCollected();
    }
    return results;
  }

  private static Callable<String> sleeper(VirtualClock clock, String name, long minutes, List<String> wakeOrder) {
    return () -> {
      clock.sleep(Duration.ofMinutes(minutes));
      wakeOrder.add(name + "@" + clock.elapsed().toMinutes());
      return name;
    };
  }

  @Test
  void onItsOwnThreadSleepMovesTimeAtOnce() throws InterruptedException {
    VirtualClock clock = VirtualClock.create();

    clock.sleep(Duration.ofHours(3));
    clock.advance(Duration.ofMinutes(5));

    assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(185));
    assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plus(Duration.ofMinutes(185)));
  }

  @Test
  void trackedWorkOverlapsInVirtualTimeAndWakesInOrder() throws Exception {
    VirtualClock clock = VirtualClock.create();
    List<String> wakeOrder = Collections.synchronizedList(new ArrayList<>());

    runTracked(clock, threads, List.of(sleeper(clock, "restart", 15, wakeOrder),
        sleeper(clock, "drain", 5, wakeOrder), sleeper(clock, "install", 10, wakeOrder)));

    assertThat(wakeOrder).containsExactly("drain@5", "install@10", "restart@15");
    assertThat(clock.elapsed()).as("three steps side by side take as long as the longest").isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void timeWaitsForTrackedWorkThatIsStillBusy() throws Exception {
    VirtualClock clock = VirtualClock.create();
    List<String> wakeOrder = Collections.synchronizedList(new ArrayList<>());
    Callable<String> computing = () -> {
      long sum = 0;
      for (int i = 0; i < 1_000_000; i++) {
        sum += i;
      }
      wakeOrder.add("computed@" + clock.elapsed().toMinutes());
      clock.sleep(Duration.ofMinutes(1));
      return Long.toString(sum);
    };

    runTracked(clock, threads, List.of(sleeper(clock, "sleeper", 10, wakeOrder), computing));

    assertThat(wakeOrder).containsExactly("computed@0", "sleeper@10");
  }

  @Test
  void collectedWorkNoLongerHoldsTimeBack() throws Exception {
    VirtualClock clock = VirtualClock.create();
    List<String> wakeOrder = Collections.synchronizedList(new ArrayList<>());
    Future<String> first = threads.submit(clock.trackWork(sleeper(clock, "first", 5, wakeOrder)));
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");

    clock.workCollected();
    runTracked(clock, threads, List.of(sleeper(clock, "second", 5, wakeOrder)));

    assertThat(wakeOrder).containsExactly("first@5", "second@10");
  }

  @Test
  void workThatWaitsOnSomethingElseIsDeclaredStuckRatherThanHanging() throws Exception {
    VirtualClock clock = VirtualClock.startingAt(VirtualClock.DEFAULT_START, Duration.ofMillis(200));
    CountDownLatch never = new CountDownLatch(1);
    Future<String> blocked = threads.submit(clock.trackWork(() -> {
      never.await();
      return "blocked";
    }));
    Future<String> sleeper = threads.submit(clock.trackWork(() -> {
      clock.sleep(Duration.ofMinutes(1));
      return "slept";
    }));

    assertThat(sleeper).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
        .withMessageContaining("virtual time is stuck");
    never.countDown();
    assertThat(blocked.get(30, TimeUnit.SECONDS)).isEqualTo("blocked");
  }

  @Test
  void alarmsRingInOrderAtTheirInstantsWhileAnUntrackedSleepPassesThem() throws InterruptedException {
    VirtualClock clock = VirtualClock.create();
    List<String> rung = new ArrayList<>();
    clock.alarmAt(clock.now().plus(Duration.ofMinutes(30)), () -> rung.add("30@" + clock.elapsed().toMinutes()));
    clock.alarmAt(clock.now().plus(Duration.ofMinutes(20)), () -> rung.add("20@" + clock.elapsed().toMinutes()));
    clock.alarmAt(clock.now().plus(Duration.ofMinutes(150)), () -> rung.add("150@" + clock.elapsed().toMinutes()))
        .cancel();

    clock.sleep(Duration.ofHours(2));

    assertThat(rung).containsExactly("20@20", "30@30");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(2));
    clock.sleep(Duration.ofHours(1));
    assertThat(rung).as("a cancelled alarm never rings").hasSize(2);
  }

  @Test
  void anAlarmAlreadyDueRingsAtOnceOnTheCallingThread() {
    VirtualClock clock = VirtualClock.create();
    List<String> rung = new ArrayList<>();

    clock.alarmAt(clock.now(), () -> rung.add(Thread.currentThread().getName()));

    assertThat(rung).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void amongTrackedWorkAnAlarmRingsBeforeTheNextWakeUpWithTimeAtItsInstant() throws Exception {
    VirtualClock clock = VirtualClock.create();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    clock.alarmAt(clock.now().plus(Duration.ofMinutes(30)), () -> order.add("alarm@" + clock.elapsed().toMinutes()));

    runTracked(clock, threads, List.of(sleeper(clock, "install", 120, order), sleeper(clock, "copy", 10, order)));

    assertThat(order).containsExactly("copy@10", "alarm@30", "install@120");
  }
}
