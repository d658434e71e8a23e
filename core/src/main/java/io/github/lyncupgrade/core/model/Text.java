package io.github.lyncupgrade.core.model;

/** Renders untrusted text so that it can be shown in a message without being acted upon. */
final class Text {
  private static final int MAX_SHOWN = 80;

  private Text() {}

  /** One character as {@code ';' (U+003B)}, or just the code point when it is not printable. */
  static String describe(char c) {
    String code = String.format("U+%04X", (int) c);
    return isPrintableAscii(c) ? "'" + c + "' (" + code + ")" : code;
  }

  /** The text with every character outside printable ASCII replaced by its code point, shortened. */
  static String printable(String text) {
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

  private static boolean isPrintableAscii(char c) {
    return c >= 0x20 && c < 0x7F;
  }
}
