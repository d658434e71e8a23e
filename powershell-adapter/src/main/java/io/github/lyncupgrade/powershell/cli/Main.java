package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.plan.PlanRefusedException;
import io.github.lyncupgrade.core.run.JournalException;
import io.github.lyncupgrade.powershell.Preflight;
import io.github.lyncupgrade.powershell.PowerShellException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code lync-upgrade} command. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Warnings and errors on standard error unless the operator asks for more (-Dorg.slf4j.simpleLogger.defaultLogLevel=info).
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
  }

  /** The command line, writing to {@code out} and {@code err}, with input problems mapped to exit codes. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new LyncUpgradeCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
      err.println(exception.getMessage());
      err.flush();
      if (exception instanceof PowerShellException || exception instanceof Preflight.PreflightFailedException) {
        return ExitCodes.ENVIRONMENT;
      }
      if (exception instanceof TopologyFileException || exception instanceof InvalidTopologyException
          || exception instanceof PlanRefusedException || exception instanceof JournalException
          || exception instanceof IllegalArgumentException) {
        return ExitCodes.BAD_INPUT;
      }
      throw exception;
    });
    return commandLine;
  }
}
