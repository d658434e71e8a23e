package io.github.lyncupgrade.powershell;

/**
 * The PowerShell process ended while a request was outstanding. The session was restarted;
 * what the script did is unknown.
 */
public class PowerShellDiedException extends PowerShellException {
  private static final long serialVersionUID = 1L;

  /** The process ended during {@code request}. */
  public PowerShellDiedException(String request, String exit, String stderrTail) {
    super("PowerShell ended (" + exit + ") during " + request + "; the session was restarted and the outcome is unknown",
        stderrTail);
  }
}
