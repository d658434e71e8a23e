package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A fake deployment's call plumbing: the one lock over all of its state, the numbered calls,
 * the events of its {@link History}, and virtual time that passes with the lock released. Every
 * other part mutates state only inside {@link #call} or {@link #locked}.
 */
final class Calls {
  private final VirtualClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<FakeEvent> events = new ArrayList<>();
  private int count;
  private boolean closed;

  Calls(VirtualClock clock) {
    this.clock = clock;
  }

  VirtualClock clock() {
    return clock;
  }

  Instant now() {
    return clock.now();
  }

  /**
   * Under the lock: numbers the call, records it, and runs {@code body} with its number.
   *
   * @throws IllegalStateException once the fake is closed
   */
  <T> T call(Operation operation, Fqdn target, Map<String, String> arguments, IntFunction<T> body) {
    return locked(() -> {
      if (closed) {
        throw new IllegalStateException("this FakeDeployment is closed (its test has ended); make a new one");
      }
      int call = ++count;
      record(new FakeEvent.OperationCalled(clock.now(), call, operation, target, arguments));
      return body.apply(call);
    });
  }

  /** A call's arguments as the history records them, from names and values in turn, in order. */
  static Map<String, String> arguments(Object... namesAndValues) {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      arguments.put(name, String.valueOf(Objects.requireNonNull(namesAndValues[i + 1], name)));
    }
    return arguments;
  }

  /** Runs {@code body} under the lock: an inspection, or setting the fake up. */
  <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets {@code duration} of virtual time pass with the lock released, so operations on other
   * servers go on meanwhile, as they would on a real deployment. If the controlling thread is
   * interrupted (its run crashed), the operation still completes on the server, at once. Called
   * inside a {@link #call}.
   */
  void elapse(Duration duration) {
    lock.unlock();
    try {
      clock.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.lock();
    }
  }

  /** Adds {@code event} to the history; called under the lock. */
  void record(FakeEvent event) {
    events.add(event);
  }

  /** Everything recorded so far. */
  List<FakeEvent> events() {
    return locked(() -> List.copyOf(events));
  }

  void close() {
    locked(() -> closed = true);
  }
}
