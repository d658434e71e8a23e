package io.github.lyncupgrade.powershell.topology;

/** Renders a document's untrusted text for a message: printable ASCII as is, anything else as its code point, shortened. */
final class Shown {
  private static final int MAX_SHOWN = 80;

  private Shown() {}

  static String value(String text) {
    if (text == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < MAX_SHOWN; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return text.length() > MAX_SHOWN ? out + "... (" + text.length() + " characters)" : out.toString();
  }

  /** {@code Cluster[@Fqdn='pool01.contoso.com']}. */
  static String element(String name, String attribute, String value) {
    return value == null ? name : name + "[@" + attribute + "='" + value(value) + "']";
  }
}
