package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lyncupgrade.powershell.internal.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: a secret passed to PowerShell ({@link PsInvocation#withSecret}) reaches the shell
 * as data and shows nowhere else: not in the invocation's text, not in any exception (an error
 * reply, a timeout, a dying shell), not in anything the adapter logged during these tests (the
 * Surefire configuration sends every log line, at debug level, to {@code target/adapter-tests.log}).
 * The adapter itself takes no credentials: it acts as the Windows account that runs it.
 */
@Tag("reliability")
class SecretsNeverShowTest {
  private static final String SECRET = "S3cr3t-P@ssw0rd-\u2018quoted\u2019-$(x)";
  private static final PsScript PING = PsScript.named("ping");

  @TempDir
  Path directory;

  @Test
  void aSecretArrivesAsDataAndNeverShowsInTextExceptionsOrLogs() throws IOException {
    Path record = directory.resolve("requests.txt");
    List<String> shown = new ArrayList<>();
    int cases = 0;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--record=" + record)
        .withCommandTimeout(Duration.ofMillis(500)))) {
      for (String echo : List.of("hello", "hang", "die")) {
        PsInvocation invocation = PsInvocation.of(PING).with("Echo", echo).withSecret("Password", SECRET);
        shown.add(invocation.toString());
        Throwable failure = catchThrowable(() -> {
          PsReply reply = session.invoke(invocation);
          shown.add(String.valueOf(reply.objects()).replace(SECRET, "<the shell's echo of what it received>"));
        });
        if (failure != null) {
          shown.add(failure.toString());
          shown.add(String.valueOf(failure.getMessage()));
        }
        cases++;
      }
    }
    // Under the mutation profile PIT's minions log to standard error, not to Surefire's file (and no line that
    // logs is mutated): the log is searched in the ordinary build only, never a file an earlier build left.
    Path log = Path.of("target", "adapter-tests.log");
    String logged = MutationRun.active() ? "(not searched under the mutation profile)"
        : Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";

    assertThat(Files.readString(record, StandardCharsets.UTF_8)).as("the shell received it, Base64-encoded")
        .contains(Wire.encode(SECRET));
    assertThat(shown).hasSizeGreaterThanOrEqualTo(5).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
    assertThat(shown.get(0)).contains("Password=****");
    assertThat(logged).as("the test log").isNotEmpty().doesNotContain(SECRET);
    System.out.printf("RELIABILITY secrets: %d invocations (answered, timed out, shell died), %d texts and %d bytes"
        + " of log searched, the secret in none, 0 failures%n", cases, shown.size(), logged.length());
  }
}
