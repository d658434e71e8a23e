package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.run.JournalMismatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan's {@linkplain CanonicalOptions canonical options} in the command's words: which
 * option gives each value ("--settle-minutes 20", "--scheduled-downtime", "no --strategy"), so
 * that a journal of other options is refused with "the journal was written with --settle-minutes
 * 20, this command has --settle-minutes 0". A key no option sets is shown as key=value.
 */
final class OptionWords {
  private OptionWords() {}

  /** How one canonical key reads as an option; {@code words} maps a value to its words. */
  private record Words(String option, Function<String, String> words) {}

  private static final Map<String, Words> OPTIONS = Map.ofEntries(
      Map.entry("scheduledDowntime", flag("--scheduled-downtime", "true")),
      Map.entry("backEnd.order", flag("--back-end-first", "BEFORE_FRONT_ENDS")),
      Map.entry("failoverOnPoolProblem", flag("--no-failover", "false")),
      Map.entry("backEnd.serverProcedure", flag("--databases-only", "false")),
      Map.entry("stageUpdatesAhead", flag("--no-staging-ahead", "false")),
      Map.entry("resetRegistrarStateOnMissingReplicas", flag("--reset-registrar-state", "true")),
      Map.entry("confirmMirroredDatabaseUpdate", flag("--confirm-mirrored-update", "true")),
      Map.entry("frontEnd.strategy", new Words("--strategy",
          value -> value.equals("PRODUCT_DEFAULT") ? "no --strategy" : "--strategy " + Text.printable(value))),
      Map.entry("frontEnd.drainingTimeout", minutes("--draining-timeout")),
      Map.entry("settle.time", minutes("--settle-minutes")),
      Map.entry("update.location", new Words("--update", value -> "--update '" + Text.printable(value) + "'")),
      Map.entry("update.targetBuild", new Words("--target-build", value -> "--target-build " + Text.printable(value))));

  private static Words flag(String option, String valueWhenGiven) {
    return new Words(option, value -> value.equals(valueWhenGiven) ? option : "no " + option);
  }

  private static Words minutes(String option) {
    return new Words(option, value -> {
      try {
        return option + " " + Duration.parse(value).toMinutes();
      } catch (RuntimeException e) {
        return option + " '" + Text.printable(value) + "'";
      }
    });
  }

  /**
   * Why a journal does not belong to the plan this command made, in options and commands.
   *
   * @param journal how to name the journal, such as {@code --journal run.journal}
   */
  static String mismatch(String journal, JournalMismatch mismatch) {
    if (mismatch.isTampered()) {
      return journal + " was written for this plan, yet it records steps the plan does not have (" + mismatch.steps()
          + "): it was edited or damaged and cannot be trusted; give a new --journal";
    }
    StringBuilder why = new StringBuilder(journal).append(" was written for a different plan than this command's;"
        + " going on from it could skip or repeat steps.");
    List<Difference> options = differences(mismatch.optionChanges());
    if (!options.isEmpty()) {
      why.append("\n  The journal was written with ")
          .append(String.join(", ", options.stream().map(Difference::journal).toList()))
          .append("; this command has ").append(String.join(", ", options.stream().map(Difference::command).toList()))
          .append('.');
    }
    mismatch.earlierVersionOptions().ifPresent(text -> why.append("\n  It was written by an earlier version of"
        + " lync-upgrade (with the options ").append(Text.printable(text)).append("): finish that run with the"
        + " version that started it."));
    if (!mismatch.unknownSteps().isEmpty()) {
      why.append("\n  It records steps this topology does not have (").append(mismatch.steps())
          .append("): was it written for another --topology file?");
    }
    if (options.isEmpty() && mismatch.unknownSteps().isEmpty() && mismatch.earlierVersionOptions().isEmpty()) {
      why.append("\n  The options are the same: the --topology file describes its pools or servers differently than"
          + " the run's (another order, other domains, another product or Back End).");
    }
    return why.append("\n  Give the --topology file and the options of the run that wrote the journal, or a new"
        + " --journal to start afresh.").toString();
  }

  /** One option as the journal's run gave it and as this command gives it. */
  private record Difference(String journal, String command) {}

  /** Each differing option once, in the options' order. */
  private static List<Difference> differences(List<CanonicalOptions.Change> changes) {
    Set<String> seen = new LinkedHashSet<>();
    List<Difference> differences = new ArrayList<>();
    boolean settleChanged = changes.stream().anyMatch(change -> change.key().equals("settle.time"));
    for (CanonicalOptions.Change change : changes) {
      if (settleChanged && change.key().equals("settle.giveUpAfter")) {
        continue; // the command derives the settle wait's give-up time from --settle-minutes
      }
      Words words = OPTIONS.get(change.key());
      if (seen.add(words == null ? change.key() : words.option())) {
        differences.add(new Difference(say(change.key(), words, change.before()), say(change.key(), words, change.after())));
      }
    }
    return differences;
  }

  private static String say(String key, Words words, Optional<String> value) {
    if (value.isEmpty()) {
      return words == null ? "no " + key : "no " + words.option();
    }
    return words == null ? key + "=" + Text.printable(value.get()) : words.words().apply(value.get());
  }
}
