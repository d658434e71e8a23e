package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The session against a real child process that speaks the protocol (PowerShell is not
 * installable here); tagged reliability for its killed, hung, noisy and flooding shells.
 */
@Tag("reliability")
class PowerShellSessionTest {
  private static final PsScript PING = PsScript.named("ping");

  private static PsReply ping(PowerShellSession session, String echo) {
    return session.invoke(PsInvocation.of(PING).with("Echo", echo), Duration.ofSeconds(20));
  }

  @Test
  void answersRequestsOnOneLongLivedProcess() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      long pid = session.pid();

      PsReply first = ping(session, "hello");
      PsReply second = ping(session, "again");

      assertThat(first.succeeded()).isTrue();
      assertThat(first.first()).hasValueSatisfying(pong -> assertThat(pong)
          .containsEntry("Echo", "hello").containsEntry("PSVersion", "fake-5.1").containsEntry("Parameters", "Echo"));
      assertThat(second.first().orElseThrow()).containsEntry("Echo", "again");
      assertThat(session.pid()).isEqualTo(pid);
    }
  }

  @Test
  void hostileValuesArriveAsInertData() {
    java.util.List<String> hostile = java.util.List.of("'; Remove-Item C:\\ -Recurse; '", "$(calc.exe)", "`whoami`",
        "a\nb\r\nc", "x\u0000y", "\u2018\u2019\u201A\u201B\"\u201C", "fe01.contoso.com; Stop-Computer", "|&;<>",
        "@{a=1}", "' + (iex 'calc') + '", "#comment", "C:\\Program Files\\Lync\\update.exe", "x".repeat(10_000));
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      for (String value : hostile) {
        assertThat(ping(session, value).first().orElseThrow()).containsEntry("Echo", value)
            .containsEntry("Parameters", "Echo");
      }
    }
  }

  @Test
  void aHangTimesOutKillsAndRestartsTheSession() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options().withCommandTimeout(Duration.ofSeconds(1)))) {
      long before = session.pid();

      assertThatThrownBy(() -> session.invoke(PsInvocation.of(PING).with("Echo", "hang")))
          .isInstanceOf(PowerShellTimeoutException.class)
          .hasMessageContaining("ping(Echo=hang) did not answer within PT1S")
          .hasMessageContaining("the outcome is unknown");

      assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(session.pid()).isNotEqualTo(before);
      assertThat(ping(session, "after").first().orElseThrow()).containsEntry("Echo", "after");
    }
  }

  @Test
  void deathInTheMiddleOfAReplyIsNoticedAtOnceAndTheSessionRestarts() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      long before = session.pid();

      assertThatThrownBy(() -> ping(session, "die"))
          .isInstanceOf(PowerShellDiedException.class)
          .hasMessageContaining("exit code 3").hasMessageContaining("in the middle of the reply");

      assertThat(session.pid()).isNotEqualTo(before);
      assertThat(ping(session, "alive").first().orElseThrow()).containsEntry("Echo", "alive");
    }
  }

  @Test
  void noiseAndForgedMarkersBetweenRepliesAreIgnored() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--noise"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(ping(session, "n" + i).first().orElseThrow()).containsEntry("Echo", "n" + i);
      }
    }
  }

  @Test
  void aLeadingByteOrderMarkIsDropped() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--bom"))) {
      assertThat(ping(session, "bom").first().orElseThrow()).containsEntry("Echo", "bom");
    }
  }

  @Test
  void aReplyOfSeveralMegabytesArrivesWhole() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      assertThat(ping(session, "huge:4").first().orElseThrow().get("Echo")).hasSize(4 * 1024 * 1024);
    }
  }

  @Test
  void nonAsciiTextArrivesUnchangedBothWays() {
    String names = "Ünïcødé ßüñ 日本語 Ελληνικά 😀 \u2018quoted\u2019";
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      assertThat(ping(session, names).first().orElseThrow()).containsEntry("Echo", names);
    }
  }

  @Test
  void aFloodedErrorStreamNeverBlocksAndOnlyItsTailIsKept() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--stderr-flood"))) {
      assertThat(ping(session, "flooded").first().orElseThrow()).containsEntry("Echo", "flooded");
      assertThat(session.stderrTail().length()).isLessThanOrEqualTo(64 * 1024);
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void closeEndsTheWholeProcessTree() {
    PowerShellSession session = PowerShellSession.start(FakeShells.options("--child"));
    long shell = session.pid();
    long child = Long.parseLong(ping(session, "tree").first().orElseThrow().get("Child"));
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isTrue();

    session.close();

    assertThat(ProcessHandle.of(shell).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(ProcessHandle.of(child).map(PowerShellSessionTest::afterExit).map(ProcessHandle::isAlive).orElse(false))
        .isFalse();
    assertThatThrownBy(() -> ping(session, "closed")).isInstanceOf(IllegalStateException.class);
  }

  private static ProcessHandle afterExit(ProcessHandle handle) {
    try {
      return handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return handle;
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aProcessThatDoesNotSpeakTheProtocolIsRefusedWithWhatItSaid() {
    PowerShellOptions notAShell = PowerShellOptions.command(java.util.List.of(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version"))
        .withStartTimeout(Duration.ofSeconds(20));

    assertThatThrownBy(() -> PowerShellSession.start(notAShell)).isInstanceOf(PowerShellException.class)
        .hasMessageContaining("did not answer its first request").hasMessageContaining("version");
  }
}
