package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.plan.PlanRefusedException;
import io.github.lyncupgrade.powershell.PowerShellException;
import io.github.lyncupgrade.powershell.Preflight;
import io.github.lyncupgrade.powershell.topology.TopologyDocumentException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** The {@code lync-upgrade} command. */
public final class Main {
  /**
   * The logger whose warnings repeat what the command already prints from the run's events (a
   * failed step): without this, each failure would be printed twice.
   */
  private static final String LOGGER_SHOWN_AS_EVENTS = "io.github.lyncupgrade.core.internal.engine.StepRecorder";

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Warnings and errors on standard error unless the operator asks for more (-Dorg.slf4j.simpleLogger.defaultLogLevel=info).
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (System.getProperty("org.slf4j.simpleLogger.log." + LOGGER_SHOWN_AS_EVENTS) == null) {
      System.setProperty("org.slf4j.simpleLogger.log." + LOGGER_SHOWN_AS_EVENTS, "error");
    }
    // The standard streams themselves, not System.out, which would swallow a write error (a full disk, a closed pipe).
    FailureRecorder stdout = new FailureRecorder(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, Charset.defaultCharset()), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
        Charset.defaultCharset()), true);
    System.exit(run(args, out, err, stdout));
  }

  /**
   * Runs {@code args}, writing to {@code out} and {@code err}; when {@code out} fails, says so on
   * {@code err} (with {@code failures}' reason) and exits with {@link ExitCodes#OUTPUT_FAILED}
   * unless the run itself did not complete.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, FailureRecorder failures) {
    int exitCode = commandLine(out, err).execute(args);
    if (out.checkError()) {
      if (!failures.pipeClosed()) { // a reader that stopped reading (| head) knows; anything else is said
        err.println("the output could not be written to standard output (" + failures.reason()
            + "): what was asked for is not all there");
        err.flush();
      }
      return exitCode == ExitCodes.OK ? ExitCodes.OUTPUT_FAILED : exitCode;
    }
    return exitCode;
  }

  /** The command line, writing to {@code out} and {@code err}, with input problems mapped to exit codes. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new LyncUpgradeCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler((exception, args) -> {
      CommandLine command = exception.getCommandLine();
      if (command.getParent() == null && args.length == 0) {
        err.println("lync-upgrade needs a command: " + String.join(", ", command.getSubcommands().keySet())
            + " (start with: lync-upgrade simulate)");
        err.println("See 'lync-upgrade --help'.");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      err.println(Text.safe(exception.getMessage(), true));
      if (exception instanceof UnmatchedArgumentException unmatched) {
        UnmatchedArgumentException.printSuggestions(unmatched, err);
      }
      err.println("See 'lync-upgrade " + subcommandPath(command) + "--help'.");
      err.flush();
      return ExitCodes.BAD_INPUT;
    });
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
      int exitCode = exitCodeOf(exception);
      if (exitCode < 0) {
        throw exception;
      }
      String message = exception instanceof PlanRefusedException refused ? OptionWords.refusal(refused)
          : exception.getMessage();
      if (exception instanceof PowerShellException && message.startsWith("cannot start")) {
        message += "\n  (--powershell PATH names the PowerShell to start; --powershell-start-timeout SECONDS gives it"
            + " longer)";
      }
      err.println(Text.safe(message, true));
      err.flush();
      return exitCode;
    });
    return commandLine;
  }

  /** The exit code for what went wrong, or -1 for a defect the stack trace must show. */
  private static int exitCodeOf(Exception exception) {
    if (exception instanceof OutputFailedException) {
      return ExitCodes.OUTPUT_FAILED;
    }
    if (exception instanceof PowerShellException || exception instanceof Preflight.PreflightFailedException
        || exception instanceof DeploymentException) {
      return ExitCodes.ENVIRONMENT;
    }
    if (exception instanceof BadInputException || exception instanceof TopologyFileException
        || exception instanceof TopologyDocumentException || exception instanceof InvalidTopologyException
        || exception instanceof PlanRefusedException || exception instanceof JournalException
        || exception instanceof ParameterException) {
      return ExitCodes.BAD_INPUT;
    }
    return -1;
  }

  private static String subcommandPath(CommandLine command) {
    String path = "";
    for (CommandLine at = command; at != null && at.getParent() != null; at = at.getParent()) {
      path = at.getCommandName() + " " + path;
    }
    return path;
  }

  /** Passes bytes on, remembering why the first write that failed did. */
  static final class FailureRecorder extends FilterOutputStream {
    private volatile IOException failure;

    FailureRecorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    String reason() {
      return failure == null ? "the stream reported an error" : Text.reason(failure);
    }

    /** Whether the reader of a pipe closed it ("Broken pipe"; "The pipe is being closed" on Windows). */
    boolean pipeClosed() {
      String message = failure == null ? null : failure.getMessage();
      return message != null && message.toLowerCase(Locale.ROOT).contains("pipe");
    }
  }
}
