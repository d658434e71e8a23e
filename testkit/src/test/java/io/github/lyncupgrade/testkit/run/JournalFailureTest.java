package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalException;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: the journal refuses a write (a full disk) at every record of the sample's run.
 * The run stops with a typed {@link RunOutcome.JournalFailure}; resumed on the same file once the
 * disk has room, nothing recorded as done is lost or done again, and every server is updated once.
 */
@Tag("reliability")
class JournalFailureTest {
  @TempDir
  Path directory;

  /** A file journal whose disk fills up at record number {@code failAt}. */
  private static final class FillingJournal implements Journal {
    private final FileJournal file;
    private final int failAt;
    private int appended;

    FillingJournal(FileJournal file, int failAt) {
      this.file = file;
      this.failAt = failAt;
    }

    @Override
    public JournalContents open(UpgradePlan plan) {
      return file.open(plan);
    }

    @Override
    public void append(JournalRecord record) {
      if (++appended == failAt) {
        throw new JournalException("could not write to the journal " + file.path() + " (is the disk full?):"
            + " No space left on device");
      }
      file.append(record);
    }

    @Override
    public void close() {
      file.close();
    }
  }

  @Test
  void aFullDiskAtEveryRecordStopsTheRunTypedAndResumingLosesNothing() {
    UpgradePlan plan = Scenarios.plan(SampleTopologies.contoso());
    FakeDeployment clean = fake();
    Journal counting = Journal.inMemory();
    Scenarios.executor(clean, new Scenarios.Events(), counting).build().run(plan);
    int records = counting.open(plan).records().size();

    for (int failAt = 1; failAt <= records; failAt++) {
      Path path = directory.resolve("full-" + failAt + ".journal");
      FakeDeployment fake = fake();
      RunReport stopped;
      try (Journal journal = new FillingJournal(FileJournal.open(path, FileJournal.Durability.FLUSH), failAt)) {
        stopped = Scenarios.executor(fake, new Scenarios.Events(), journal).build().run(plan);
      }
      assertThat(stopped.outcome()).as("record %d", failAt).isInstanceOf(RunOutcome.JournalFailure.class);
      assertThat(stopped.outcome().describe()).contains("disk full");
      Set<StepId> doneBefore = doneSteps(FileJournal.read(path));

      RunReport resumed;
      try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
        resumed = Scenarios.executor(fake, new Scenarios.Events(), journal).build().resume(plan);
      }

      assertThat(resumed.outcome().isCompleted()).as("record %d: %s", failAt, resumed.outcome().describe()).isTrue();
      assertThat(fake).as("record %d", failAt).upgradedEveryServerExactlyOnce().hasEveryServerRunning();
      JournalContents after = FileJournal.read(path);
      assertThat(doneSteps(after)).as("record %d: nothing recorded as done is lost", failAt).containsAll(doneBefore);
      Map<StepId, Long> endings = after.records().stream().filter(record -> record.status().isDone())
          .collect(Collectors.groupingBy(JournalRecord::step, Collectors.counting()));
      assertThat(endings).as("record %d", failAt)
          .allSatisfy((step, times) -> assertThat(times).as("%s ended", step).isLessThanOrEqualTo(2));
    }
    System.out.printf("RELIABILITY journal, the disk full at every record of the sample's run: %d cases,"
        + " 0 failures%n", records);
  }

  private static Set<StepId> doneSteps(JournalContents journal) {
    return journal.latestStatuses().entrySet().stream().filter(entry -> entry.getValue().isDone())
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  private static FakeDeployment fake() {
    return FakeDeployment.builder(SampleTopologies.contoso()).timings(FakeTimings.instant()).build();
  }
}
