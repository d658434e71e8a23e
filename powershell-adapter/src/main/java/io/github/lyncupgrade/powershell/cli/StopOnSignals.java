package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.Progress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code run} or {@code resume}: the first stops the run at the
 * next safe point ({@link Executor#cancel()}: nothing new starts, a server whose procedure has
 * begun is brought back first) and says which servers it is finishing; the second stops before the
 * next step ({@link Executor#cancelNow()}), leaving such a server where it is; the third exits at
 * once, as the JVM would without this. The journal stays consistent for {@code resume} in every
 * case: each step's start is on disk before the step acts. The command then exits with
 * {@link ExitCodes#INTERRUPTED} (130) after SIGINT or {@link ExitCodes#TERMINATED} (143) after
 * SIGTERM, unless the run completed.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to see a
 * second signal: shutdown hooks run once, and the JVM is already exiting when they do.
 */
final class StopOnSignals implements AutoCloseable {
  /** The signals handled, with the exit code each leads to (Windows raises INT for Ctrl-C, TERM when closed). */
  private static final Map<String, Integer> SIGNALS = Map.of("INT", ExitCodes.INTERRUPTED, "TERM", ExitCodes.TERMINATED);

  private final Executor executor;
  private final PrintWriter err;
  private final IntConsumer exit;
  private final AtomicInteger received = new AtomicInteger();
  private volatile int exitCode;
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

  StopOnSignals(Executor executor, PrintWriter err, IntConsumer exit) {
    this.executor = executor;
    this.err = err;
    this.exit = exit;
  }

  /** Handles SIGINT and SIGTERM until closed; a signal this platform lacks is left alone. */
  static StopOnSignals install(Executor executor, PrintWriter err) {
    StopOnSignals stop = new StopOnSignals(executor, err, Runtime.getRuntime()::exit);
    SIGNALS.forEach((name, exitCode) -> {
      try {
        Signal signal = new Signal(name);
        stop.previous.put(signal, Signal.handle(signal, received -> stop.onSignal(name, exitCode)));
      } catch (IllegalArgumentException unsupported) {
        // this platform has no such signal (or the JVM keeps it for itself): nothing to handle
      }
    });
    return stop;
  }

  /** What one more signal asks for; {@code exitCode} is the command's if it is the first. */
  void onSignal(String name, int exitCode) {
    int count = received.incrementAndGet();
    String again = name.equals("INT") ? "Press Ctrl-C again" : "Send SIG" + name + " again";
    if (count == 1) {
      this.exitCode = exitCode;
      executor.cancel();
      say("SIG" + name + ": stopping at the next safe point. " + finishing() + " " + again
          + " to stop before the next step.");
    } else if (count == 2) {
      executor.cancelNow();
      say("SIG" + name + " again: stopping before the next step; the steps running now finish. "
          + partWayNow("Left where they are: ", "; the report lists them and resume brings them back. ")
          + again + " to exit at once.");
    } else {
      say("SIG" + name + " a third time: exiting now. The journal holds every step begun; resume checks them"
          + " against the servers before going on.");
      exit.accept(this.exitCode);
    }
  }

  /** The exit code of the first signal ({@link ExitCodes#INTERRUPTED}, {@link ExitCodes#TERMINATED}), if one came. */
  OptionalInt exitCode() {
    return received.get() == 0 ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  private String finishing() {
    String servers = partWayNow("Finishing the procedure of ", " so that no server is left stopped; nothing new starts.");
    return servers.isEmpty()
        ? "No server's procedure is under way: the steps running now finish, then the run stops." : servers;
  }

  /** The servers part-way through their procedure now, between {@code before} and {@code after}; or nothing. */
  private String partWayNow(String before, String after) {
    List<Progress.ServerProgress> partWay = executor.progress().map(Progress::serversPartWay).orElse(List.of());
    if (partWay.isEmpty()) {
      return "";
    }
    return before + partWay.stream().map(server -> server.server() + " (" + server.stepsDone() + " of "
        + server.steps() + " steps done)").collect(Collectors.joining(", ")) + after;
  }

  private void say(String line) {
    err.println();
    err.println(line);
    err.flush();
  }

  /** Gives the signals back to their previous handlers. */
  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
