package io.github.lyncupgrade.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file journal; tagged reliability for its torn-record, full-disk and lock cases. */
@Tag("reliability")
class FileJournalTest {
  private static final Instant T0 = Instant.parse("2026-01-10T22:00:00Z");

  @TempDir
  Path directory;

  private static Topology topology(String secondServer) {
    return Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
            .upgradeDomain("UD2", secondServer).backEnd("sql01.contoso.com"))
        .build();
  }

  private static UpgradePlan plan() {
    return Planner.create().plan(topology("fe02.contoso.com"));
  }

  private static JournalRecord record(UpgradePlan plan, long sequence, StepStatus status, String detail) {
    Step step = plan.steps().get((int) (sequence - 1) / 2);
    return new JournalRecord(sequence, T0.plusSeconds(sequence), step.id(), status, detail);
  }

  /** A journal of {@code count} records; returns its bytes and the offset where each record's line ends. */
  private Path writeJournal(UpgradePlan plan, int count) {
    Path path = directory.resolve("run.journal");
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FSYNC)) {
      assertThat(journal.open(plan).isNew()).isTrue();
      for (int i = 1; i <= count; i++) {
        journal.append(record(plan, i, i % 2 == 1 ? StepStatus.STARTED : StepStatus.SUCCEEDED,
            i == 2 ? "a detail with\ttabs,\nnewlines and \\ backslashes" : "ok"));
      }
    }
    return path;
  }

  @Test
  void recordsRoundTripWithTheirDetails() {
    UpgradePlan plan = plan();
    Path path = writeJournal(plan, 6);

    JournalContents contents = FileJournal.read(path);

    assertThat(contents.planFingerprint()).isEqualTo(plan.fingerprint());
    assertThat(contents.planOptions()).isEqualTo(plan.options().canonical().encode());
    assertThat(contents.records()).hasSize(6).first().isEqualTo(record(plan, 1, StepStatus.STARTED, "ok"));
    assertThat(contents.records().get(1).detail()).isEqualTo("a detail with\ttabs,\nnewlines and \\ backslashes");
    assertThat(contents.latestStatuses()).containsEntry(plan.steps().get(2).id(), StepStatus.SUCCEEDED);
    assertThat(contents.nextSequence()).isEqualTo(7);
    assertThat(contents.ignoredTail()).isEmpty();
  }

  @Test
  void aTornLastRecordAtEveryByteOffsetIsReportedIgnoredAndCutOff() throws IOException {
    UpgradePlan plan = plan();
    byte[] whole = Files.readAllBytes(writeJournal(plan, 4));
    List<Integer> lineEnds = lineEnds(whole);
    int headerEnd = lineEnds.get(0);
    Path torn = directory.resolve("torn.journal");

    for (int offset = headerEnd + 1; offset < whole.length; offset++) {
      int cut = offset;
      Files.write(torn, Arrays.copyOf(whole, cut));
      int complete = (int) lineEnds.stream().filter(end -> end <= cut).count() - 1;
      boolean atBoundary = lineEnds.contains(cut);

      JournalContents read = FileJournal.read(torn);
      assertThat(read.records()).as("cut at %d", cut).hasSize(complete);
      assertThat(read.ignoredTail().isPresent()).as("cut at %d", cut).isEqualTo(!atBoundary);

      try (FileJournal journal = FileJournal.open(torn, FileJournal.Durability.FLUSH)) {
        JournalContents opened = journal.open(plan);
        assertThat(opened.records()).hasSize(complete);
        journal.append(record(plan, opened.nextSequence(), StepStatus.STARTED, "after the crash"));
      }
      JournalContents repaired = FileJournal.read(torn);
      assertThat(repaired.ignoredTail()).as("cut at %d", cut).isEmpty();
      assertThat(repaired.records()).hasSize(complete + 1).last()
          .satisfies(last -> assertThat(last.detail()).isEqualTo("after the crash"));
    }
    System.out.printf("RELIABILITY journal, a torn last record at every byte offset: %d cases, 0 failures%n",
        whole.length - headerEnd - 1);
  }

  /** Writes a header and six records on a disk with {@code room} bytes; returns how many appends succeeded. */
  private static int writeUntilFull(UpgradePlan plan, Path path, long room) {
    int appended = 0;
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH,
        file -> new DiskFullChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE), room))) {
      journal.open(plan);
      for (int i = 1; i <= 6; i++) {
        journal.append(record(plan, i, i % 2 == 1 ? StepStatus.STARTED : StepStatus.SUCCEEDED, "ok"));
        appended = i;
      }
    } catch (JournalException e) {
      assertThat(e.getMessage()).contains("is the disk full?", "No space left on device");
      return -1 - appended;
    }
    return appended;
  }

  @Test
  void aDiskThatFillsUpAtAnyByteIsReportedAndLosesNothingRecordedBefore() throws IOException {
    UpgradePlan plan = plan();
    Path roomy = directory.resolve("roomy.journal");
    assertThat(writeUntilFull(plan, roomy, Long.MAX_VALUE)).isEqualTo(6);
    long size = Files.size(roomy);

    for (long room = 0; room < size; room++) {
      Path path = directory.resolve("full-" + room + ".journal");
      int result = writeUntilFull(plan, path, room);
      assertThat(result).as("room for %d of %d bytes: the full disk is reported", room, size).isNegative();
      int appended = -1 - result;

      try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
        JournalContents reopened = journal.open(plan);
        assertThat(reopened.records()).as("room for %d bytes: every record written before is there", room)
            .hasSize(appended);
        journal.append(record(plan, reopened.nextSequence(), StepStatus.STARTED, "after freeing the disk"));
      }
      assertThat(FileJournal.read(path).records()).hasSize(appended + 1);
    }
    System.out.printf("RELIABILITY journal, the disk full at every byte of a run's writes: %d cases, 0 failures%n",
        size);
  }

  @Test
  void aTornHeaderMeansANewJournal() throws IOException {
    UpgradePlan plan = plan();
    byte[] whole = Files.readAllBytes(writeJournal(plan, 0));
    Path torn = directory.resolve("torn-header.journal");

    for (int cut = 1; cut < whole.length; cut++) {
      Files.write(torn, Arrays.copyOf(whole, cut));
      try (FileJournal journal = FileJournal.open(torn, FileJournal.Durability.FLUSH)) {
        JournalContents opened = journal.open(plan);
        assertThat(opened.isNew()).as("cut at %d", cut).isTrue();
        assertThat(opened.ignoredTail()).isPresent();
      }
      assertThat(FileJournal.read(torn).planFingerprint()).isEqualTo(plan.fingerprint());
    }
  }

  @Test
  void damageBeforeTheLastRecordIsRefused() throws IOException {
    Path path = writeJournal(plan(), 4);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    Files.writeString(path, text.replaceFirst("STARTED", "SUCCEEDED"), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
        .hasMessageContaining("damaged at line 2").hasMessageContaining("before its last record");
  }

  @Test
  void twoExecutorsCannotShareAJournal() {
    Path path = directory.resolve("locked.journal");
    try (FileJournal first = FileJournal.open(path, FileJournal.Durability.FSYNC)) {
      assertThatThrownBy(() -> FileJournal.open(path, FileJournal.Durability.FSYNC))
          .isInstanceOf(JournalLockedException.class).hasMessageContaining("in use by another executor");
    }
    try (FileJournal again = FileJournal.open(path, FileJournal.Durability.FSYNC)) {
      assertThat(again.path()).isEqualTo(path);
    }
  }

  @Test
  void aJournalOfAnotherPlanIsRefusedWithWhatChanged() {
    Path path = writeJournal(plan(), 2);

    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FSYNC)) {
      UpgradePlan downtime = Planner.create(PlanOptions.builder().scheduledDowntime(true).build())
          .plan(topology("fe02.contoso.com"));
      assertThatThrownBy(() -> journal.open(downtime)).isInstanceOf(JournalMismatchException.class)
          .hasMessageContaining("written for a different plan")
          .hasMessageContaining("The options changed: scheduledDowntime was 'false', is 'true'")
          .satisfies(e -> assertThat(((JournalMismatchException) e).mismatch().orElseThrow().optionChanges())
              .extracting(CanonicalOptions.Change::key).containsExactly("scheduledDowntime"));

      UpgradePlan otherServers = Planner.create().plan(topology("fe09.contoso.com"));
      journal.append(record(plan(), 3, StepStatus.STARTED, ""));
      assertThat(journal.open(plan()).records()).hasSize(3);
      UpgradePlan renamed = Planner.create().plan(Topology.builder()
          .pool(Pool.enterprise("pool07.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
              .upgradeDomain("UD2", "fe02.contoso.com").backEnd("sql01.contoso.com")).build());
      assertThatThrownBy(() -> journal.open(renamed)).hasMessageContaining("records steps this plan does not have");
      assertThatThrownBy(() -> journal.open(otherServers)).isInstanceOf(JournalMismatchException.class)
          .hasMessageContaining("Resume with the topology and options of the original run");
    }
  }

  @Test
  void aFileThatIsNotAJournalIsRefusedAndLeftAsItIs() throws IOException {
    List<byte[]> notJournals = List.of("hello\tworld\t00000000\nmore\n".getBytes(StandardCharsets.UTF_8),
        "#!/bin/sh\nrm -rf /tmp/x\n".getBytes(StandardCharsets.UTF_8),
        "a text file of one line and no line feed".getBytes(StandardCharsets.UTF_8),
        "{ \"pools\": [] }".getBytes(StandardCharsets.UTF_8),
        new byte[] {0, 1, 2, (byte) 0xff, '\n'},
        "#lync-upgrade-journal but not quite\n".getBytes(StandardCharsets.UTF_8));
    Path path = directory.resolve("not-a-journal");

    for (byte[] bytes : notJournals) {
      Files.write(path, bytes);

      assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
          .hasMessageContaining("is not a lync-upgrade journal").hasMessageContaining("left as it is");
      try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
        assertThatThrownBy(() -> journal.open(plan())).isInstanceOf(JournalException.class)
            .hasMessageContaining("is not a lync-upgrade journal");
      }
      assertThat(Files.readAllBytes(path)).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(bytes);
    }
  }

  @Test
  void aJournalCreatedAndClosedBeforeAPlanWasBoundLeavesNoFileBehind() throws IOException {
    Path created = directory.resolve("refused-before-it-began.journal");
    FileJournal.open(created, FileJournal.Durability.FLUSH).close();
    assertThat(created).doesNotExist();

    Path existing = Files.createFile(directory.resolve("made-by-the-operator.journal"));
    FileJournal.open(existing, FileJournal.Durability.FLUSH).close();
    assertThat(existing).exists();

    Path bound = directory.resolve("bound.journal");
    try (FileJournal journal = FileJournal.open(bound, FileJournal.Durability.FLUSH)) {
      journal.open(plan());
    }
    assertThat(FileJournal.read(bound).planFingerprint()).isEqualTo(plan().fingerprint());
  }

  /** A line as the journal writes it, with a valid checksum: what a forger who knows the format writes. */
  private static String line(String... fields) {
    String content = String.join("\t", fields);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(content.getBytes(StandardCharsets.UTF_8));
    return content + "\t" + String.format("%08x", crc.getValue()) + "\n";
  }

  @Test
  void aForgedRecordForAStepThePlanDoesNotHaveIsRefusedThoughItsChecksumIsValid() throws IOException {
    UpgradePlan plan = plan();
    Path path = writeJournal(plan, 2);
    Files.writeString(path, line("3", T0.toString(), "SUCCEEDED", "pool01.contoso.com/UD9/fe99.contoso.com/verify", "ok"),
        StandardOpenOption.APPEND);
    byte[] forged = Files.readAllBytes(path);

    JournalMismatch mismatch = FileJournal.read(path).mismatchWith(plan).orElseThrow();
    assertThat(mismatch.isTampered()).isTrue();
    assertThat(mismatch.unknownSteps()).extracting(step -> step.value())
        .containsExactly("pool01.contoso.com/UD9/fe99.contoso.com/verify");
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      assertThatThrownBy(() -> journal.open(plan)).isInstanceOf(JournalMismatchException.class)
          .hasMessageContaining("was written for this plan, yet it records steps the plan does not have")
          .hasMessageContaining("cannot be trusted");
    }
    assertThat(Files.readAllBytes(path)).isEqualTo(forged);
  }

  @Test
  void aJournalOfAnEarlierVersionStillResumesItsOwnPlanAndIsOtherwiseRefusedAsSuch() throws IOException {
    UpgradePlan plan = plan();
    Path path = directory.resolve("earlier.journal");
    String earlierOptions = "PlanOptions[scheduledDowntime=false, ...]";
    Files.writeString(path, line(JournalFormat.MAGIC, "1", plan.fingerprint(), earlierOptions)
        + line("1", T0.toString(), "STARTED", plan.steps().get(0).id().value(), ""), StandardCharsets.UTF_8);

    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      assertThat(journal.open(plan).records()).hasSize(1);
      UpgradePlan downtime = Planner.create(PlanOptions.builder().scheduledDowntime(true).build())
          .plan(topology("fe02.contoso.com"));
      assertThatThrownBy(() -> journal.open(downtime)).isInstanceOf(JournalMismatchException.class)
          .hasMessageContaining("It was written by an earlier version, with the options " + earlierOptions)
          .satisfies(e -> assertThat(((JournalMismatchException) e).mismatch().orElseThrow().earlierVersionOptions())
              .contains(earlierOptions));
    }
  }

  @Test
  void blankLinesAndCarriageReturnsAnEditorAddedAreNotDamage() throws IOException {
    UpgradePlan plan = plan();
    Path path = writeJournal(plan, 4);
    String written = Files.readString(path, StandardCharsets.UTF_8);
    Path edited = directory.resolve("edited.journal");

    for (String variant : List.of(written + "\n", written + "\n\n  \n", written + "\r\n", written.replace("\n", "\r\n"),
        written.replaceFirst("\n", "\n\n"))) {
      Files.writeString(edited, variant, StandardCharsets.UTF_8);

      JournalContents read = FileJournal.read(edited);
      assertThat(read.records()).hasSize(4);
      assertThat(read.ignoredTail()).isEmpty();
      try (FileJournal journal = FileJournal.open(edited, FileJournal.Durability.FLUSH)) {
        assertThat(journal.open(plan).records()).hasSize(4);
        journal.append(record(plan, 5, StepStatus.STARTED, "after the edit"));
      }
      assertThat(FileJournal.read(edited).records()).hasSize(5).last()
          .satisfies(last -> assertThat(last.detail()).isEqualTo("after the edit"));
    }
  }

  @Test
  void anUnreadableRecordIsSaidInTheJournalsWordsWithItsLine() throws IOException {
    UpgradePlan plan = plan();
    String header = Files.readString(writeJournal(plan, 0), StandardCharsets.UTF_8);
    Path path = directory.resolve("unreadable.journal");
    String step = plan.steps().get(0).id().value();

    Files.writeString(path, header + line("1", T0.toString(), "DONE", step, "") + line("2", T0.toString(), "STARTED", step,
        ""));
    assertThatThrownBy(() -> FileJournal.read(path)).hasMessage("the journal " + path + " has an unreadable record at"
        + " line 2: 'DONE' is not a step status ([STARTED, SUCCEEDED, FAILED, SKIPPED])");

    Files.writeString(path, header + line("1", "yesterday", "STARTED", step, "") + line("2", T0.toString(), "STARTED", step,
        ""));
    assertThatThrownBy(() -> FileJournal.read(path)).hasMessageContaining("line 2: 'yesterday' is not a time");

    Files.writeString(path, header + line("7", T0.toString(), "STARTED", step, "") + line("8", T0.toString(), "STARTED",
        step, ""));
    assertThatThrownBy(() -> FileJournal.read(path)).hasMessageContaining("line 2: it is numbered '7' where record 1"
        + " belongs");
  }

  @Test
  void aClosedJournalRefusesRecords() {
    Path path = directory.resolve("closed.journal");
    FileJournal journal = FileJournal.open(path, FileJournal.Durability.FSYNC);
    journal.open(plan());
    journal.close();

    assertThatThrownBy(() -> journal.append(record(plan(), 1, StepStatus.STARTED, "")))
        .isInstanceOf(JournalException.class).hasMessageContaining("is closed");
  }

  /** The channel {@link #openRecorded} gave the journal. */
  private RecordingChannel recorded;

  private FileJournal openRecorded(Path path, FileJournal.Durability durability, int bytesPerWrite) {
    return FileJournal.open(path, durability, file -> recorded = new RecordingChannel(
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
        bytesPerWrite));
  }

  @Test
  void fe0_fsyncPutsTheHeaderAndEveryRecordOnTheDiskBeforeTheStepGoesOn() {
    UpgradePlan plan = plan();
    try (FileJournal journal = openRecorded(directory.resolve("durable.journal"), FileJournal.Durability.FSYNC,
        Integer.MAX_VALUE)) {
      journal.open(plan);
      assertThat(recorded.unforcedBytes()).as("the header, before the first step runs").isZero();
      for (int i = 1; i <= 6; i++) {
        journal.append(record(plan, i, i % 2 == 1 ? StepStatus.STARTED : StepStatus.SUCCEEDED, "ok"));
        assertThat(recorded.unforcedBytes()).as("record %d, when append returns", i).isZero();
        assertThat(recorded.forces()).as("one force per line written").isEqualTo(1 + i);
      }
    }
  }

  @Test
  void flushHandsTheRecordsToTheOperatingSystemWithoutWaitingForTheDisk() throws IOException {
    UpgradePlan plan = plan();
    Path path = directory.resolve("flushed.journal");
    try (FileJournal journal = openRecorded(path, FileJournal.Durability.FLUSH, Integer.MAX_VALUE)) {
      journal.open(plan);
      journal.append(record(plan, 1, StepStatus.STARTED, "ok"));
      assertThat(recorded.forces()).isZero();
      assertThat(recorded.unforcedBytes()).isEqualTo(Files.size(path));
    }
    assertThat(FileJournal.read(path).records()).hasSize(1);
  }

  @Test
  void aDiskThatTakesFewerBytesPerWriteStillGetsEveryLineWholeAndInOrder() throws IOException {
    UpgradePlan plan = plan();
    byte[] expected = Files.readAllBytes(writeJournal(plan, 6));

    for (int bytesPerWrite : new int[] {1, 3, 7, 64}) {
      Path path = directory.resolve("short-writes-" + bytesPerWrite + ".journal");
      try (FileJournal journal = openRecorded(path, FileJournal.Durability.FSYNC, bytesPerWrite)) {
        journal.open(plan);
        for (int i = 1; i <= 6; i++) {
          journal.append(record(plan, i, i % 2 == 1 ? StepStatus.STARTED : StepStatus.SUCCEEDED,
              i == 2 ? "a detail with\ttabs,\nnewlines and \\ backslashes" : "ok"));
          assertThat(recorded.unforcedBytes()).isZero();
        }
      }
      assertThat(Files.readAllBytes(path)).as("%d bytes per write", bytesPerWrite).isEqualTo(expected);
      assertThat(FileJournal.read(path).records()).hasSize(6);
    }
  }

  /**
   * A journal of four records (lines 2 to 5) in which seven bytes of the line {@code recordLine}
   * never reached the disk (zeros; its line feed did), followed by {@code after}.
   */
  private Path withZeroedBytesInRecord(UpgradePlan plan, int recordLine, String after) throws IOException {
    Files.deleteIfExists(directory.resolve("run.journal"));
    Path path = writeJournal(plan, 4);
    byte[] bytes = Files.readAllBytes(path);
    List<Integer> ends = lineEnds(bytes);
    int start = ends.get(recordLine - 2);
    for (int i = start + 5; i < start + 12; i++) {
      bytes[i] = 0;
    }
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] damaged = Arrays.copyOf(bytes, bytes.length + tail.length);
    System.arraycopy(tail, 0, damaged, bytes.length, tail.length);
    Files.write(path, damaged);
    return path;
  }

  @Test
  void fe0_aCompleteLastLineThatFailsItsChecksumIsATornWriteReportedAndCutOff() throws IOException {
    UpgradePlan plan = plan();
    // A crash can put a line's end on the disk before a sector inside it: the line looks whole but
    // does not match its checksum. It is the last write, so it is torn, not damage.
    for (String after : List.of("", "\n", "\r\n  \n")) {
      Path path = withZeroedBytesInRecord(plan, 5, after);
      int lastLineStart = lineEnds(Files.readAllBytes(path)).get(3);

      JournalContents read = FileJournal.read(path);
      assertThat(read.records()).hasSize(3);
      assertThat(read.ignoredTail()).get(InstanceOfAssertFactories.STRING)
          .contains("the last record of", "was torn by a crash and is ignored: line 5 (")
          .endsWith("bytes) fails its checksum");

      try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
        assertThat(journal.open(plan).records()).hasSize(3);
        assertThat(Files.size(path)).as("the torn line is cut off").isEqualTo(lastLineStart);
        journal.append(record(plan, 4, StepStatus.SUCCEEDED, "again"));
      }
      JournalContents resumed = FileJournal.read(path);
      assertThat(resumed.ignoredTail()).isEmpty();
      assertThat(resumed.records()).hasSize(4).last().satisfies(last -> assertThat(last.detail()).isEqualTo("again"));
    }
  }

  @Test
  void fe0_aLineThatFailsItsChecksumBeforeTheLastIsDamageRefusedAndTheFileLeftAsItIs() throws IOException {
    UpgradePlan plan = plan();
    for (int line = 2; line <= 4; line++) {
      Path path = withZeroedBytesInRecord(plan, line, "");
      byte[] damaged = Files.readAllBytes(path);

      assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
          .hasMessageContaining("is damaged at line " + line + " (its checksum does not match), before its last record");
      try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
        assertThatThrownBy(() -> journal.open(plan)).isInstanceOf(JournalException.class)
            .hasMessageContaining("damaged at line " + line);
      }
      assertThat(Files.readAllBytes(path)).as("line %d", line).isEqualTo(damaged);
    }
  }

  private static List<Integer> lineEnds(byte[] bytes) {
    java.util.ArrayList<Integer> ends = new java.util.ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        ends.add(i + 1);
      }
    }
    return ends;
  }
}
