package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import io.github.lyncupgrade.powershell.internal.Wire;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C during a live run, for real: the {@code lync-upgrade} command runs in a child JVM against
 * the fake shell (its own child process, holding fe01's install until the test lets it go), gets
 * real signals from {@code kill}, and must stop safely, say so, exit with its documented code and
 * leave a journal that {@code resume} completes, every server updated once. Waits are on the
 * child's output and a socket, never on time.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalHandlingTest {
  /** How long to wait for the child before the test fails rather than hang. */
  private static final long LIMIT_SECONDS = 120;

  @TempDir
  Path directory;

  private Path topology;
  private Path journal;
  private Path state;
  private Path record;

  private List<String> liveOptions() throws IOException {
    topology = directory.resolve("contoso.json");
    try (OutputStream out = Files.newOutputStream(topology)) {
      TopologyFile.write(SampleTopologies.contoso(), out);
    }
    journal = directory.resolve("night.journal");
    state = directory.resolve("deployment.state");
    record = directory.resolve("requests.record");
    return List.of("--topology", topology.toString(), "--journal", journal.toString(),
        "--update", "\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "--target-build", "5.0.8308.1001",
        "--settle-minutes", "0", "--sessions", "1", "--servers-at-once", "1", "--staging-copies", "1");
  }

  private String fakeShell(String... flags) {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
        FakeShell.class.getName(), "--deployment", "--state=" + state, "--record=" + record));
    command.addAll(List.of(flags));
    return "--shell-command=" + String.join("|", command);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The command in a child JVM, its output (standard error merged) line by line in a queue. */
  private static final class Command {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final StringBuilder all = new StringBuilder();

    Command(List<String> args) throws IOException {
      List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
          Main.class.getName()));
      command.addAll(args);
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            synchronized (all) {
              all.append(line).append('\n');
            }
            lines.add(line);
          }
        } catch (IOException e) {
          lines.add("reader failed: " + e);
        }
      }, "child-output");
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits for a line containing {@code text}; fails, with everything printed so far, if the child stops first. */
    void awaitLine(String text) throws InterruptedException {
      while (true) {
        String line = lines.poll(LIMIT_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("a line with '%s' from the command; it printed:%n%s", text, output()).isNotNull();
        if (line.contains(text)) {
          return;
        }
      }
    }

    void signal(String name) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      assertThat(kill.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(kill.exitValue()).isZero();
    }

    int exitCode() throws InterruptedException {
      assertThat(process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)).as("the command ended; it printed:%n%s",
          output()).isTrue();
      return process.exitValue();
    }

    String output() {
      synchronized (all) {
        return all.toString();
      }
    }
  }

  /** How many times each server got {@code install-update}, from the fake shells' record of what arrived. */
  private Map<String, Long> installsPerServer() throws IOException {
    try (Stream<String> lines = Files.lines(record, StandardCharsets.UTF_8)) {
      return lines.map(line -> line.split("\t"))
          .filter(fields -> Wire.decode(fields[0]).startsWith("# lync-upgrade:install-update"))
          .map(fields -> Stream.of(fields).filter(field -> field.startsWith("Server="))
              .map(field -> Wire.decode(field.substring("Server=".length()))).findFirst().orElseThrow())
          .collect(Collectors.groupingBy(server -> server, TreeMap::new, Collectors.counting()));
    }
  }

  private static List<String> everyServer() {
    List<String> servers = new ArrayList<>();
    for (Pool pool : SampleTopologies.contoso().pools()) {
      pool.frontEnds().forEach(server -> servers.add(server.toString()));
      if (!servers.contains(pool.backEndHost().toString())) {
        servers.add(pool.backEndHost().toString());
      }
    }
    return servers;
  }

  private record Result(int exitCode, String out) {}

  private Result resume(List<String> options) {
    StringWriter out = new StringWriter();
    List<String> args = new ArrayList<>(List.of("resume", fakeShell()));
    args.addAll(options);
    int exitCode = Main.commandLine(new PrintWriter(out, true), new PrintWriter(out, true))
        .execute(args.toArray(String[]::new));
    return new Result(exitCode, out.toString());
  }

  /** Starts {@code run}, waits until the fake shell holds fe01's install, and returns the command and the hold. */
  private Command runUntilTheFirstInstall(ServerSocket hold, List<String> options) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", fakeShell("--hold-on=install-update:" + hold.getLocalPort())));
    args.addAll(options);
    return new Command(args);
  }

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143"})
  void theFirstSignalFinishesTheServerBegunExitsWithItsCodeAndResumeCompletes(String signal, int exitCode)
      throws Exception {
    List<String> options = liveOptions();
    try (ServerSocket hold = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      hold.setSoTimeout((int) TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
      Command run = runUntilTheFirstInstall(hold, options);
      try (Socket install = hold.accept()) {
        run.signal(signal);
        run.awaitLine("SIG" + signal + ": stopping at the next safe point. Finishing the procedure of fe01.contoso.com");
        install.getOutputStream().write(1);
      }

      assertThat(run.exitCode()).as(run.output()).isEqualTo(exitCode);
      assertThat(run.output()).contains("Run CANCELLED", "Cancelled at a safe point with").doesNotContain("Left part-way")
          .doesNotContain("Exception");
    }
    assertThat(installsPerServer()).containsOnlyKeys("fe01.contoso.com");

    Result resumed = resume(options);

    assertThat(resumed.exitCode()).as(resumed.out()).isZero();
    assertThat(resumed.out()).contains("Run COMPLETED");
    assertThat(installsPerServer()).containsOnlyKeys(everyServer()).allSatisfy((server, times) ->
        assertThat(times).as(server).isEqualTo(1));
  }

  @Test
  void aSecondSignalStopsBeforeTheNextStepTheReportNamesTheServerLeftStoppedAndResumeBringsItBack()
      throws Exception {
    List<String> options = liveOptions();
    try (ServerSocket hold = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      hold.setSoTimeout((int) TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
      Command run = runUntilTheFirstInstall(hold, options);
      try (Socket install = hold.accept()) {
        run.signal("INT");
        run.awaitLine("SIGINT: stopping at the next safe point.");
        run.signal("INT");
        run.awaitLine("SIGINT again: stopping before the next step");
        install.getOutputStream().write(1);
      }

      assertThat(run.exitCode()).as(run.output()).isEqualTo(130);
      assertThat(run.output()).contains("Run CANCELLED", "Cancelled before the next step with",
          "Left part-way through their procedure, so possibly stopped (resume brings them back first):"
              + " fe01.contoso.com (2 of 4 steps done)");
    }
    assertThat(Files.readString(state)).contains("server fe01.contoso.com 5.0.8308.1001 stopped");

    Result resumed = resume(options);

    assertThat(resumed.exitCode()).as(resumed.out()).isZero();
    assertThat(resumed.out()).contains("Run COMPLETED", "fe01.contoso.com/restart: restarted and back");
    assertThat(installsPerServer()).containsOnlyKeys(everyServer()).allSatisfy((server, times) ->
        assertThat(times).as(server).isEqualTo(1));
    assertThat(Files.readString(state)).contains("server fe01.contoso.com 5.0.8308.1001 running");
  }
}
