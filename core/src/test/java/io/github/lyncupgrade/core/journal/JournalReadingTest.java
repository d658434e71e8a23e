package io.github.lyncupgrade.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FE-0's "keep track of which domains and servers are already upgraded": how a journal's bytes are
 * read back, trusting nothing that cannot be checked (fail closed), and how its file is held.
 */
class JournalReadingTest {
  private static final Instant T0 = Instant.parse("2026-01-10T22:00:00Z");
  private static final UpgradePlan PLAN = Planner.create().plan(Topology.builder()
      .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
          .upgradeDomain("UD2", "fe02.contoso.com").backEnd("sql01.contoso.com"))
      .build());

  @TempDir
  Path directory;

  private static JournalRecord record(long sequence, String detail) {
    return new JournalRecord(sequence, T0.plusSeconds(sequence), PLAN.steps().get((int) sequence).id(),
        sequence % 2 == 1 ? StepStatus.STARTED : StepStatus.SUCCEEDED, detail);
  }

  /** A journal of records 1..count, written as the executor writes one. */
  private Path journal(String name, int count) {
    Path path = directory.resolve(name);
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      journal.open(PLAN);
      for (int i = 1; i <= count; i++) {
        journal.append(record(i, "ok"));
      }
    }
    return path;
  }

  private static String header() {
    return JournalFormat.header(PLAN);
  }

  /** A line with a valid checksum, as a forger who knows the format writes it. */
  private static String line(String... fields) {
    String content = String.join("\t", fields);
    CRC32 crc = new CRC32();
    crc.update(content.getBytes(StandardCharsets.UTF_8));
    return content + "\t" + String.format("%08x", crc.getValue()) + "\n";
  }

  private static String recordLine(long sequence, String step, String detail) {
    return line(String.valueOf(sequence), T0.toString(), "STARTED", step, detail);
  }

  private Path written(String text) throws IOException {
    Path path = directory.resolve("forged.journal");
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path;
  }

  @Test
  void fe0_blankLinesAfterTheLastRecordAreCutOnResumeSoTheNextRecordFollowsIt() throws IOException {
    byte[] straight = Files.readAllBytes(journal("straight.journal", 5));
    Path edited = journal("edited.journal", 4);
    Files.writeString(edited, "\n\n  \r\n", StandardOpenOption.APPEND);

    try (FileJournal journal = FileJournal.open(edited, FileJournal.Durability.FLUSH)) {
      assertThat(journal.open(PLAN).records()).hasSize(4);
      journal.append(record(5, "ok"));
    }

    assertThat(Files.readAllBytes(edited)).as("the same bytes as a journal never edited").isEqualTo(straight);
  }

  @Test
  void fe0_aTornLastRecordIsReportedWithHowManyOfItsBytesAreIgnored() throws IOException {
    byte[] whole = Files.readAllBytes(journal("whole.journal", 4));
    String text = new String(whole, StandardCharsets.UTF_8);
    int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;

    Path torn = directory.resolve("torn.journal");
    Files.write(torn, java.util.Arrays.copyOf(whole, lastLineStart + 9));
    assertThat(FileJournal.read(torn).ignoredTail()).hasValueSatisfying(tail -> assertThat(tail)
        .endsWith("is ignored: line 5 (9 bytes) has no end of line"));

    byte[] damaged = whole.clone();
    damaged[lastLineStart + 3] = '#';
    Files.write(torn, damaged);
    assertThat(FileJournal.read(torn).ignoredTail()).hasValueSatisfying(tail -> assertThat(tail)
        .endsWith("is ignored: line 5 (" + (whole.length - lastLineStart) + " bytes) fails its checksum"));
  }

  @Test
  void fe0_aLineThatFailsItsChecksumIsTornOnlyWhenNothingButWhiteSpaceFollowsIt() throws IOException {
    byte[] whole = Files.readAllBytes(journal("whole.journal", 4));
    String text = new String(whole, StandardCharsets.UTF_8);
    int lastLineStart = text.lastIndexOf('\n', text.length() - 2) + 1;
    String damagedLast = text.substring(0, lastLineStart + 3) + "#" + text.substring(lastLineStart + 4);

    Path blankAfter = written(damagedLast + "\t \t\r\n\n");
    assertThat(FileJournal.read(blankAfter).records()).as("tabs and spaces carry nothing").hasSize(3);
    assertThat(FileJournal.read(blankAfter).ignoredTail()).isPresent();

    Path textAfter = written(damagedLast + "not a record\n");
    assertThatThrownBy(() -> FileJournal.read(textAfter)).isInstanceOf(JournalException.class)
        .hasMessageContaining("is damaged at line 5 (its checksum does not match), before its last record");
  }

  @Test
  void aHeaderThatFailsItsChecksumIsRefusedAsDamage() throws IOException {
    String header = header();
    Path path = written(header.replace(PLAN.fingerprint(), PLAN.fingerprint().replace(PLAN.fingerprint().charAt(0),
        PLAN.fingerprint().charAt(0) == 'a' ? 'b' : 'a')));

    assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
        .hasMessageContaining("has a damaged header (its checksum does not match)");
  }

  @Test
  void aHeaderWithAValidChecksumButOtherFieldsIsNotAJournal() throws IOException {
    Path path = written(line(JournalFormat.MAGIC, "1", PLAN.fingerprint()));

    assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
        .hasMessageContaining("is not a lync-upgrade journal");
  }

  @Test
  void aJournalOfAnotherFormatIsRefusedWithBothFormats() throws IOException {
    Path path = written(line(JournalFormat.MAGIC, "2", PLAN.fingerprint(), "whatever"));

    assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
        .hasMessageContaining("has format 2; this version reads 1");
  }

  @Test
  void unreadableOptionsInTheHeaderAreRefused() throws IOException {
    Path path = written(line(JournalFormat.MAGIC, "1", PLAN.fingerprint(),
        JournalFormat.escape("lync-upgrade-plan-options 1\nnot an option\n")));

    assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
        .hasMessageContaining("has unreadable options in its header");
  }

  @Test
  void aRecordWithAValidChecksumButTheWrongFieldsIsUnreadableNotTorn() throws IOException {
    String step = PLAN.steps().get(0).id().value();
    String next = recordLine(2, step, "");

    Path four = written(header() + line("1", T0.toString(), "STARTED", step) + next);
    assertThatThrownBy(() -> FileJournal.read(four)).isInstanceOf(JournalException.class)
        .hasMessageContaining("unreadable record at line 2: it has 4 fields, a record has 5");

    Path one = written(header() + line("") + next);
    assertThatThrownBy(() -> FileJournal.read(one)).isInstanceOf(JournalException.class)
        .hasMessageContaining("unreadable record at line 2: it has 1 fields, a record has 5");
  }

  @Test
  void aRecordThatNamesNoStepIsUnreadable() throws IOException {
    Path path = written(header() + recordLine(1, " ", "") + recordLine(2, PLAN.steps().get(0).id().value(), ""));

    assertThatThrownBy(() -> FileJournal.read(path)).isInstanceOf(JournalException.class)
        .hasMessageContaining("unreadable record at line 2: it names no step");
  }

  @Test
  void detailsKeepEveryCharacterTheExecutorWrote() {
    String detail = "Busy\r\nthen Ready\tafter 10 min \\ (FE-1a) \\t is not a tab";
    Path path = directory.resolve("details.journal");
    try (FileJournal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      journal.open(PLAN);
      journal.append(record(1, detail));
      journal.append(record(2, "\\"));
    }

    assertThat(FileJournal.read(path).records()).extracting(JournalRecord::detail).containsExactly(detail, "\\");
  }

  @Test
  void aLoneBackslashAtTheEndOfAForgedDetailIsKeptAsWritten() throws IOException {
    String step = PLAN.steps().get(0).id().value();
    Path path = written(header() + recordLine(1, step, "C:\\updates\\"));

    assertThat(FileJournal.read(path).records()).singleElement()
        .satisfies(only -> assertThat(only.detail()).isEqualTo("C:updates\\"));
  }

  @Test
  void aClosedJournalRefusesToBeBoundToAPlan() {
    FileJournal journal = FileJournal.open(directory.resolve("closed.journal"), FileJournal.Durability.FLUSH);
    journal.close();
    journal.close();

    assertThatThrownBy(() -> journal.open(PLAN)).isInstanceOf(JournalException.class).hasMessageContaining("is closed");
  }

  @Test
  void closingTheJournalClosesItsFileAndARefusedOpenLeavesNoFileOpen() {
    Path path = directory.resolve("held.journal");
    List<FileChannel> opened = new ArrayList<>();
    FileJournal.ChannelOpener recording = file -> {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      opened.add(channel);
      return channel;
    };

    FileJournal first = FileJournal.open(path, FileJournal.Durability.FLUSH, recording);
    first.open(PLAN);
    assertThatThrownBy(() -> FileJournal.open(path, FileJournal.Durability.FLUSH, recording))
        .isInstanceOf(JournalLockedException.class);
    assertThat(opened.get(1).isOpen()).as("the channel of the refused open").isFalse();
    assertThat(opened.get(0).isOpen()).isTrue();

    first.close();
    assertThat(opened.get(0).isOpen()).as("the channel of the closed journal").isFalse();
  }

  @Test
  void everyErrorNamesTheJournalsFile() throws IOException {
    Path folder = Files.createDirectory(directory.resolve("a-folder"));
    Path missing = directory.resolve("missing.journal");
    Path damaged = written(header() + recordLine(1, PLAN.steps().get(0).id().value(), "").replace('1', '7') + "\n"
        + recordLine(2, PLAN.steps().get(0).id().value(), ""));

    assertThatThrownBy(() -> FileJournal.open(folder, FileJournal.Durability.FLUSH))
        .hasMessage("cannot open the journal " + folder + ": it is a folder");
    assertThatThrownBy(() -> FileJournal.read(folder)).hasMessage("cannot read the journal " + folder + ": it is a folder");
    assertThatThrownBy(() -> FileJournal.read(missing)).hasMessageStartingWith("cannot read the journal " + missing + ": ");
    assertThatThrownBy(() -> FileJournal.open(missing, FileJournal.Durability.FLUSH, file -> {
      throw new IOException("Permission denied");
    })).hasMessage("cannot open the journal " + missing + ": Permission denied");
    try (FileJournal journal = FileJournal.open(damaged, FileJournal.Durability.FLUSH)) {
      assertThatThrownBy(() -> journal.open(PLAN)).hasMessageContaining("the journal " + damaged + " is damaged at line 2");
      assertThat(journal.path()).isEqualTo(damaged);
      assertThat(journal).as("a journal shows which file it is").asString().contains(damaged.toString());
    }
  }
}
