package io.github.lyncupgrade.core.run;

/**
 * The journal was written for a different plan, so resuming from it could skip or repeat
 * steps. The message says what changed.
 */
public class JournalMismatchException extends JournalException {
  private static final long serialVersionUID = 1L;

  /** With an explanation of what differs. */
  public JournalMismatchException(String explanation) {
    super(explanation);
  }
}
