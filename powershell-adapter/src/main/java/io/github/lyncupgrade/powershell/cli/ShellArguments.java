package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.powershell.PowerShellOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Which PowerShell the commands that reach the deployment start, and how long it may take. */
final class ShellArguments {
  @Option(names = "--powershell", paramLabel = "PATH",
      description = "The PowerShell executable. Default: Windows PowerShell by absolute path on Windows, pwsh elsewhere.")
  Path powershell;

  @Option(names = "--powershell-start-timeout", paramLabel = "SECONDS", converter = Bounded.StartSeconds.class,
      description = "How long PowerShell may take to start and answer, 1 to " + Bounded.MAX_START_SECONDS
          + " seconds. Default: ${DEFAULT-VALUE}.")
  int startTimeoutSeconds = (int) PowerShellOptions.DEFAULT_START_TIMEOUT.toSeconds();

  @Option(names = "--powershell-command-timeout", paramLabel = "MINUTES", converter = Bounded.CommandMinutes.class,
      description = "How long one PowerShell command (an installer, a database update) may take before its session"
          + " is killed and the step fails, 1 to " + Bounded.MAX_COMMAND_MINUTES + " minutes. Default: ${DEFAULT-VALUE}.")
  int commandTimeoutMinutes = (int) PowerShellOptions.DEFAULT_COMMAND_TIMEOUT.toMinutes();

  @Option(names = "--shell-command", paramLabel = "ARG", split = "\\s*\\|\\s*", hidden = true,
      description = "A whole command that speaks the session protocol, arguments separated by '|' (for tests).")
  List<String> shellCommand;

  @Option(names = "--session-configuration", paramLabel = "NAME",
      description = "The session configuration to open on the servers (Register-PSSessionConfiguration), for example"
          + " one whose RunAs account reaches the Central Management Store without a second hop. Default: PowerShell's.")
  String sessionConfiguration = "";

  PowerShellOptions options() {
    PowerShellOptions options;
    if (shellCommand != null && !shellCommand.isEmpty()) {
      options = PowerShellOptions.command(shellCommand);
    } else {
      options = powershell == null ? PowerShellOptions.ofDefaults() : PowerShellOptions.pwsh(powershell);
    }
    return options.withStartTimeout(Duration.ofSeconds(startTimeoutSeconds))
        .withCommandTimeout(Duration.ofMinutes(commandTimeoutMinutes)).withSessionConfiguration(sessionConfiguration);
  }
}
