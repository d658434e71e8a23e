package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.testkit.junit.EnabledIfPowerShell;
import io.github.lyncupgrade.testkit.junit.EnabledIfPowerShellCondition;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's test that needs a real PowerShell: it runs where one is installed and is skipped, with
 * the reason, everywhere else (this project's build machines among them).
 */
@EnabledIfPowerShell
class MyRunbookInPowerShellTest {
  @Test
  void powerShellRunsAScript() throws Exception {
    Process process = new ProcessBuilder(EnabledIfPowerShellCondition.defaultExecutable(), "-NoProfile",
        "-NonInteractive", "-Command", "Write-Output (1 + 1)").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(output.strip()).isEqualTo("2");
  }
}
