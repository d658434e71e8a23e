package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.plan.StepId;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A journal in a text file, one line per record, appended and forced to disk before the step
 * it records goes on. Each line ends with a CRC-32 of its content, so a record torn by a crash
 * is recognised: a torn last line is reported, ignored and cut off; damage anywhere else is
 * refused. The file is locked while open, so two executors never share it.
 *
 * <pre>
 * #lync-upgrade-journal  1  &lt;plan fingerprint&gt;  &lt;plan options&gt;  &lt;crc&gt;
 * 1  2026-01-10T22:00:30Z  STARTED    pool01.contoso.com/UD1/check-pool-readiness    &lt;crc&gt;
 * 2  2026-01-10T22:01:00Z  SUCCEEDED  pool01.contoso.com/UD1/check-pool-readiness  Ready  &lt;crc&gt;
 * </pre>
 *
 * (fields are separated by tabs; tabs, newlines and backslashes inside them are escaped).
 * Thread-safe.
 */
public final class FileJournal implements Journal {
  /** The journal format this version writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  static final String MAGIC = "#lync-upgrade-journal";

  /** How hard a record is pushed to storage before {@link #append} returns. */
  public enum Durability {
    /** Forced to the disk ({@code fsync}): survives a crash of the machine. The default. */
    FSYNC,
    /** Handed to the operating system: survives a crash of the process, not of the machine. For tests. */
    FLUSH
  }

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final Durability durability;
  private boolean closed;

  private FileJournal(Path path, FileChannel channel, FileLock lock, Durability durability) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.durability = durability;
  }

  /**
   * Opens (creating if missing) and locks the journal at {@code path}.
   *
   * @throws JournalLockedException if another executor holds it
   * @throws JournalException if it cannot be opened
   */
  public static FileJournal open(Path path, Durability durability) {
    return open(path, durability,
        file -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /** How the journal's file is opened; tests give one whose disk fills up. */
  @FunctionalInterface
  interface ChannelOpener {
    FileChannel open(Path path) throws IOException;
  }

  static FileJournal open(Path path, Durability durability, ChannelOpener opener) {
    requireNonNull(path, "path");
    requireNonNull(durability, "durability");
    FileChannel channel;
    try {
      channel = opener.open(path);
    } catch (IOException e) {
      throw new JournalException("cannot open the journal " + path + ": " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new JournalLockedException(path.toString());
    }
    return new FileJournal(path, channel, lock, durability);
  }

  /**
   * Reads the journal at {@code path} without locking or changing it, for example to print a
   * run's status while it runs. A torn last record is reported in
   * {@link JournalContents#ignoredTail()}.
   *
   * @throws JournalException if it cannot be read or is damaged before its last record
   */
  public static JournalContents read(Path path) {
    try {
      return parse(path.toString(), Files.readAllBytes(path)).contents;
    } catch (IOException e) {
      throw new JournalException("cannot read the journal " + path + ": " + e.getMessage(), e);
    }
  }

  /** Where the journal is. */
  public Path path() {
    return path;
  }

  @Override
  public synchronized JournalContents open(UpgradePlan plan) {
    requireNonNull(plan, "plan");
    ensureOpen();
    try {
      byte[] bytes = new byte[Math.toIntExact(channel.size())];
      channel.read(ByteBuffer.wrap(bytes), 0);
      Parsed parsed = parse(path.toString(), bytes);
      JournalCompatibility.check(path.toString(), parsed.contents, plan);
      if (parsed.validLength < bytes.length) {
        channel.truncate(parsed.validLength);
      }
      if (parsed.contents.isNew()) {
        write(line(MAGIC, String.valueOf(SCHEMA_VERSION), plan.fingerprint(), escape(plan.options().toString())));
      }
      return parsed.contents;
    } catch (IOException e) {
      throw new JournalException("cannot read the journal " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void append(JournalRecord record) {
    requireNonNull(record, "record");
    ensureOpen();
    write(line(String.valueOf(record.sequence()), record.at().toString(), record.status().name(),
        escape(record.step().value()), escape(record.detail())));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock anyway.
    }
    closeQuietly(channel);
  }

  private void ensureOpen() {
    if (closed) {
      throw new JournalException("the journal " + path + " is closed");
    }
  }

  private void write(String line) {
    ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      long position = channel.size();
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      if (durability == Durability.FSYNC) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new JournalException("could not write to the journal " + path + " (is the disk full?): " + e.getMessage(), e);
    }
  }

  private static String line(String... fields) {
    String content = String.join("\t", fields);
    return content + "\t" + crc(content) + "\n";
  }

  private static String crc(String content) {
    CRC32 crc = new CRC32();
    crc.update(content.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  private record Parsed(JournalContents contents, long validLength) {}

  private static Parsed parse(String location, byte[] bytes) {
    List<JournalRecord> records = new ArrayList<>();
    String fingerprint = "";
    String options = "";
    int start = 0;
    int lineNumber = 0;
    while (start < bytes.length) {
      int end = indexOf(bytes, (byte) '\n', start);
      String tail = "line " + (lineNumber + 1) + " (" + ((end < 0 ? bytes.length : end + 1) - start) + " bytes)";
      if (end < 0) {
        return torn(location, fingerprint, options, records, start, tail + " has no end of line");
      }
      lineNumber++;
      boolean last = end + 1 == bytes.length;
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      Optional<String[]> fields = checkedFields(text);
      if (fields.isEmpty()) {
        if (last) {
          return torn(location, fingerprint, options, records, start, tail + " fails its checksum");
        }
        throw new JournalException("the journal " + location + " is damaged at line " + lineNumber
            + " (its checksum does not match), before its last record; it cannot be trusted");
      }
      if (lineNumber == 1) {
        String[] header = fields.get();
        if (header.length != 4 || !header[0].equals(MAGIC)) {
          throw new JournalException(location + " is not a lync-upgrade journal");
        }
        if (!header[1].equals(String.valueOf(SCHEMA_VERSION))) {
          throw new JournalException("the journal " + location + " has format " + header[1] + "; this version reads "
              + SCHEMA_VERSION);
        }
        fingerprint = header[2];
        options = unescape(header[3]);
      } else {
        records.add(record(location, lineNumber, fields.get(), records.size() + 1));
      }
      start = end + 1;
    }
    return new Parsed(new JournalContents(fingerprint, options, records, Optional.empty()), bytes.length);
  }

  private static Parsed torn(String location, String fingerprint, String options, List<JournalRecord> records,
      int validLength, String what) {
    String ignored = "the last record of " + location + " was torn by a crash and is ignored: " + what;
    return new Parsed(new JournalContents(fingerprint, options, records, Optional.of(ignored)), validLength);
  }

  private static JournalRecord record(String location, int lineNumber, String[] fields, long expectedSequence) {
    try {
      long sequence = Long.parseLong(fields[0]);
      if (fields.length != 5 || sequence != expectedSequence) {
        throw new IllegalArgumentException("expected record " + expectedSequence + " with 5 fields");
      }
      return new JournalRecord(sequence, Instant.parse(fields[1]), new StepId(unescape(fields[3])),
          StepStatus.valueOf(fields[2]), unescape(fields[4]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new JournalException("the journal " + location + " has an unreadable record at line " + lineNumber + ": "
          + e.getMessage(), e);
    }
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

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more can be done; the lock goes with the channel.
    }
  }

  @Override
  public String toString() {
    return "FileJournal[" + path + "]";
  }
}
