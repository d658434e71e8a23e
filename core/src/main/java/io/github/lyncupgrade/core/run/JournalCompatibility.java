package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.plan.StepId;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.util.List;

/** Explains why a journal does not belong to a plan. */
final class JournalCompatibility {
  private JournalCompatibility() {}

  static void check(String location, JournalContents contents, UpgradePlan plan) {
    if (contents.isNew() || contents.planFingerprint().equals(plan.fingerprint())) {
      return;
    }
    StringBuilder why = new StringBuilder("the journal ").append(location)
        .append(" was written for a different plan (fingerprint ").append(contents.planFingerprint(), 0, 12)
        .append("..., this plan ").append(plan.fingerprint(), 0, 12).append("...); resuming could skip or repeat steps.");
    if (!contents.planOptions().equals(plan.options().toString())) {
      why.append("\n  The options changed: the journal has ").append(contents.planOptions())
          .append("\n  and this plan has ").append(plan.options());
    }
    List<StepId> unknown = contents.latestStatuses().keySet().stream()
        .filter(step -> plan.step(step).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      why.append("\n  The journal records steps this plan does not have: ")
          .append(unknown.subList(0, Math.min(5, unknown.size())))
          .append(unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "");
    }
    if (unknown.isEmpty() && contents.planOptions().equals(plan.options().toString())) {
      why.append("\n  The same steps are planned, but the topology changed what they do or their order.");
    }
    why.append("\n  Resume with the topology and options of the original run, or start a new journal.");
    throw new JournalMismatchException(why.toString());
  }
}
