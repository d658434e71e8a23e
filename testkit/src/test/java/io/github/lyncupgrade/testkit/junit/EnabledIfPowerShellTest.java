package io.github.lyncupgrade.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** {@link EnabledIfPowerShell}: found by absolute path or on the PATH, skipped with the reason otherwise. */
class EnabledIfPowerShellTest {
  @TempDir
  Path directory;

  /** Would fail if it ran: no PowerShell lives there. */
  @EnabledIfPowerShell("/no/such/folder/pwsh")
  static class NeedsAPowerShellThatIsNotThere {
    @Test
    void neverRuns() {
      throw new AssertionError("ran without its PowerShell");
    }
  }

  /** Only the annotated method is skipped. */
  static class OneMethodNeedsIt {
    @Test
    void runsAnywhere() {}

    @Test
    @EnabledIfPowerShell("no-such-powershell-6c1f")
    void needsIt() {
      throw new AssertionError("ran without its PowerShell");
    }
  }

  @Test
  void aTestClassWhosePowerShellIsMissingIsSkippedWithTheReason() {
    List<String> seen = run(NeedsAPowerShellThatIsNotThere.class);

    assertThat(seen).containsExactly("skipped EnabledIfPowerShellTest$NeedsAPowerShellThatIsNotThere: no PowerShell"
        + " (/no/such/folder/pwsh) on this machine");
  }

  @Test
  void onAMethodOnlyThatMethodIsSkipped() {
    List<String> seen = run(OneMethodNeedsIt.class);

    assertThat(seen).containsExactlyInAnyOrder("SUCCESSFUL runsAnywhere()",
        "skipped needsIt(): no PowerShell (no-such-powershell-6c1f) on this machine",
        "SUCCESSFUL EnabledIfPowerShellTest$OneMethodNeedsIt");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aPowerShellOnThePathEnablesTheTestAndNamesWhereItIs() throws IOException {
    Path pwsh = Files.createFile(directory.resolve("pwsh"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Path notExecutable = Files.createDirectories(directory.resolve("other")).resolve("pwsh");
    Files.createFile(notExecutable);
    EnabledIfPowerShellCondition onPath = new EnabledIfPowerShellCondition(
        Map.of("PATH", notExecutable.getParent() + ":" + directory), "Linux");

    ConditionEvaluationResult found = onPath.evaluate("");
    ConditionEvaluationResult missing = new EnabledIfPowerShellCondition(Map.of("PATH", "/nowhere"), "Linux").evaluate("");

    assertThat(found.isDisabled()).isFalse();
    assertThat(found.getReason()).contains("PowerShell found at " + pwsh);
    assertThat(missing.isDisabled()).isTrue();
    assertThat(missing.getReason()).contains("no PowerShell (pwsh) on this machine");
    assertThat(onPath.evaluate(pwsh.toString()).isDisabled()).as("by absolute path").isFalse();
  }

  @Test
  void onWindowsTheDefaultIsWindowsPowerShellUnderSystemRoot() {
    ConditionEvaluationResult windows = new EnabledIfPowerShellCondition(Map.of("SystemRoot", "D:\\Win"), "Windows Server 2019")
        .evaluate("");

    assertThat(windows.getReason().orElseThrow()).contains("D:\\Win").contains("WindowsPowerShell")
        .contains("powershell.exe");
  }

  /** Runs {@code testClass} through JUnit's launcher: what happened to each container and test, with reasons. */
  private static List<String> run(Class<?> testClass) {
    List<String> seen = new ArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        new TestExecutionListener() {
          @Override
          public void executionSkipped(TestIdentifier test, String reason) {
            seen.add("skipped " + test.getDisplayName() + ": " + reason);
          }

          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.getSource().isPresent() && !test.getDisplayName().equals("JUnit Jupiter")) {
              seen.add(result.getStatus() + " " + test.getDisplayName());
            }
          }
        });
    return seen;
  }
}
