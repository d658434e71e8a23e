package io.github.lyncupgrade.core.journal;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.StepId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The text of a {@link FileJournal}: its header and record lines, each ending with a CRC-32 of its
 * content, and the reading of a journal's bytes that trusts nothing it cannot check. Stateless.
 */
final class JournalFormat {
  /** How every journal begins. */
  static final String MAGIC = "#lync-upgrade-journal";

  private JournalFormat() {}

  /** The header line that binds a new journal to {@code plan}. */
  static String header(UpgradePlan plan) {
    return line(MAGIC, String.valueOf(FileJournal.SCHEMA_VERSION), plan.fingerprint(),
        escape(plan.options().canonical().encode()));
  }

  /** {@code record}'s line. */
  static String record(JournalRecord record) {
    return line(String.valueOf(record.sequence()), record.at().toString(), record.status().name(),
        escape(record.step().value()), escape(record.detail()));
  }

  static String line(String... fields) {
    String content = String.join("\t", fields);
    return content + "\t" + crc(content) + "\n";
  }

  private static String crc(String content) {
    CRC32 crc = new CRC32();
    crc.update(content.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  /** A journal's contents, and how many of its bytes hold them (a torn tail or trailing blank lines after). */
  record Parsed(JournalContents contents, long validLength) {}

  /** The first bytes of every journal: the header's magic and its field separator. */
  private static final byte[] SIGNATURE = (MAGIC + "\t").getBytes(StandardCharsets.UTF_8);

  /**
   * Reads a journal's bytes. Anything that does not begin like a journal is refused before a byte
   * of it is trusted (or, on open, changed); a header torn while the journal was being created
   * means a journal not yet begun; a torn last record is ignored; blank lines (an editor's) carry
   * nothing and are skipped; any other damage is refused.
   */
  static Parsed parse(String location, byte[] bytes) {
    int headerEnd = indexOf(bytes, (byte) '\n', 0);
    if (bytes.length == 0) {
      return new Parsed(JournalContents.empty(), 0);
    }
    if (!startsWith(bytes, SIGNATURE)) {
      if (headerEnd < 0 && startsWith(SIGNATURE, bytes)) {
        return new Parsed(tornHeader(location), 0);
      }
      throw notAJournal(location);
    }
    if (headerEnd < 0) {
      return new Parsed(tornHeader(location), 0);
    }
    String[] header = checkedFields(lineText(bytes, 0, headerEnd)).orElseThrow(() -> new JournalException(
        "the journal " + Text.path(location) + " has a damaged header (its checksum does not match); it cannot be"
            + " trusted"));
    if (header.length != 4) {
      throw notAJournal(location);
    }
    if (!header[1].equals(String.valueOf(FileJournal.SCHEMA_VERSION))) {
      throw new JournalException("the journal " + Text.path(location) + " has format " + Text.printable(header[1])
          + "; this version reads " + FileJournal.SCHEMA_VERSION);
    }
    String fingerprint = header[2];
    String options = unescape(header[3]);
    try {
      CanonicalOptions.decode(options);
    } catch (IllegalArgumentException e) {
      throw new JournalException("the journal " + Text.path(location) + " has unreadable options in its header: "
          + e.getMessage(), e);
    }
    List<JournalRecord> records = new ArrayList<>();
    int start = headerEnd + 1;
    int lineNumber = 1;
    long validLength = bytes.length;
    int blankSince = -1;
    while (start < bytes.length) {
      int end = indexOf(bytes, (byte) '\n', start);
      lineNumber++;
      String text = lineText(bytes, start, end < 0 ? bytes.length : end);
      if (text.isBlank()) {
        blankSince = blankSince < 0 ? start : blankSince;
        start = end < 0 ? bytes.length : end + 1;
        continue;
      }
      String tail = "line " + lineNumber + " (" + ((end < 0 ? bytes.length : end + 1) - start) + " bytes)";
      if (end < 0) {
        return torn(location, fingerprint, options, records, start, tail + " has no end of line");
      }
      boolean last = isBlank(bytes, end + 1);
      Optional<String[]> fields = checkedFields(text);
      if (fields.isEmpty()) {
        if (last) {
          return torn(location, fingerprint, options, records, start, tail + " fails its checksum");
        }
        throw new JournalException("the journal " + Text.path(location) + " is damaged at line " + lineNumber
            + " (its checksum does not match), before its last record; it cannot be trusted");
      }
      records.add(record(location, lineNumber, fields.get(), records.size() + 1));
      blankSince = -1;
      start = end + 1;
    }
    if (blankSince >= 0) {
      validLength = blankSince;
    }
    return new Parsed(new JournalContents(fingerprint, options, records, Optional.empty()), validLength);
  }

  private static JournalException notAJournal(String location) {
    return new JournalException(Text.path(location) + " is not a lync-upgrade journal (a journal begins with "
        + MAGIC + "); it was left as it is");
  }

  private static JournalContents tornHeader(String location) {
    return new JournalContents("", "", List.of(), Optional.of("the header of " + Text.path(location)
        + " was torn by a crash before any step was recorded; the journal starts afresh"));
  }

  private static Parsed torn(String location, String fingerprint, String options, List<JournalRecord> records,
      int validLength, String what) {
    String ignored = "the last record of " + Text.path(location) + " was torn by a crash and is ignored: " + what;
    return new Parsed(new JournalContents(fingerprint, options, records, Optional.of(ignored)), validLength);
  }

  private static JournalRecord record(String location, int lineNumber, String[] fields, long expectedSequence) {
    String problem = recordProblem(fields, expectedSequence);
    if (problem != null) {
      throw new JournalException("the journal " + Text.path(location) + " has an unreadable record at line "
          + lineNumber + ": " + problem);
    }
    return new JournalRecord(expectedSequence, Instant.parse(fields[1]), new StepId(unescape(fields[3])),
        StepStatus.valueOf(fields[2]), unescape(fields[4]));
  }

  /** What is wrong with a record's fields, in a reader's words; null when nothing is. */
  private static String recordProblem(String[] fields, long expectedSequence) {
    if (fields.length != 5) {
      return "it has " + fields.length + " fields, a record has 5";
    }
    if (!fields[0].equals(String.valueOf(expectedSequence))) {
      return "it is numbered '" + Text.printable(fields[0]) + "' where record " + expectedSequence + " belongs";
    }
    try {
      Instant.parse(fields[1]);
    } catch (DateTimeParseException e) {
      return "'" + Text.printable(fields[1]) + "' is not a time like 2026-01-10T22:00:30Z";
    }
    if (RECORDED.stream().noneMatch(status -> status.name().equals(fields[2]))) {
      return "'" + Text.printable(fields[2]) + "' is not a step status (" + RECORDED + ")";
    }
    if (unescape(fields[3]).isBlank()) {
      return "it names no step";
    }
    return null;
  }

  /** The statuses a record may carry: every one but PENDING, which is the absence of a record. */
  private static final List<StepStatus> RECORDED = List.of(StepStatus.STARTED, StepStatus.SUCCEEDED,
      StepStatus.FAILED, StepStatus.SKIPPED);

  /** A line's text without its line feed and an editor's carriage return. */
  private static String lineText(byte[] bytes, int start, int end) {
    int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
    return new String(bytes, start, stop - start, StandardCharsets.UTF_8);
  }

  /** Whether everything from {@code from} on is white space (nothing, or blank lines). */
  private static boolean isBlank(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code bytes} begins with {@code prefix}. */
  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The tab-separated fields of a line whose checksum matches, without the checksum. */
  private static Optional<String[]> checkedFields(String text) {
    int lastTab = text.lastIndexOf('\t');
    if (lastTab < 0 || !text.substring(lastTab + 1).equals(crc(text.substring(0, lastTab)))) {
      return Optional.empty();
    }
    return Optional.of(text.substring(0, lastTab).split("\t", -1));
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
