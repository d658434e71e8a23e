package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.journal.JournalMismatch;
import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.plan.PlanProblem;
import io.github.lyncupgrade.core.plan.PlanRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The plan's {@linkplain CanonicalOptions canonical options} in the command's words: which
 * option gives each value ("--settle-minutes 20", "--scheduled-downtime", "no --strategy"), so
 * that a journal of other options is refused with "the journal was written with --settle-minutes
 * 20, this command has --settle-minutes 0". A key no option sets is shown as key=value.
 */
final class OptionWords {
  private OptionWords() {}

  /** How one canonical key reads as an option: its name, and a line saying how two values of it differ. */
  private record Words(String option, BiFunction<Optional<String>, Optional<String>, String> difference) {}

  private static final Map<String, Words> OPTIONS = Map.ofEntries(
      Map.entry("scheduledDowntime", flag("--scheduled-downtime", "true")),
      Map.entry("backEnd.order", flag("--back-end-first", "BEFORE_FRONT_ENDS")),
      Map.entry("failoverOnPoolProblem", flag("--no-failover", "false")),
      Map.entry("backEnd.serverProcedure", flag("--databases-only", "false")),
      Map.entry("stageUpdatesAhead", flag("--no-staging-ahead", "false")),
      Map.entry("resetRegistrarStateOnMissingReplicas", flag("--reset-registrar-state", "true")),
      Map.entry("confirmMirroredDatabaseUpdate", flag("--confirm-mirrored-update", "true")),
      Map.entry("failOverSingleServerPools", flag("--fail-over-single-server-pools", "true")),
      Map.entry("frontEnd.strategy", valued("--strategy",
          value -> value.equals("PRODUCT_DEFAULT") ? null : Text.printable(value))),
      Map.entry("frontEnd.drainingTimeout", valued("--draining-timeout", OptionWords::minutes)),
      Map.entry("settle.time", valued("--settle-minutes", OptionWords::minutes)),
      Map.entry("pool.failoverMode", valued("--pool-failover", value -> value.equals("PLANNED") ? null
          : Text.printable(value).toLowerCase(Locale.ROOT))),
      Map.entry("update.location", valued("--update", value -> "'" + Text.safe(value, false) + "'")),
      Map.entry("update.targetBuild", valued("--target-build", Text::printable)));

  /** An option given or not: {@code onValue} is the canonical value it gives. */
  private static Words flag(String option, String onValue) {
    return new Words(option, (journal, command) -> journal.equals(Optional.of(onValue))
        ? "the journal was written with " + option + ", this command without it"
        : "the journal was written without " + option + ", this command with it");
  }

  /** An option with a value; {@code shown} gives the value as typed, or null when the option is left out. */
  private static Words valued(String option, Function<String, String> shown) {
    Function<Optional<String>, String> as = value -> value.map(shown).map(text -> option + " " + text)
        .orElse("no " + option);
    return new Words(option, (journal, command) -> "the journal was written with " + as.apply(journal)
        + ", this command has " + as.apply(command));
  }

  private static String minutes(String duration) {
    try {
      return String.valueOf(Duration.parse(duration).toMinutes());
    } catch (RuntimeException e) {
      return "'" + Text.printable(duration) + "'";
    }
  }

  /** A key no option sets, as key=value. */
  private static String raw(CanonicalOptions.Change change) {
    Function<Optional<String>, String> as = value -> value.map(text -> change.key() + "=" + Text.printable(text))
        .orElse("no " + change.key());
    return "the journal was written with " + as.apply(change.before()) + ", this command has " + as.apply(change.after());
  }

  /** The planner's remedies, which name the Java API, and the options that give them. */
  private static final Map<String, String> REMEDIES = Map.of(
      "confirmMirroredDatabaseUpdate(true) (CLI: --confirm-mirrored-update)", "--confirm-mirrored-update",
      "(FrontEndStrategy.BY_UPGRADE_DOMAIN)", "(--strategy BY_UPGRADE_DOMAIN)",
      "(FrontEndStrategy.SERVER_BY_SERVER)", "(--strategy SERVER_BY_SERVER)");

  /** A refused plan's problems, each remedy named as the option that gives it. */
  static String refusal(PlanRefusedException refused) {
    StringBuilder out = new StringBuilder("the plan was refused (" + Text.count(refused.problems().size(), "problem")
        + "); nothing was run:");
    for (PlanProblem problem : refused.problems()) {
      String message = problem.message();
      for (Map.Entry<String, String> remedy : REMEDIES.entrySet()) {
        message = message.replace(remedy.getKey(), remedy.getValue());
      }
      out.append("\n  - ").append(problem.pool()).append(" (").append(problem.rule()).append("): ").append(message);
    }
    return out.toString();
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
    List<String> options = differences(mismatch.optionChanges());
    if (!options.isEmpty()) {
      why.append("\n  Its options differ from this command's:");
      options.forEach(line -> why.append("\n    ").append(line));
    }
    mismatch.earlierVersionOptions().ifPresent(text -> why.append("\n  It was written by an earlier version of"
        + " lync-upgrade (with the options ").append(Text.safe(text, false)).append("): finish that run with the"
        + " version that started it."));
    if (!mismatch.unknownSteps().isEmpty()) {
      why.append("\n  It records steps this command's plan does not have (").append(mismatch.steps()).append(")")
          .append(options.isEmpty() || mismatch.sharesNoStep() ? ": was it written for another --topology file?" : ".");
    }
    if (options.isEmpty() && mismatch.unknownSteps().isEmpty() && mismatch.earlierVersionOptions().isEmpty()) {
      why.append("\n  The options are the same: the --topology file describes its pools or servers differently than"
          + " the run's (another order, other domains, another product or Back End).");
    }
    return why.append("\n  Give the --topology file and the options of the run that wrote the journal, or a new"
        + " --journal to start afresh.").toString();
  }

  /** A line per differing option, each option once, in key order. */
  private static List<String> differences(List<CanonicalOptions.Change> changes) {
    boolean settleChanged = changes.stream().anyMatch(change -> change.key().equals("settle.time"));
    List<String> lines = new ArrayList<>();
    for (CanonicalOptions.Change change : changes) {
      if (settleChanged && change.key().equals("settle.giveUpAfter")) {
        continue; // the command derives the settle wait's give-up time from --settle-minutes
      }
      Words words = OPTIONS.get(change.key());
      lines.add(words == null ? raw(change) : words.difference().apply(change.before(), change.after()));
    }
    return lines;
  }
}
