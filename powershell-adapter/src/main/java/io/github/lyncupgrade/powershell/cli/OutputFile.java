package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.UUID;

/**
 * A file an option ({@code -o}) writes: checked before any work starts (its folder exists, it is
 * not a folder, it is not one of the command's inputs), then written whole or not at all: the
 * content goes to a temporary file beside it, which replaces the target only once complete, so
 * a full disk leaves the old file (or none) rather than half a new one. A device or a pipe
 * ({@code /dev/stdout}) is written directly.
 */
final class OutputFile {
  private final String option;
  private final Path target;

  private OutputFile(String option, Path target) {
    this.option = option;
    this.target = target;
  }

  /**
   * The output {@code option} names, checked.
   *
   * @throws BadInputException if it cannot be written there, or would overwrite one of {@code inputs}
   */
  static OutputFile checked(String option, Path target, Collection<Path> inputs) {
    String shown = Text.path(target.toString());
    if (Files.isDirectory(target)) {
      throw new BadInputException(option + " " + shown + " is a folder; give the file to write, such as "
          + Text.path(target.resolve("upgrade.ps1").toString()));
    }
    Path folder = folderOf(target);
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(option + " " + shown + ": the folder " + Text.path(folder.toString())
          + (Files.exists(folder) ? " is not a folder" : " does not exist") + "; create it first, or write elsewhere");
    }
    for (Path input : inputs) {
      if (sameFile(target, input)) {
        throw new BadInputException(option + " " + shown + " is also an input of this command (" + Text.path(
            input.toString()) + "); writing it would overwrite what was read: write to another file");
      }
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(target)) {
      throw new BadInputException(option + " " + shown + " cannot be written: permission denied");
    }
    return new OutputFile(option, target);
  }

  /** Where it goes. */
  Path path() {
    return target;
  }

  /**
   * Writes {@code content} whole, replacing the file.
   *
   * @throws OutputFailedException if it cannot (the disk is full, the folder is read-only); the
   *     target is then as it was before
   */
  void write(byte[] content) {
    Path temporary = null;
    try {
      if (Files.exists(target) && !Files.isRegularFile(target)) {
        Files.write(target, content); // a device or a pipe, such as /dev/stdout: nothing to replace
        return;
      }
      // Created as any new file is (the operator's umask), then given the permissions of the file it replaces.
      temporary = Files.createFile(folderOf(target).resolve("." + target.getFileName() + "." + UUID.randomUUID()
          + ".partial"));
      if (Files.exists(target) && Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
      }
      Files.write(temporary, content);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new OutputFailedException(option + " " + Text.path(target.toString()) + " could not be written ("
          + Text.reason(e) + "); it was left as it was");
    }
  }

  private static Path folderOf(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    return parent == null ? target.toAbsolutePath() : parent;
  }

  /** Whether {@code one} and {@code other} are the same file, or would be once written. */
  static boolean sameFile(Path one, Path other) {
    try {
      if (Files.exists(one) && Files.exists(other)) {
        return Files.isSameFile(one, other);
      }
    } catch (IOException e) {
      // Fall back to comparing the paths.
    }
    return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // The partial file is named after the target, so an operator can tell what it was.
    }
  }
}
