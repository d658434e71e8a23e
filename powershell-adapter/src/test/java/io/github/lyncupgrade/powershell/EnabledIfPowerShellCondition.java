package io.github.lyncupgrade.powershell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Looks for the default PowerShell executable by absolute path, or on the PATH. */
final class EnabledIfPowerShellCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String executable = PowerShellOptions.ofDefaults().command().get(0);
    return find(executable)
        .map(path -> ConditionEvaluationResult.enabled("PowerShell found at " + path))
        .orElse(ConditionEvaluationResult.disabled("no PowerShell (" + executable + ") on this machine"));
  }

  static Optional<Path> find(String executable) {
    Path given = Path.of(executable);
    if (given.isAbsolute()) {
      return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : new String[] {executable, executable + ".exe"}) {
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
