package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
}
