package io.github.lyncupgrade.testkit.junit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition of {@link EnabledIfPowerShell}: enabled when its executable exists, by absolute
 * path or on the {@code PATH}; disabled, naming the executable it looked for, otherwise. Nothing is
 * started. JUnit instantiates it through the annotation; immutable and thread-safe.
 */
public final class EnabledIfPowerShellCondition implements ExecutionCondition {
  private final Map<String, String> environment;
  private final String osName;

  /** The condition on this machine: its environment ({@code PATH}, {@code SystemRoot}) and operating system. */
  public EnabledIfPowerShellCondition() {
    this(System.getenv(), System.getProperty("os.name", ""));
  }

  EnabledIfPowerShellCondition(Map<String, String> environment, String osName) {
    this.environment = Map.copyOf(environment);
    this.osName = osName;
  }

  /**
   * The PowerShell the adapter starts by default ({@code PowerShellOptions.ofDefaults()}) on this
   * machine: Windows PowerShell's absolute path on Windows, {@code pwsh} elsewhere.
   */
  public static String defaultExecutable() {
    return new EnabledIfPowerShellCondition().defaultOnThisMachine();
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<EnabledIfPowerShell> annotation = context.getElement()
        .flatMap(element -> AnnotationSupport.findAnnotation(element, EnabledIfPowerShell.class));
    if (annotation.isEmpty()) {
      return ConditionEvaluationResult.enabled("@EnabledIfPowerShell is not present here");
    }
    return evaluate(annotation.get().value());
  }

  /** Enabled if {@code executable} (or, empty, the default) is found. */
  ConditionEvaluationResult evaluate(String executable) {
    String wanted = executable.isEmpty() ? defaultOnThisMachine() : executable;
    return find(wanted)
        .map(path -> ConditionEvaluationResult.enabled("PowerShell found at " + path))
        .orElseGet(() -> ConditionEvaluationResult.disabled("no PowerShell (" + wanted + ") on this machine"));
  }

  private String defaultOnThisMachine() {
    if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      String systemRoot = environment.getOrDefault("SystemRoot", "C:\\Windows");
      return Path.of(systemRoot, "System32", "WindowsPowerShell", "v1.0", "powershell.exe").toString();
    }
    return "pwsh";
  }

  /** {@code executable} if it is an absolute path to an executable file, or the first match on the {@code PATH}. */
  private Optional<Path> find(String executable) {
    Path given = Path.of(executable);
    if (given.isAbsolute()) {
      return Files.isRegularFile(given) && Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
    }
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      for (String name : new String[] {executable, executable + ".exe"}) {
        Path candidate = Path.of(directory, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
