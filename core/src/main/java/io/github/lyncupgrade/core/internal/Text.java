package io.github.lyncupgrade.core.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Renders untrusted text so that it can be shown in a message without being acted upon: no
 * control character, escape sequence or line break of a value ever reaches an operator's
 * terminal or log as itself. Shared by the model's messages and the command line's.
 */
public final class Text {
  private static final int MAX_SHOWN = 80;

  private Text() {}

  /** One character as {@code ';' (U+003B)}, or just the code point when it is not printable. */
  public static String describe(char c) {
    String code = String.format("U+%04X", (int) c);
    return isPrintableAscii(c) ? "'" + c + "' (" + code + ")" : code;
  }

  /** The text with every character outside printable ASCII replaced by its code point, shortened. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < MAX_SHOWN; i++) {
      char c = text.charAt(i);
      out.append(isPrintableAscii(c) ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    if (text.length() > MAX_SHOWN) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  /**
   * Free text (a message, a reason a server gave) made safe to print whole: control characters,
   * escape sequences, line and paragraph separators and invisible format characters such as
   * direction marks become {@code \\uXXXX}; letters of any script are kept. Line feeds are kept
   * only when {@code keepLineFeeds}, for text whose lines are the SDK's own.
   */
  public static String safe(String text, boolean keepLineFeeds) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean keep = (c == '\n' && keepLineFeeds) || switch (Character.getType(c)) {
        case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
            Character.PRIVATE_USE, Character.UNASSIGNED -> false;
        case Character.SURROGATE -> Character.isSurrogatePair(c, i + 1 < text.length() ? text.charAt(i + 1) : 0)
            || (i > 0 && Character.isSurrogatePair(text.charAt(i - 1), c));
        default -> true;
      };
      out.append(keep ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return out.toString();
  }

  /** A file's name or location shown whole (never shortened, unlike {@link #printable}), each control character escaped. */
  public static String path(String path) {
    return safe(path, false);
  }

  /** {@code count} and the noun, in the plural unless the count is one: "1 pool", "3 pools". */
  public static String count(long count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }

  /**
   * Why a file operation failed, in an operator's words ("no such file", "permission denied",
   * "it is a folder"), rather than the bare path most {@link FileSystemException}s carry.
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "it is a folder that is not empty";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return printable(fileSystem.getReason());
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : printable(message);
  }

  private static boolean isPrintableAscii(char c) {
    return c >= 0x20 && c < 0x7F;
  }
}
