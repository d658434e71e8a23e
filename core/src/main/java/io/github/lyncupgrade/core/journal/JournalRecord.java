package io.github.lyncupgrade.core.journal;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.step.StepId;
import java.time.Instant;

/**
 * One step transition in a {@link Journal}.
 *
 * @param sequence the record's number in the journal, from 1
 * @param at when the transition happened, on the run's clock
 * @param step the step
 * @param status the status it moved to: STARTED, SUCCEEDED, FAILED or SKIPPED
 * @param detail what happened, in a line an operator understands (may be empty)
 */
public record JournalRecord(long sequence, Instant at, StepId step, StepStatus status, String detail) {
  /** Rejects nulls and PENDING, which is never recorded. */
  public JournalRecord {
    requireNonNull(at, "at");
    requireNonNull(step, "step");
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
    if (status == StepStatus.PENDING) {
      throw new IllegalArgumentException("PENDING is the absence of a record, not a record");
    }
  }
}
