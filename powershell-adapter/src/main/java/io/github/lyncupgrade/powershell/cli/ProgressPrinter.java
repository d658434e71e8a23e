package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunListener;
import java.io.PrintWriter;

/**
 * Shows a run's progress: on a terminal, one line rewritten in place; otherwise a plain line per
 * step, waiting period and problem, which logs and pipes keep readable. Each event once: a torn
 * journal record is left to the executor's warning, and the command keeps the warning of a failed
 * step (the {@code StepRecorder} logger) to errors, since this line shows it.
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
    if (event instanceof RunEvent.JournalTailIgnored) {
      return; // the executor's warning on standard error says it already, progress or not
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
