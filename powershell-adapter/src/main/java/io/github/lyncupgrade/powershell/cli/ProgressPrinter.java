package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
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
    if (event instanceof RunEvent.StepSucceeded || event instanceof RunEvent.StepSkipped) {
      done++;
    }
    String line = Text.safe(event.describe(), false);
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
}
