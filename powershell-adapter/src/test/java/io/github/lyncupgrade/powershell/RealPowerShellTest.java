package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.testkit.junit.EnabledIfPowerShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The session and bootstrap against a real PowerShell; skipped where there is none (the
 * project's build machines). Each value that once broke a Java PowerShell wrapper travels as data.
 */
@EnabledIfPowerShell
class RealPowerShellTest {
  private static final PsScript PING = PsScript.named("ping");

  @Test
  void theBootstrapRunsAndValuesArriveAsInertData() {
    try (PowerShellSession session = PowerShellSession.start(PowerShellOptions.ofDefaults()
        .withStartTimeout(Duration.ofMinutes(2)))) {
      for (String value : List.of("plain", "it's \u2018quoted\u2019", "$(Write-Output pwned)", "`$x", "a\nb",
          "Ünïcødé 日本語 😀", "x".repeat(100_000))) {
        PsReply reply = session.invoke(PsInvocation.of(PING).with("Echo", value), Duration.ofMinutes(1));
        assertThat(reply.succeeded()).as(reply.errors().toString()).isTrue();
        assertThat(reply.first().orElseThrow()).containsEntry("Echo", value);
        assertThat(reply.first().orElseThrow().get("PSVersion")).isNotBlank();
      }
    }
  }

  /** Both runbooks through PowerShell's own parser: not a single parse error (CR-3 runbook parses as 2013's). */
  @Test
  void theLyncAndSkypeForBusinessRunbooksParseWithoutErrors(@org.junit.jupiter.api.io.TempDir Path directory)
      throws IOException, InterruptedException {
    for (String runbook : List.of(RunbookWriterTest.lyncRunbook(), RunbookWriterTest.skypeRunbook())) {
      Path file = Files.writeString(directory.resolve("runbook.ps1"), runbook, StandardCharsets.UTF_8);
      String parse = "$errors = $null; $null = [System.Management.Automation.Language.Parser]::ParseFile("
          + PowerShellQuoting.singleQuoted(file.toString()) + ", [ref]$null, [ref]$errors); "
          + "$errors | ForEach-Object { $_.ToString() }; exit @($errors).Count";
      Process process = new ProcessBuilder(PowerShellOptions.ofDefaults().command().get(0), "-NoProfile",
          "-NonInteractive", "-Command", parse).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
    }
  }
}
