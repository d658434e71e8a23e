package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several sessions, so that steps on several servers run side by side (issue 7's concurrency, live). */
class PowerShellSessionPoolTest {
  private static final PsScript PING = PsScript.named("ping");
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static PsInvocation ping(String echo) {
    return PsInvocation.of(PING).with("Echo", echo);
  }

  @Test
  void aRequestRunsWhileAnotherHoldsTheFirstSession() throws Exception {
    try (ServerSocket release = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         PowerShellSessionPool pool = PowerShellSessionPool.start(FakeShells.options(), 2)) {
      Future<PsReply> held = threads.submit(() -> pool.invoke(ping("wait-for:" + release.getLocalPort())));
      try (Socket waiting = release.accept()) {

        PsReply meanwhile = pool.invoke(ping("meanwhile"));

        assertThat(meanwhile.first().orElseThrow()).containsEntry("Echo", "meanwhile");
        assertThat(held.isDone()).as("the first request still runs on its own session").isFalse();
        assertThat(pool.size()).isEqualTo(2);
        waiting.getOutputStream().write(1);
      }
      assertThat(held.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
    }
  }

  @Test
  void aFullPoolMakesTheNextRequestWaitForASession() throws Exception {
    try (ServerSocket release = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         PowerShellSessionPool pool = PowerShellSessionPool.start(FakeShells.options(), 1)) {
      Future<PsReply> first = threads.submit(() -> pool.invoke(ping("wait-for:" + release.getLocalPort())));
      try (Socket waiting = release.accept()) {
        Future<PsReply> second = threads.submit(() -> pool.invoke(ping("second")));

        waiting.getOutputStream().write(1);

        assertThat(first.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS).first().orElseThrow()).containsEntry("Echo", "second");
      }
      assertThat(pool.size()).isEqualTo(1);
    }
  }

  @Test
  void aClosedPoolRefusesRequestsAndClosingTwiceIsHarmless() {
    PowerShellSessionPool pool = PowerShellSessionPool.start(FakeShells.options(), 2);
    pool.close();
    pool.close();

    assertThatThrownBy(() -> pool.invoke(ping("late"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> PowerShellSessionPool.start(FakeShells.options(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeploymentOverAPoolSharesItsSessions() {
    try (PowerShellDeployment deployment = PowerShellDeployment.over(
        PowerShellSessionPool.start(FakeShells.options("--deployment"), 3))) {
      assertThat(deployment.toString()).contains("PowerShellSessionPool[1 of at most 3 sessions");
    }
  }
}
