package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to start the PowerShell process behind a {@link PowerShellSession}. Immutable.
 *
 * <p>{@link #ofDefaults()} is Windows PowerShell 5.1 by absolute path on Windows (the Lync
 * module needs it, and an absolute path cannot be hijacked through {@code PATH}) and
 * {@code pwsh} elsewhere, both with {@code -NoLogo -NoProfile -NonInteractive -ExecutionPolicy
 * Bypass -Command -}. Tests start any program that speaks the same protocol with {@link #command}.
 */
public final class PowerShellOptions {
  /** The arguments every PowerShell session starts with. */
  public static final List<String> STANDARD_ARGUMENTS =
      List.of("-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", "-");

  /** How long one command may take unless set otherwise: an hour, enough for an installer. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofHours(1);
  /** How long the process may take to start and answer its first ping unless set otherwise. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(1);

  private final List<String> command;
  private final Duration commandTimeout;
  private final Duration startTimeout;

  private PowerShellOptions(List<String> command, Duration commandTimeout, Duration startTimeout) {
    this.command = List.copyOf(command);
    this.commandTimeout = commandTimeout;
    this.startTimeout = startTimeout;
  }

  /** Windows PowerShell on Windows, {@code pwsh} elsewhere; a one-hour command timeout. */
  public static PowerShellOptions ofDefaults() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return windows ? windowsPowerShell() : pwsh(Path.of("pwsh"));
  }

  /** {@code %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe} with the standard arguments. */
  public static PowerShellOptions windowsPowerShell() {
    String systemRoot = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
    return pwsh(Path.of(systemRoot, "System32", "WindowsPowerShell", "v1.0", "powershell.exe"));
  }

  /** The PowerShell at {@code executable} with the standard arguments. */
  public static PowerShellOptions pwsh(Path executable) {
    List<String> command = new ArrayList<>();
    command.add(requireNonNull(executable, "executable").toString());
    command.addAll(STANDARD_ARGUMENTS);
    return command(command);
  }

  /** Any program that speaks the session protocol, started with exactly {@code command}. */
  public static PowerShellOptions command(List<String> command) {
    requireNonNull(command, "command");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the command needs at least the executable");
    }
    return new PowerShellOptions(command, DEFAULT_COMMAND_TIMEOUT, DEFAULT_START_TIMEOUT);
  }

  /** These options with a different default per-command timeout. */
  public PowerShellOptions withCommandTimeout(Duration timeout) {
    return new PowerShellOptions(command, positive(timeout, "timeout"), startTimeout);
  }

  /** These options with a different time allowed for the process to start and answer its first ping. */
  public PowerShellOptions withStartTimeout(Duration timeout) {
    return new PowerShellOptions(command, commandTimeout, positive(timeout, "timeout"));
  }

  /** The executable and its arguments. */
  public List<String> command() {
    return command;
  }

  /** How long one command may take unless the invocation says otherwise. */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** How long the process may take to start and answer its first ping. */
  public Duration startTimeout() {
    return startTimeout;
  }

  private static Duration positive(Duration duration, String name) {
    requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return duration;
  }

  @Override
  public String toString() {
    return "PowerShellOptions" + command;
  }
}
