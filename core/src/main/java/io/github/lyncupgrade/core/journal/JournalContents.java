package io.github.lyncupgrade.core.journal;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.plan.StepDurations;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a journal holds: the plan it belongs to and its records, in order. Immutable.
 *
 * @param planFingerprint the fingerprint of the plan the journal was written for, or empty for a new journal
 * @param planOptions the plan's options in their {@linkplain CanonicalOptions#encode() canonical encoding}
 *     (free text for a journal an earlier version wrote), for explaining a mismatch; empty for a new journal
 * @param records the complete records, in order
 * @param ignoredTail a description of a torn last record that was ignored, if any
 */
public record JournalContents(String planFingerprint, String planOptions, List<JournalRecord> records,
    Optional<String> ignoredTail) {

  /** Copies the list. */
  public JournalContents {
    records = List.copyOf(records);
  }

  /** An empty journal, not yet written for any plan. */
  public static JournalContents empty() {
    return new JournalContents("", "", List.of(), Optional.empty());
  }

  /** Whether nothing was ever written. */
  public boolean isNew() {
    return planFingerprint.isEmpty();
  }

  /**
   * Why this journal does not belong to {@code plan}: written for another plan (with the options
   * that differ and the steps the plan lacks), or written for it yet recording steps it does not
   * have. Empty when the journal belongs to the plan or records nothing yet; what
   * {@link Journal#open} refuses with {@link JournalMismatchException}.
   */
  public Optional<JournalMismatch> mismatchWith(UpgradePlan plan) {
    requireNonNull(plan, "plan");
    return JournalCompatibility.mismatch(this, plan);
  }

  /** Each recorded step's latest status, in order of first record. */
  public Map<StepId, StepStatus> latestStatuses() {
    Map<StepId, StepStatus> statuses = new LinkedHashMap<>();
    for (JournalRecord record : records) {
      statuses.put(record.step(), record.status());
    }
    return Collections.unmodifiableMap(statuses);
  }

  /**
   * How long each step of {@code plan} that this journal shows succeeding took: from its last
   * STARTED record to its SUCCEEDED record. Steps of the journal that {@code plan} does not hold
   * (a previous run of a topology that has changed since) are left out, as are skipped steps.
   * Give the result to {@link StepDurations#withObserved} to estimate the next run with it.
   */
  public Map<Step, Duration> observedDurations(UpgradePlan plan) {
    requireNonNull(plan, "plan");
    Map<StepId, Instant> startedAt = new HashMap<>();
    Map<Step, Duration> observed = new LinkedHashMap<>();
    for (JournalRecord record : records) {
      if (record.status() == StepStatus.STARTED) {
        startedAt.put(record.step(), record.at());
      } else if (record.status() == StepStatus.SUCCEEDED && startedAt.containsKey(record.step())) {
        Instant started = startedAt.remove(record.step());
        plan.step(record.step()).ifPresent(step -> observed.put(step, Duration.between(started, record.at())));
      }
    }
    return Collections.unmodifiableMap(observed);
  }

  /** The number the next record gets. */
  public long nextSequence() {
    return records.isEmpty() ? 1 : records.get(records.size() - 1).sequence() + 1;
  }
}
