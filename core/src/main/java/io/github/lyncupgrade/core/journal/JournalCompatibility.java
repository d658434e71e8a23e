package io.github.lyncupgrade.core.journal;

import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.StepId;
import java.util.List;
import java.util.Optional;

/** Decides whether a journal belongs to a plan, and explains why not. */
final class JournalCompatibility {
  private JournalCompatibility() {}

  /** Why {@code contents} does not belong to {@code plan}; empty when it does (or records nothing yet). */
  static Optional<JournalMismatch> mismatch(JournalContents contents, UpgradePlan plan) {
    if (contents.isNew()) {
      return Optional.empty();
    }
    List<StepId> unknown = contents.latestStatuses().keySet().stream()
        .filter(step -> plan.step(step).isEmpty()).toList();
    if (contents.planFingerprint().equals(plan.fingerprint()) && unknown.isEmpty()) {
      return Optional.empty();
    }
    Optional<CanonicalOptions> recorded = CanonicalOptions.decode(contents.planOptions());
    List<CanonicalOptions.Change> changes =
        recorded.map(options -> plan.options().canonical().changesSince(options)).orElse(List.of());
    Optional<String> earlier = recorded.isPresent() ? Optional.empty() : Optional.of(contents.planOptions());
    return Optional.of(new JournalMismatch(contents.planFingerprint(), plan.fingerprint(), changes, earlier, unknown,
        contents.latestStatuses().size()));
  }

  static void check(String location, JournalContents contents, UpgradePlan plan) {
    Optional<JournalMismatch> mismatch = mismatch(contents, plan);
    if (mismatch.isPresent()) {
      throw new JournalMismatchException(mismatch.get(), mismatch.get().describe(location));
    }
  }
}
