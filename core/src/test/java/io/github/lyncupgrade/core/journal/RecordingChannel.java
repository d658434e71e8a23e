package io.github.lyncupgrade.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file channel that knows which bytes have reached the disk: it counts the bytes written since
 * the last {@link #force}, which a crash of the machine would lose. It writes at most
 * {@code chunk} bytes per call, as {@link FileChannel#write(ByteBuffer, long)} is allowed to.
 */
final class RecordingChannel extends DelegatingFileChannel {
  private final int chunk;
  private long unforcedBytes;
  private int forces;

  RecordingChannel(FileChannel file, int chunk) {
    super(file);
    this.chunk = chunk;
  }

  /** Bytes written that a crash of the machine would lose. */
  long unforcedBytes() {
    return unforcedBytes;
  }

  /** How many times the journal forced its writes to the disk. */
  int forces() {
    return forces;
  }

  @Override
  public int write(ByteBuffer source, long position) throws IOException {
    int length = Math.min(source.remaining(), chunk);
    int written = file.write(source.slice(source.position(), length), position);
    source.position(source.position() + written);
    unforcedBytes += written;
    return written;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    file.force(metaData);
    forces++;
    unforcedBytes = 0;
  }
}
