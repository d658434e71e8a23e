package io.github.lyncupgrade.powershell;

/**
 * Reads a PowerShell single-quoted string the way PowerShell's tokenizer does (about_Quoting_Rules;
 * {@code CharTraits.IsSingleQuote}): it opens on any of the four single quotes, a doubled quote
 * character is one literal quote, and the first lone quote ends it. Used to check what
 * {@link PowerShellQuoting} writes without a PowerShell at hand.
 */
final class SingleQuotedStringReader {
  /** What the tokenizer read: the string's value, and where in the source the token ended. */
  record Token(String value, int end) {}

  private SingleQuotedStringReader() {}

  /** PowerShell's CharTraits.IsSingleQuote, written out independently of the code under test. */
  private static boolean opensOrCloses(char c) {
    return "'\u2018\u2019\u201A\u201B".indexOf(c) >= 0;
  }

  static Token read(String source, int start) {
    if (!opensOrCloses(source.charAt(start))) {
      throw new IllegalArgumentException("no single-quoted string at " + start);
    }
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (opensOrCloses(c)) {
        if (i + 1 < source.length() && opensOrCloses(source.charAt(i + 1))) {
          value.append(c);
          i += 2;
          continue;
        }
        return new Token(value.toString(), i + 1);
      }
      value.append(c);
      i++;
    }
    throw new IllegalArgumentException("the string is never closed");
  }
}
