package io.github.lyncupgrade.core.journal;

import java.util.Optional;

/**
 * The journal was written for a different plan, so resuming from it could skip or repeat
 * steps; or it was written for this plan yet records steps the plan does not have (it was edited).
 * The message says what changed; {@link #mismatch()} gives it in parts.
 */
public class JournalMismatchException extends JournalException {
  private static final long serialVersionUID = 1L;

  private final transient JournalMismatch mismatch;

  /** With an explanation of what differs. */
  public JournalMismatchException(String explanation) {
    super(explanation);
    this.mismatch = null;
  }

  /** With what differs, and its explanation. */
  public JournalMismatchException(JournalMismatch mismatch, String explanation) {
    super(explanation);
    this.mismatch = mismatch;
  }

  /** What differs, when known. */
  public Optional<JournalMismatch> mismatch() {
    return Optional.ofNullable(mismatch);
  }
}
