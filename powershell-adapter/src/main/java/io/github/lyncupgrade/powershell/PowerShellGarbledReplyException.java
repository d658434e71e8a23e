package io.github.lyncupgrade.powershell;

/**
 * PowerShell answered a request with something that is not a reply of the protocol. The session
 * was restarted, since what else the process holds is unknown; what the script did is unknown.
 */
public class PowerShellGarbledReplyException extends PowerShellException {
  private static final long serialVersionUID = 1L;

  /** {@code request} got {@code problem} for an answer. */
  public PowerShellGarbledReplyException(String request, String problem, String stderrTail) {
    super("PowerShell answered " + request + " with something that is not a reply (" + problem
        + "); the session was restarted and the outcome is unknown", stderrTail);
  }
}
