package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunListener;
import java.io.PrintWriter;

/**
 * Shows a run's progress: on a terminal, one line rewritten in place; otherwise a plain line per
 * step, waiting period and problem, which logs and pipes keep readable.
 */
final class ProgressPrinter implements RunListener {
  private final PrintWriter out;
  private final boolean live;
  private final int steps;
  private int done;

  ProgressPrinter(PrintWriter out, boolean live, int steps) {
    this.out = out;
    this.live = live;
    this.steps = steps;
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    String line = describe(event);
    if (line == null) {
      return;
    }
    if (live) {
      out.print("\r\u001b[2K[" + done + "/" + steps + "] " + (line.length() > 110 ? line.substring(0, 110) : line));
      if (event instanceof RunEvent.RunFinished) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }

  private String describe(RunEvent event) {
    if (event instanceof RunEvent.StepStarted started) {
      return "started  " + started.step().id();
    }
    if (event instanceof RunEvent.StepSucceeded succeeded) {
      done++;
      return "done     " + succeeded.step().id() + ": " + succeeded.detail();
    }
    if (event instanceof RunEvent.StepSkipped skipped) {
      done++;
      return "skipped  " + skipped.step().id() + ": " + skipped.reason();
    }
    if (event instanceof RunEvent.StepFailed failed) {
      return "FAILED   " + failed.step().id() + ": " + failed.reason();
    }
    if (event instanceof RunEvent.Waiting waiting) {
      return "waiting  " + waiting.pool() + ": " + waiting.reason() + " until " + waiting.until();
    }
    if (event instanceof RunEvent.PoolProblemFound problem) {
      return "PROBLEM  " + problem.pool() + ": " + problem.reason();
    }
    if (event instanceof RunEvent.BackEndDowntimeExceeded exceeded) {
      return "BE-0     " + exceeded.pool() + ": Back End down " + exceeded.downtime() + "; users may be in resiliency mode";
    }
    if (event instanceof RunEvent.RunFinished finished) {
      return "finished " + finished.outcome().kind();
    }
    return null;
  }
}
