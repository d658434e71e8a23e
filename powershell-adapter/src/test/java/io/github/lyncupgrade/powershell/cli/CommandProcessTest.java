package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as its own process, {@code main} and all: its real standard streams and logging. */
class CommandProcessTest {
  @TempDir
  Path directory;

  private record Result(int exitCode, String out, String err) {}

  private Result main(List<String> jvmOptions, File stdout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = directory.resolve("stdout.txt");
    Path err = directory.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectOutput(stdout == null ? out.toFile() : stdout)
        .redirectError(err.toFile()).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command ends").isTrue();
    return new Result(process.exitValue(), stdout == null ? Files.readString(out) : "", Files.readString(err));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void aPlanWrittenToAFullDiskEndsWithExitCodeFour() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "/dev/full is a Linux device");

    Result plan = main(List.of(), full, "plan");
    Result runbook = main(List.of(), full, "runbook");

    assertThat(plan.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
    assertThat(plan.err()).isEqualTo("the output could not be written to standard output (No space left on device):"
        + " what was asked for is not all there" + System.lineSeparator());
    assertThat(runbook.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
  }

  @Test
  void aFailedStepIsPrintedOnceByTheProgressLineNotAgainByTheLog() throws Exception {
    Path topology = directory.resolve("contoso.json");
    try (OutputStream out = Files.newOutputStream(topology)) {
      TopologyFile.write(SampleTopologies.contoso(), out);
    }
    String shell = "--shell-command=" + String.join("|", java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), FakeShell.class.getName(), "--deployment", "--fault=install:fe03.contoso.com");
    List<String> args = new ArrayList<>(List.of("run", "--topology", topology.toString(), "--update",
        "\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "--target-build", "5.0.8308.1001", "--settle-minutes",
        "0", "--sessions", "1", shell, "--journal"));

    args.add(directory.resolve("once.journal").toString());
    Result once = main(List.of(), null, args.toArray(String[]::new));
    args.set(args.size() - 1, directory.resolve("twice.journal").toString());
    Result twice = main(List.of("-Dorg.slf4j.simpleLogger.log.io.github.lyncupgrade.core.internal.engine.StepRecorder=warn"), null,
        args.toArray(String[]::new));

    assertThat(once.exitCode()).as(once.err()).isEqualTo(ExitCodes.RUN_INCOMPLETE);
    assertThat(once.out()).contains("FAILED   pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/install-update");
    assertThat(once.err()).as("standard error").doesNotContain("fe03.contoso.com/install-update");
    assertThat(twice.err()).as("the log, when the operator asks for it").contains("WARN")
        .contains("fe03.contoso.com/install-update failed");
  }
}
