package io.github.lyncupgrade.powershell;

/**
 * A request did not finish in time. The session was killed and restarted, so what the script
 * did is unknown: check the server's state before doing it again.
 */
public class PowerShellTimeoutException extends PowerShellException {
  private static final long serialVersionUID = 1L;

  /** {@code request} did not answer within its timeout. */
  public PowerShellTimeoutException(String request, java.time.Duration timeout, String stderrTail) {
    super(request + " did not answer within " + timeout + "; the session was restarted and the outcome is unknown",
        stderrTail);
  }
}
