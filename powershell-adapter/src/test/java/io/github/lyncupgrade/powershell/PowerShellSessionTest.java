package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

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
      assertThat(session.stderrTail()).as("the last 64 KiB of the megabyte written").isEqualTo("x".repeat(64 * 1024));
    }
  }

  /** A closing line that says neither OK nor ERROR is no reply: garbled, the session restarts, the outcome unknown. */
  @Test
  void aClosingLineThatSaysNeitherOkNorErrorIsAGarbledReply() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      long before = session.pid();

      assertThatThrownBy(() -> ping(session, "garbage")).isInstanceOf(PowerShellGarbledReplyException.class)
          .hasMessageContaining("ping(Echo=garbage) with something that is not a reply (a closing line that says neither OK"
              + " nor ERROR: <<<LYNCSDK:END:")
          .hasMessageContaining(":MAYBE>>>)").hasMessageContaining("the outcome is unknown");
      assertThat(session.pid()).isNotEqualTo(before);
    }
  }

  /** A line between the markers that is no record makes the reply garbled; the message shows its start only. */
  @Test
  void aLineInsideTheReplyThatIsNoRecordIsAGarbledReplyShownShort() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      long before = session.pid();

      assertThatThrownBy(() -> ping(session, "not-a-record:5")).isInstanceOf(PowerShellGarbledReplyException.class)
          .hasMessageContaining("(not a reply record: yyyyy)");
      assertThatThrownBy(() -> ping(session, "not-a-record:5000")).isInstanceOf(PowerShellGarbledReplyException.class)
          .hasMessageContaining("(not a reply record: " + "y".repeat(120) + "... (5000 characters))");
      assertThat(session.pid()).isNotEqualTo(before);
      assertThat(ping(session, "after").first().orElseThrow()).containsEntry("Echo", "after");
    }
  }

  /** What the record reader said is shown up to 200 characters: a record whose index is 180 or 181 digits. */
  @Test
  void aGarbledReplysProblemIsShownUpToTwoHundredCharacters() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      String said = "For input string: \"";
      assertThatThrownBy(() -> ping(session, "bad-index:180")).isInstanceOf(PowerShellGarbledReplyException.class)
          .hasMessageContaining("(" + said + "9".repeat(180) + "\"); the session was restarted");
      assertThatThrownBy(() -> ping(session, "bad-index:181")).isInstanceOf(PowerShellGarbledReplyException.class)
          .hasMessageContaining("(" + said + "9".repeat(181) + "...); the session was restarted");
    }
  }

  /** A shell that ends before it starts its reply: noticed at once, with its exit code, and replaced. */
  @Test
  void deathBeforeTheReplyIsNoticedWithItsExitCode() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      assertThatThrownBy(() -> ping(session, "exit-before")).isInstanceOf(PowerShellDiedException.class)
          .hasMessageContaining("PowerShell ended (exit code 5, its output ended) during ping(Echo=exit-before)");
      assertThat(ping(session, "again").first().orElseThrow()).containsEntry("Echo", "again");
    }
  }

  /** A shell that ended after its last reply is replaced before the next request, which then succeeds. */
  @Test
  void aShellThatEndedBetweenRequestsIsReplacedBeforeTheNext() throws Exception {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      long before = session.pid();
      assertThat(ping(session, "exit-after").first().orElseThrow()).containsEntry("Echo", "exit-after");
      ProcessHandle.of(before).ifPresent(process -> process.onExit().join());
      while (session.isAlive()) {
        Thread.onSpinWait(); // the exit is seen; its reaping is a moment behind
      }

      assertThat(ping(session, "next").first().orElseThrow()).containsEntry("Echo", "next");
      assertThat(session.pid()).isNotEqualTo(before);
      assertThat(session.isAlive()).isTrue();
    }
  }

  /** Closing asks the shell to exit (PowerShell ends its remote sessions itself) before the tree is killed. */
  @Test
  void closeAsksTheShellToExitFirstAndThenTheSessionIsClosedForGood(@TempDir Path directory) throws Exception {
    Path exited = directory.resolve("exited");
    PowerShellSession session = PowerShellSession.start(FakeShells.options("--exited=" + exited));
    assertThat(session.toString()).endsWith(", pid " + session.pid() + "]");

    session.close();
    session.close();

    assertThat(exited).as("the shell was asked to exit").exists();
    assertThat(session.isAlive()).isFalse();
    assertThat(session.toString()).endsWith(", closed]");
  }

  /** A thread interrupted while it waits stops waiting and keeps its interrupt, so whoever interrupted it sees it. */
  @Test
  void anInterruptStopsTheWaitAndIsKept() throws Exception {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options())) {
      java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicBoolean kept = new java.util.concurrent.atomic.AtomicBoolean();
      Thread waiter = new Thread(() -> {
        try {
          ping(session, "hang");
        } catch (RuntimeException e) {
          thrown.set(e);
          kept.set(Thread.currentThread().isInterrupted());
        }
      });
      waiter.start();
      while (waiter.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      waiter.interrupt();
      waiter.join();

      assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
          .hasMessage("interrupted while waiting for PowerShell");
      assertThat(kept).isTrue();
    }
  }

  @Test
  void aProgramThatCannotStartIsRefusedNamingIt() {
    PowerShellOptions missing = PowerShellOptions.command(java.util.List.of("/nonexistent/pwsh", "-NoLogo"));

    assertThatThrownBy(() -> PowerShellSession.start(missing)).isInstanceOf(PowerShellException.class)
        .hasMessageStartingWith("cannot start /nonexistent/pwsh: ");
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
