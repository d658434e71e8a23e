package io.github.lyncupgrade.powershell;

import java.util.List;

/**
 * Hand-written hostile values: every kind of quote, command separators, subexpressions,
 * backticks, newlines, NUL, Unicode look-alikes, very long values and paths with spaces.
 */
final class HostileStrings {
  static final List<String> ALL = List.of(
      "'", "''", "\"", "`", "\u2018", "\u2019", "\u201A", "\u201B", "\u201C\u201D",
      "fe01.contoso.com'; Stop-Computer -Force; '",
      "fe01.contoso.com\"; Remove-Item C:\\ -Recurse; \"",
      "$(Stop-Computer -Force)", "$(calc.exe)", "${env:USERNAME}", "$env:PATH", "@(calc.exe)", "@{a=1}",
      "`whoami`", "fe01`ncontoso", "a`0b", "a;b", "a; b", "a|b", "a & b", "a && b", "a || b", "a > b", "a < b",
      "a\nb", "a\r\nb", "a\rb", "a\u0000b", "a\tb", "a\u001bb",
      "fe01.contoso.com\n; Stop-Computer",
      "f\u0435.contoso.com", "fe01\uFF0Econtoso.com", "fe01\u2024contoso.com", "fe01\uFF1Bcontoso.com",
      "fe01.contoso.com\u202E", "fe\u200B01.contoso.com", "\uFEFFfe01.contoso.com", "fe01.cont\u00F6so.com",
      "x".repeat(300), "a".repeat(64) + ".contoso.com", "y".repeat(100_000),
      "C:\\Program Files\\Lync Updates\\LyncServerUpdateInstaller.exe",
      "\\\\files.contoso.com\\updates share\\it's here\\LyncServerUpdateInstaller.exe",
      "C:\\Updates\\$(Invoke-Expression 'calc')\\installer.exe",
      "C:\\Updates\\'; & calc.exe; '\\installer.exe",
      "C:\\Updates\\\u2019; calc; \u2018\\installer.exe",
      "#comment", "<#block#>", "-Recurse", "--% calc", "../../../../Windows/System32", "%SystemRoot%",
      "\\\\?\\C:\\Windows", " leading and trailing spaces ", "");

  private HostileStrings() {}
}
