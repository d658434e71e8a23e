package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.StepScope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private static final Instant NOW = Instant.parse("2026-01-10T22:00:00Z");
  private static final RestartServer RESTART = new RestartServer(
      StepScope.frontEnd(Fqdn.of("pool01.contoso.com"), "UD1", Fqdn.of("fe01.contoso.com")), ProcedureRule.FE_2C);

  private static String print(boolean terminal) {
    StringWriter out = new StringWriter();
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), terminal, 10);
    printer.onEvent(new RunEvent.StepStarted(NOW, RESTART));
    printer.onEvent(new RunEvent.StepSucceeded(NOW, RESTART, "restarted and back"));
    printer.onEvent(new RunEvent.RunFinished(NOW, new RunOutcome.Completed()));
    return out.toString();
  }

  @Test
  void onATerminalOneLineIsRewrittenInPlace() {
    assertThat(print(true)).isEqualTo("\r\u001b[2K[0/10] started  pool01.contoso.com/UD1/fe01.contoso.com/restart"
        + "\r\u001b[2K[1/10] done     pool01.contoso.com/UD1/fe01.contoso.com/restart: restarted and back"
        + "\r\u001b[2K[1/10] finished COMPLETED" + System.lineSeparator());
  }

  @Test
  void elsewhereEachEventIsAPlainLine() {
    assertThat(print(false).lines()).containsExactly(
        "started  pool01.contoso.com/UD1/fe01.contoso.com/restart",
        "done     pool01.contoso.com/UD1/fe01.contoso.com/restart: restarted and back",
        "finished COMPLETED");
  }

  @Test
  void whatAServerAnswersIsShownEscapedNeverActedOn() {
    StringWriter out = new StringWriter();
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), false, 10);

    printer.onEvent(new RunEvent.StepFailed(NOW, RESTART, "exit 1603\n\u001b[2Jfinished COMPLETED\u202e"));

    assertThat(out.toString().lines()).containsExactly(
        "FAILED   pool01.contoso.com/UD1/fe01.contoso.com/restart: exit 1603\\u000A\\u001B[2Jfinished COMPLETED\\u202E");
  }

  @Test
  void aTornJournalRecordIsLeftToTheExecutorsWarning() {
    StringWriter out = new StringWriter();

    new ProgressPrinter(new PrintWriter(out), false, 10).onEvent(new RunEvent.JournalTailIgnored(NOW, "torn"));

    assertThat(out.toString()).isEmpty();
  }
}
