package io.github.lyncupgrade.powershell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code [pscustomobject]@{ Name = value; ... }} literals of a PowerShell text, each as its
 * entries in order (name to the value's source text): what a script projects. Strings, nested
 * brackets and {@code $( )} are skipped over, so a value's own {@code ;} or {@code }} does not end it.
 */
final class Projections {
  private static final String START = "[pscustomobject]@{";

  private Projections() {}

  /** Every literal in {@code text}, in order. */
  static List<Map<String, String>> in(String text) {
    List<Map<String, String>> literals = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(START.toLowerCase(Locale.ROOT));
    while (at >= 0) {
      int open = at + START.length() - 1;
      int close = matching(text, open);
      literals.add(entries(text.substring(open + 1, close)));
      at = lower.indexOf(START.toLowerCase(Locale.ROOT), close);
    }
    return literals;
  }

  private static Map<String, String> entries(String body) {
    Map<String, String> entries = new LinkedHashMap<>();
    int start = 0;
    int depth = 0;
    for (int i = 0; i <= body.length(); i++) {
      char c = i < body.length() ? body.charAt(i) : ';';
      if (c == '\'' || c == '"') {
        i = skipString(body, i);
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (depth == 0 && (c == ';' || c == '\n')) {
        String entry = body.substring(start, i).trim();
        if (!entry.isEmpty()) {
          int equals = entry.indexOf('=');
          if (equals < 0) {
            throw new IllegalArgumentException("not a Name = value entry: " + entry);
          }
          entries.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        start = i + 1;
      }
    }
    return entries;
  }

  /** The index of the bracket that closes the one at {@code open}. */
  private static int matching(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipString(text, i);
      } else if (c == '{' || c == '(' || c == '[') {
        depth++;
      } else if (c == '}' || c == ')' || c == ']') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("a [pscustomobject] literal is never closed");
  }

  /** The index of the quote that ends the string starting at {@code quote}. */
  private static int skipString(String text, int quote) {
    char kind = text.charAt(quote);
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (kind == '"' && c == '`') {
        i++;
      } else if (kind == '"' && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        i = matching(text, i + 1);
      } else if (c == kind && i + 1 < text.length() && text.charAt(i + 1) == kind) {
        i++;
      } else if (c == kind) {
        return i;
      }
    }
    throw new IllegalArgumentException("a string is never closed");
  }
}
