package io.github.lyncupgrade.powershell;

/**
 * The PowerShell session could not carry out a request. Carries the end of what the process
 * wrote to its error stream, for diagnosis.
 */
public class PowerShellException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String stderrTail;

  /** With a message and the end of the process's error stream. */
  public PowerShellException(String message, String stderrTail) {
    super(stderrTail.isBlank() ? message : message + "; PowerShell's error stream ended with: " + stderrTail.strip());
    this.stderrTail = stderrTail;
  }

  /** The last part of what PowerShell wrote to its error stream. */
  public String stderrTail() {
    return stderrTail;
  }
}
