package io.github.lyncupgrade.core.journal;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.nio.file.Path;

/**
 * Where an executor records every step transition before it goes on (PROCEDURE FE-0: keep track
 * of what is done), so that a run stopped for any reason resumes exactly where it was.
 *
 * <p>{@link #file(Path)} is the durable one to use for real runs; {@link #inMemory()} keeps
 * records for the life of the object, for tests and dry runs.
 */
public interface Journal extends AutoCloseable {

  /**
   * Reads what is recorded and binds the journal to {@code plan}: a new journal records the
   * plan's fingerprint; an existing one must have been written for the same plan.
   *
   * @throws JournalMismatchException if the journal belongs to a different plan; it says what changed
   * @throws JournalException if the journal cannot be read
   */
  JournalContents open(UpgradePlan plan);

  /**
   * Appends a record, durably, before returning.
   *
   * @throws JournalException if it cannot be written (a full disk, a closed journal)
   */
  void append(JournalRecord record);

  /** Releases the journal (and its lock). */
  @Override
  void close();

  /** A journal that lives in memory only. */
  static Journal inMemory() {
    return new InMemoryJournal();
  }

  /**
   * A durable journal in the file at {@code path}, created if missing, locked against other
   * executors, each record forced to disk before the step proceeds.
   *
   * @throws JournalLockedException if another executor holds the journal
   * @throws JournalException if the file cannot be opened
   */
  static FileJournal file(Path path) {
    return FileJournal.open(path, FileJournal.Durability.FSYNC);
  }
}
