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

  PowerShellOptions options() {
    if (shellCommand != null && !shellCommand.isEmpty()) {
      return PowerShellOptions.command(shellCommand);
    }
    return powershell == null ? PowerShellOptions.ofDefaults() : PowerShellOptions.pwsh(powershell);
  }
}
