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
 *
 * <p>They also bound what the SDK waits for: each operation's own wait (a restart, a computer
 * failover's draining timeout plus its wait time, a read, any other command), plus one
 * {@linkplain #timeoutGrace() grace} for the remote session's {@code -OperationTimeout} and two
 * before the SDK gives up on the shell; and they name the session configuration remote sessions open.
 */
public final class PowerShellOptions {
  /** The arguments every PowerShell session starts with. */
  public static final List<String> STANDARD_ARGUMENTS =
      List.of("-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", "-");

  /** How long a command with no wait of its own may take unless set otherwise: two hours, enough for an installer. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofHours(2);
  /** How long the process may take to start and answer its first ping unless set otherwise. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(1);

  private final List<String> command;
  private final Duration commandTimeout;
  private final Duration startTimeout;
  private final Duration readTimeout;
  private final Duration restartTimeout;
  private final Duration failoverWaitTime;
  private final Duration timeoutGrace;
  private final String sessionConfiguration;

  private PowerShellOptions(List<String> command, Duration commandTimeout, Duration startTimeout, Duration readTimeout,
      Duration restartTimeout, Duration failoverWaitTime, Duration timeoutGrace, String sessionConfiguration) {
    this.command = List.copyOf(command);
    this.commandTimeout = commandTimeout;
    this.startTimeout = startTimeout;
    this.readTimeout = readTimeout;
    this.restartTimeout = restartTimeout;
    this.failoverWaitTime = failoverWaitTime;
    this.timeoutGrace = timeoutGrace;
    this.sessionConfiguration = sessionConfiguration;
  }

  /** Windows PowerShell on Windows, {@code pwsh} elsewhere, with the default timeouts. */
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

  /**
   * Any program that speaks the session protocol, started with exactly {@code command}; the
   * default timeouts: a 2-hour command timeout, 15 minutes for a read, {@code Restart-Computer}
   * waiting an hour, {@code Invoke-CsComputerFailOver -WaitTime} an hour, 5 minutes' grace, and
   * PowerShell's default session configuration on the servers.
   */
  public static PowerShellOptions command(List<String> command) {
    requireNonNull(command, "command");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the command needs at least the executable");
    }
    return new PowerShellOptions(command, DEFAULT_COMMAND_TIMEOUT, DEFAULT_START_TIMEOUT, Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(5), "");
  }

  /**
   * These options with a different bound for a command that has no wait of its own: the
   * installer, {@code Install-CsDatabase}, the readiness cmdlet (which waits for replicas).
   */
  public PowerShellOptions withCommandTimeout(Duration timeout) {
    return new PowerShellOptions(command, positive(timeout, "timeout"), startTimeout, readTimeout, restartTimeout,
        failoverWaitTime, timeoutGrace, sessionConfiguration);
  }

  /** These options with a different time allowed for the process to start and answer its first ping. */
  public PowerShellOptions withStartTimeout(Duration timeout) {
    return new PowerShellOptions(command, commandTimeout, positive(timeout, "timeout"), readTimeout, restartTimeout,
        failoverWaitTime, timeoutGrace, sessionConfiguration);
  }

  /** These options with a different bound for a read: a server's status, {@code Test-CsDatabase}, the fabric state. */
  public PowerShellOptions withReadTimeout(Duration timeout) {
    return new PowerShellOptions(command, commandTimeout, startTimeout, positive(timeout, "timeout"), restartTimeout,
        failoverWaitTime, timeoutGrace, sessionConfiguration);
  }

  /**
   * These options with a different wait for a restarted server to answer PowerShell remoting again
   * ({@code Restart-Computer -Timeout}); a physical server may take 15 minutes.
   */
  public PowerShellOptions withRestartTimeout(Duration timeout) {
    return new PowerShellOptions(command, commandTimeout, startTimeout, readTimeout, positive(timeout, "timeout"),
        failoverWaitTime, timeoutGrace, sessionConfiguration);
  }

  /** These options with a different {@code -WaitTime} for {@code Invoke-CsComputerFailOver} (its own default is an hour). */
  public PowerShellOptions withFailoverWaitTime(Duration waitTime) {
    return new PowerShellOptions(command, commandTimeout, startTimeout, readTimeout, restartTimeout,
        positive(waitTime, "waitTime"), timeoutGrace, sessionConfiguration);
  }

  /**
   * These options with a different grace: how much longer than an operation's own bound its
   * remote session may run ({@code -OperationTimeout}), and twice that before the SDK gives up
   * on the shell, so the cmdlet's own timeout is reported as its error rather than as a shell
   * killed with the outcome unknown.
   */
  public PowerShellOptions withTimeoutGrace(Duration grace) {
    return new PowerShellOptions(command, commandTimeout, startTimeout, readTimeout, restartTimeout, failoverWaitTime,
        positive(grace, "grace"), sessionConfiguration);
  }

  /**
   * These options with remote sessions opened to {@code name}, a session configuration registered
   * on the servers ({@code Register-PSSessionConfiguration}), for example one whose RunAs account
   * reaches the Central Management Store without a second hop; empty for PowerShell's default.
   *
   * @throws IllegalArgumentException if the name holds anything but letters, digits, '.', '-' and '_'
   */
  public PowerShellOptions withSessionConfiguration(String name) {
    requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9._-]{0,128}")) {
      throw new IllegalArgumentException("a session configuration's name is letters, digits, '.', '-' and '_': " + name);
    }
    return new PowerShellOptions(command, commandTimeout, startTimeout, readTimeout, restartTimeout, failoverWaitTime,
        timeoutGrace, name);
  }

  /** The executable and its arguments. */
  public List<String> command() {
    return command;
  }

  /** How long a command without a wait of its own may take (see {@link #withCommandTimeout}). */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** How long a read may take. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** How long {@code Restart-Computer} waits for the server to answer again. */
  public Duration restartTimeout() {
    return restartTimeout;
  }

  /** {@code Invoke-CsComputerFailOver}'s {@code -WaitTime}. */
  public Duration failoverWaitTime() {
    return failoverWaitTime;
  }

  /** How much longer than an operation's own bound its session, then the SDK, waits. */
  public Duration timeoutGrace() {
    return timeoutGrace;
  }

  /** The session configuration remote sessions open, or empty for PowerShell's default. */
  public String sessionConfiguration() {
    return sessionConfiguration;
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
