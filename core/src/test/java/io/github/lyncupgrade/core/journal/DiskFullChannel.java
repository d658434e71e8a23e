package io.github.lyncupgrade.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file channel on a disk with {@code room} bytes left: writes past it write what fits, then
 * fail as a full disk does.
 */
final class DiskFullChannel extends DelegatingFileChannel {
  private long room;

  DiskFullChannel(FileChannel file, long room) {
    super(file);
    this.room = room;
  }

  @Override
  public int write(ByteBuffer source, long position) throws IOException {
    if (room <= 0) {
      throw new IOException("No space left on device");
    }
    int length = (int) Math.min(source.remaining(), room);
    ByteBuffer fitting = source.slice(source.position(), length);
    int written = file.write(fitting, position);
    source.position(source.position() + written);
    room -= written;
    return written;
  }
}
