package io.github.lyncupgrade.core.journal;

/** Another executor holds the journal: two runs must never share one. */
public class JournalLockedException extends JournalException {
  private static final long serialVersionUID = 1L;

  /** The journal at {@code location} is in use. */
  public JournalLockedException(String location) {
    super("the journal " + location + " is in use by another executor; wait for it to finish,"
        + " or make sure no other lync-upgrade process runs against it");
  }
}
