package io.github.lyncupgrade.core.journal;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.step.StepId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a journal does not belong to a plan, in parts a caller can put in its own words (the
 * {@code lync-upgrade} command names its options): {@link JournalContents#mismatchWith} finds it.
 *
 * @param journalFingerprint the fingerprint the journal was written for
 * @param planFingerprint the fingerprint of the plan it was compared with
 * @param optionChanges each option whose canonical value differs, from the journal's
 *     ({@link CanonicalOptions.Change#before()}) to the plan's ({@link CanonicalOptions.Change#after()})
 * @param earlierVersionOptions the journal's options as free text when an earlier version of the
 *     SDK wrote it, before options were recorded canonically; then the changes cannot be named
 * @param unknownSteps steps the journal records that the plan does not have, in journal order
 * @param recordedSteps how many steps the journal records in all
 */
public record JournalMismatch(String journalFingerprint, String planFingerprint,
    List<CanonicalOptions.Change> optionChanges, Optional<String> earlierVersionOptions, List<StepId> unknownSteps,
    int recordedSteps) {

  /** Copies the lists; rejects nulls. */
  public JournalMismatch {
    requireNonNull(journalFingerprint, "journalFingerprint");
    requireNonNull(planFingerprint, "planFingerprint");
    optionChanges = List.copyOf(optionChanges);
    requireNonNull(earlierVersionOptions, "earlierVersionOptions");
    unknownSteps = List.copyOf(unknownSteps);
  }

  /**
   * Whether the journal was written for this very plan and yet records steps it does not have:
   * it was edited or damaged, so none of it can be trusted.
   */
  public boolean isTampered() {
    return journalFingerprint.equals(planFingerprint);
  }

  /** Whether the journal records steps and none of them is the plan's: it belongs to another topology. */
  public boolean sharesNoStep() {
    return recordedSteps > 0 && unknownSteps.size() == recordedSteps;
  }

  /** The explanation, in the SDK's words (option keys as {@link CanonicalOptions} names them). */
  public String describe(String location) {
    StringBuilder why = new StringBuilder("the journal ").append(Text.path(location));
    if (isTampered()) {
      return why.append(" was written for this plan, yet it records steps the plan does not have (")
          .append(steps()).append("): it was edited or damaged and cannot be trusted; start a new journal").toString();
    }
    why.append(" was written for a different plan (fingerprint ").append(abbreviated(journalFingerprint))
        .append(", this plan ").append(abbreviated(planFingerprint)).append("); resuming could skip or repeat steps.");
    if (earlierVersionOptions.isPresent()) {
      why.append("\n  It was written by an earlier version, with the options ")
          .append(Text.safe(earlierVersionOptions.get(), false));
    }
    if (!optionChanges.isEmpty()) {
      why.append("\n  The options changed: ").append(optionChanges.stream()
          .map(change -> change.key() + " was " + shown(change.before()) + ", is " + shown(change.after()))
          .collect(Collectors.joining("; ")));
    }
    if (!unknownSteps.isEmpty()) {
      why.append("\n  The journal records steps this plan does not have: ").append(steps());
    }
    if (unknownSteps.isEmpty() && optionChanges.isEmpty() && earlierVersionOptions.isEmpty()) {
      why.append("\n  The same steps are planned, but the topology changed what they do or their order.");
    }
    return why.append("\n  Resume with the topology and options of the original run, or start a new journal.")
        .toString();
  }

  /** Up to five of the unknown steps, then how many more. */
  public String steps() {
    String shown = unknownSteps.stream().limit(5).map(step -> Text.printable(step.value()))
        .collect(Collectors.joining(", "));
    return unknownSteps.size() > 5 ? shown + " and " + (unknownSteps.size() - 5) + " more" : shown;
  }

  private static String shown(Optional<String> value) {
    return value.map(text -> "'" + Text.printable(text) + "'").orElse("not set");
  }

  private static String abbreviated(String fingerprint) {
    return fingerprint.length() > 12 ? Text.printable(fingerprint.substring(0, 12)) + "..." : Text.printable(fingerprint);
  }
}
