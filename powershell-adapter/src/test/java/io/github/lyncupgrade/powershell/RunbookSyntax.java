package io.github.lyncupgrade.powershell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A lexer for the PowerShell the runbook writer emits, for machines without PowerShell: comments,
 * single-quoted strings ({@code ''} escapes), double-quoted strings (backtick escapes and
 * {@code $( )} subexpressions, which hold code again) and brackets, with {@code #region} and
 * {@code #endregion} pairs. It reports every unterminated string, unbalanced bracket and
 * unpaired region with its line: what PowerShell's parser would reject first. Where PowerShell
 * is installed, {@code RealPowerShellTest} parses the same runbooks with the real parser.
 */
final class RunbookSyntax {
  private final String text;
  private final List<String> problems = new ArrayList<>();
  private final Deque<int[]> brackets = new ArrayDeque<>();
  private int position;
  private int line = 1;

  private RunbookSyntax(String text) {
    this.text = text;
  }

  /** Every problem found, each with its line; empty when the runbook is well formed. */
  static List<String> problems(String runbook) {
    RunbookSyntax syntax = new RunbookSyntax(runbook);
    syntax.regions();
    syntax.code(false);
    while (!syntax.brackets.isEmpty()) {
      int[] open = syntax.brackets.pop();
      syntax.problems.add("line " + open[1] + ": '" + (char) open[0] + "' is never closed");
    }
    return syntax.problems;
  }

  private void regions() {
    int open = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("#region ")) {
        if (open > 0) {
          problems.add("line " + (i + 1) + ": a region opens inside another");
        }
        open++;
      } else if (lines[i].equals("#endregion")) {
        if (open == 0) {
          problems.add("line " + (i + 1) + ": #endregion without #region");
        }
        open = Math.max(0, open - 1);
      }
    }
    if (open > 0) {
      problems.add("a #region is never closed");
    }
  }

  /** Code until the end, or until the ')' that closes a subexpression when {@code inSubexpression}. */
  private void code(boolean inSubexpression) {
    int depth = brackets.size();
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '\n') {
        line++;
        position++;
      } else if (c == '#') {
        while (position < text.length() && text.charAt(position) != '\n') {
          position++;
        }
      } else if (c == '\'') {
        singleQuoted();
      } else if (c == '"') {
        doubleQuoted();
      } else if (c == '`') {
        position += 2;
      } else if (c == '(' || c == '{' || c == '[') {
        brackets.push(new int[] {c, line});
        position++;
      } else if (c == ')' || c == '}' || c == ']') {
        position++;
        if (brackets.size() == depth && inSubexpression && c == ')') {
          return;
        }
        close(c);
      } else {
        position++;
      }
    }
    if (inSubexpression) {
      problems.add("line " + line + ": a $( subexpression is never closed");
    }
  }

  private void close(char c) {
    char expected = c == ')' ? '(' : c == '}' ? '{' : '[';
    if (brackets.isEmpty()) {
      problems.add("line " + line + ": '" + c + "' closes nothing");
    } else if (brackets.peek()[0] != expected) {
      int[] open = brackets.pop();
      problems.add("line " + line + ": '" + c + "' closes '" + (char) open[0] + "' opened on line " + open[1]);
    } else {
      brackets.pop();
    }
  }

  private void singleQuoted() {
    int start = line;
    position++;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '\'' && position + 1 < text.length() && text.charAt(position + 1) == '\'') {
        position += 2;
      } else if (c == '\'') {
        position++;
        return;
      } else {
        line += c == '\n' ? 1 : 0;
        position++;
      }
    }
    problems.add("line " + start + ": a single-quoted string is never closed");
  }

  private void doubleQuoted() {
    int start = line;
    position++;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '`') {
        position += 2;
      } else if (c == '$' && position + 1 < text.length() && text.charAt(position + 1) == '(') {
        position += 2;
        code(true);
      } else if (c == '"') {
        position++;
        return;
      } else {
        line += c == '\n' ? 1 : 0;
        position++;
      }
    }
    problems.add("line " + start + ": a double-quoted string is never closed");
  }
}
