package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.journal.JournalMismatch;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What each command needs of a journal file, checked before anything starts (no PowerShell, no
 * lock, no byte written), and said in the command's words: {@code run} needs a new journal,
 * {@code resume} and {@code status} the journal of this plan's run, {@code --learn-from} a
 * journal with steps of this plan. The executor checks again when it opens the journal.
 */
final class JournalFiles {
  private JournalFiles() {}

  /** {@code run --journal FILE}: a file that does not exist yet, or a journal of this plan with nothing recorded. */
  static void forRun(Path journal, UpgradePlan plan) {
    if (!Files.exists(journal)) {
      Path folder = journal.toAbsolutePath().getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        throw new BadInputException("--journal " + shown(journal) + ": the folder " + shown(folder)
            + (Files.exists(folder) ? " is not a folder" : " does not exist") + "; create it first, or keep the journal"
            + " elsewhere");
      }
      return;
    }
    JournalContents contents = read("--journal", journal);
    belongsTo(journal, contents, plan);
    if (!contents.records().isEmpty()) {
      throw new BadInputException("--journal " + shown(journal) + " already records " + contents.records().size()
          + " step transitions of this plan: go on from there with 'lync-upgrade resume' and the same options,"
          + " or give 'run' a new --journal file");
    }
  }

  /** {@code resume --journal FILE}: the journal of a run of this plan. */
  static JournalContents forResume(Path journal, UpgradePlan plan) {
    JournalContents contents = existing(journal, "nothing to resume: start the run with 'lync-upgrade run'");
    belongsTo(journal, contents, plan);
    return contents;
  }

  /** {@code status --journal FILE}: the journal of a run of this plan. */
  static JournalContents forStatus(Path journal, UpgradePlan plan) {
    JournalContents contents = existing(journal, "no run has recorded anything there ('lync-upgrade run' starts one)");
    belongsTo(journal, contents, plan);
    return contents;
  }

  /**
   * {@code --learn-from JOURNAL}: the durations its run measured of this plan's steps, said on
   * {@code err} when the journal also has steps the plan lacks; refused when it has none of them.
   */
  static Map<Step, Duration> durationsToLearn(Path journal, UpgradePlan plan, PrintWriter err) {
    JournalContents contents = read("--learn-from", journal);
    Map<Step, Duration> observed = contents.observedDurations(plan);
    long unknown = contents.latestStatuses().keySet().stream().filter(step -> plan.step(step).isEmpty()).count();
    if (observed.isEmpty()) {
      throw new BadInputException("--learn-from " + shown(journal) + ": the journal records no finished step of this"
          + " plan" + (unknown > 0 ? " (its " + Text.count(unknown, "step") + " are another deployment's)" : "")
          + ", so there is nothing to learn: give the journal of a run of this deployment, or leave --learn-from out");
    }
    if (unknown > 0) {
      err.println("--learn-from " + shown(journal) + ": learned the durations of " + Text.count(observed.size(), "step")
          + "; " + Text.count(unknown, "step") + " of the journal are not in this plan and were left out");
    }
    return observed;
  }

  private static JournalContents existing(Path journal, String otherwise) {
    if (!Files.exists(journal)) {
      throw new BadInputException("--journal " + shown(journal) + " does not exist: " + otherwise);
    }
    JournalContents contents = read("--journal", journal);
    if (contents.isNew()) {
      throw new BadInputException("--journal " + shown(journal) + " is empty: " + otherwise);
    }
    return contents;
  }

  private static JournalContents read(String option, Path journal) {
    try {
      return FileJournal.read(journal);
    } catch (JournalException e) {
      throw new BadInputException(option + ": " + e.getMessage());
    }
  }

  private static void belongsTo(Path journal, JournalContents contents, UpgradePlan plan) {
    Optional<JournalMismatch> mismatch = contents.mismatchWith(plan);
    if (mismatch.isPresent()) {
      throw new BadInputException(OptionWords.mismatch("--journal " + shown(journal), mismatch.get()));
    }
  }

  private static String shown(Path path) {
    return Text.path(path.toString());
  }
}
