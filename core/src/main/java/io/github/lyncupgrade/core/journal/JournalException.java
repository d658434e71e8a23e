package io.github.lyncupgrade.core.journal;

/** A journal cannot be read, written or used. */
public class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message that says what and where. */
  public JournalException(String message) {
    super(message);
  }

  /** With a message and the underlying cause. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
