package io.github.lyncupgrade.powershell.bench;

import io.github.lyncupgrade.powershell.PowerShellOptions;
import io.github.lyncupgrade.powershell.PowerShellSession;
import io.github.lyncupgrade.powershell.PsInvocation;
import io.github.lyncupgrade.powershell.PsScript;
import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Round-trip time per command on one persistent session against starting a process per command,
 * both against the fake shell (a JVM; a real powershell.exe starts slower still). Prints the
 * median and the 90th percentile. Run with
 * {@code mvn -B -ntp -q install -DskipTests && mvn -B -ntp -q -pl powershell-adapter exec:exec@bench}.
 */
public final class SessionRoundTripBench {
  private static final PsScript PING = PsScript.named("ping");
  private static final int PERSISTENT_COMMANDS = 2000;
  private static final int FRESH_PROCESSES = 20;

  private SessionRoundTripBench() {}

  public static void main(String[] args) {
    PowerShellOptions options = PowerShellOptions.command(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        FakeShell.class.getName()));
    long[] persistent = new long[PERSISTENT_COMMANDS];
    try (PowerShellSession session = PowerShellSession.start(options)) {
      for (int warmup = 0; warmup < 500; warmup++) {
        ping(session);
      }
      for (int i = 0; i < persistent.length; i++) {
        long start = System.nanoTime();
        ping(session);
        persistent[i] = System.nanoTime() - start;
      }
    }
    long[] fresh = new long[FRESH_PROCESSES];
    for (int i = 0; i < fresh.length; i++) {
      long start = System.nanoTime();
      try (PowerShellSession session = PowerShellSession.start(options)) {
        ping(session);
      }
      fresh[i] = System.nanoTime() - start;
    }
    System.out.printf("%nRound trip per command against the fake shell (%d cores):%n",
        Runtime.getRuntime().availableProcessors());
    print("persistent session", persistent);
    print("a process per command", fresh);
    System.out.printf("a persistent session is %.0fx faster per command (median)%n",
        (double) percentile(fresh, 50) / percentile(persistent, 50));
  }

  private static void ping(PowerShellSession session) {
    session.invoke(PsInvocation.of(PING).with("Echo", "bench"), Duration.ofSeconds(30));
  }

  private static void print(String what, long[] nanos) {
    System.out.printf("  %-24s median %9.3f ms   p90 %9.3f ms   (%d commands)%n", what,
        percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, nanos.length);
  }

  private static long percentile(long[] values, int percent) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
  }
}
