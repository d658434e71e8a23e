package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.powershell.fakeshell.ExitsWithAnOpenSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Outside Windows the shutdown hook stands in for the job object: no process is left behind. */
class ContainmentTest {

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aJvmThatExitsWithoutClosingItsSessionLeavesNoProcessBehind() throws Exception {
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ExitsWithAnOpenSession.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String[] pids = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
    assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

    for (String pid : pids) {
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
        process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> process).join();
        assertThat(process.isAlive()).as("process %s", pid).isFalse();
      });
    }
    assertThat(pids).hasSize(2);
  }
}
