package io.github.lyncupgrade.core.journal;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records kept in memory; bound to one plan like a file journal. Thread-safe. */
final class InMemoryJournal implements Journal {
  private final List<JournalRecord> records = new ArrayList<>();
  private String fingerprint = "";
  private String options = "";

  @Override
  public synchronized JournalContents open(UpgradePlan plan) {
    if (fingerprint.isEmpty()) {
      fingerprint = plan.fingerprint();
      options = plan.options().canonical().encode();
      return JournalContents.empty();
    }
    JournalContents contents = new JournalContents(fingerprint, options, records, Optional.empty());
    JournalCompatibility.check("the in-memory journal", contents, plan);
    return contents;
  }

  @Override
  public synchronized void append(JournalRecord record) {
    records.add(record);
  }

  @Override
  public void close() {
    // Nothing to release: the records stay readable for another open().
  }
}
