package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.powershell.PowerShellOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which PowerShell the live commands start. */
final class ShellArguments {
  @Option(names = "--powershell", paramLabel = "PATH",
      description = "The PowerShell executable. Default: Windows PowerShell by absolute path on Windows, pwsh elsewhere.")
  Path powershell;

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
    return options.withSessionConfiguration(sessionConfiguration);
  }
}
