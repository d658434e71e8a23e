package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

/**
 * The one place that writes a value into PowerShell source text, for the runbooks people read
 * and run by hand. (Sessions never do: they pass values as data, see {@link PsInvocation}.)
 *
 * <p>A value becomes a single-quoted string, in which PowerShell expands nothing: no
 * {@code $variables}, no {@code $(subexpressions)}, no backtick escapes. The only character that
 * can end such a string is a single quote, and PowerShell accepts four of them: U+0027 and the
 * typographic U+2018, U+2019, U+201A, U+201B. Each is doubled, which PowerShell reads as one
 * literal quote (its own {@code CodeGeneration.EscapeSingleQuotedStringContent} does the same).
 * Everything else, newlines and NUL included, is literal inside the quotes.
 */
public final class PowerShellQuoting {
  private PowerShellQuoting() {}

  /** Whether PowerShell ends a single-quoted string at {@code c}. */
  public static boolean isSingleQuote(char c) {
    return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
  }

  /** {@code value} as a PowerShell single-quoted string literal, quotes included. */
  public static String singleQuoted(String value) {
    requireNonNull(value, "value");
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c);
      if (isSingleQuote(c)) {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
