package io.github.lyncupgrade.core.journal;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Text;
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

/**
 * A journal in a text file, one line per record, appended and forced to disk before the step
 * it records goes on. Each line ends with a CRC-32 of its content, so a record torn by a crash
 * is recognised: a torn last line is reported, ignored and cut off; damage anywhere else is
 * refused. The file is locked while open, so two executors never share it.
 *
 * <pre>
 * #lync-upgrade-journal  1  &lt;plan fingerprint&gt;  &lt;plan options, canonical&gt;  &lt;crc&gt;
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

  /** How hard a record is pushed to storage before {@link #append} returns. */
  public enum Durability {
    /** Forced to the disk ({@code fsync}): survives a crash of the machine. The default. */
    FSYNC,
    /** Handed to the operating system: survives a crash of the process, not of the machine. For tests. */
    FLUSH
  }

  private final Path path;
  private final FileChannel channel;
  private final Durability durability;
  /** This journal made the file: if it is closed before any plan is bound to it, the empty file goes too. */
  private final boolean created;
  private boolean bound;
  private boolean closed;

  private FileJournal(Path path, FileChannel channel, Durability durability, boolean created) {
    this.path = path;
    this.channel = channel;
    this.durability = durability;
    this.created = created;
  }

  /**
   * Opens (creating if missing) and locks the journal at {@code path}. A file it creates and that
   * is closed before a plan was bound to it ({@link #open(UpgradePlan)}) is removed on
   * {@link #close()}, so a run refused before it began leaves no empty journal behind.
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
    if (Files.isDirectory(path)) {
      throw new JournalException("cannot open the journal " + shown(path) + ": it is a folder");
    }
    boolean created = !Files.exists(path);
    FileChannel channel;
    try {
      channel = opener.open(path);
    } catch (IOException e) {
      throw new JournalException("cannot open the journal " + shown(path) + ": " + Text.reason(e), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException | IOException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new JournalLockedException(shown(path));
    }
    return new FileJournal(path, channel, durability, created);
  }

  /**
   * Reads the journal at {@code path} without locking or changing it, for example to print a
   * run's status while it runs. A torn last record is reported in
   * {@link JournalContents#ignoredTail()}.
   *
   * @throws JournalException if it cannot be read or is damaged before its last record
   */
  public static JournalContents read(Path path) {
    if (Files.isDirectory(path)) {
      throw new JournalException("cannot read the journal " + shown(path) + ": it is a folder");
    }
    try {
      return JournalFormat.parse(path.toString(), Files.readAllBytes(path)).contents();
    } catch (IOException e) {
      throw new JournalException("cannot read the journal " + shown(path) + ": " + Text.reason(e), e);
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
      JournalFormat.Parsed parsed = JournalFormat.parse(path.toString(), bytes);
      JournalCompatibility.check(path.toString(), parsed.contents(), plan);
      if (parsed.validLength() < bytes.length) {
        channel.truncate(parsed.validLength());
      }
      if (parsed.contents().isNew()) {
        write(JournalFormat.header(plan));
      }
      bound = true;
      return parsed.contents();
    } catch (IOException e) {
      throw new JournalException("cannot read the journal " + shown(path) + ": " + Text.reason(e), e);
    }
  }

  @Override
  public synchronized void append(JournalRecord record) {
    requireNonNull(record, "record");
    ensureOpen();
    write(JournalFormat.record(record));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(channel); // releases the lock
    if (created && !bound) {
      removeIfEmpty();
    }
  }

  private void removeIfEmpty() {
    try {
      if (Files.size(path) == 0) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // An empty file is harmless: a later run or resume reads it as a journal not yet begun.
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new JournalException("the journal " + shown(path) + " is closed");
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
      throw new JournalException("could not write to the journal " + shown(path) + " (is the disk full?): "
          + Text.reason(e), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more can be done; the lock goes with the channel.
    }
  }

  private static String shown(Path path) {
    return Text.path(path.toString());
  }

  @Override
  public String toString() {
    return "FileJournal[" + path + "]";
  }
}
