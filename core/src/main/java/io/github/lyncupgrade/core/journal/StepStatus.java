package io.github.lyncupgrade.core.journal;

/** Where a step stands in a run. */
public enum StepStatus {
  /** Not started. */
  PENDING,
  /** Started and not ended: running now, or interrupted by a crash (then re-checked on resume). */
  STARTED,
  /** Done. */
  SUCCEEDED,
  /** Failed; the run stopped. */
  FAILED,
  /** Not needed: a contingent step whose condition did not arise, a manual step, or a server already updated. */
  SKIPPED;

  /** Whether the step needs nothing more: succeeded or skipped. */
  public boolean isDone() {
    return this == SUCCEEDED || this == SKIPPED;
  }
}
