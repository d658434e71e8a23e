package io.github.lyncupgrade.powershell;

import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options that start the fake shell as a real child process, on this JVM's class path. */
final class FakeShells {
  private FakeShells() {}

  static PowerShellOptions options(String... flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FakeShell.class.getName());
    command.addAll(List.of(flags));
    return PowerShellOptions.command(command);
  }

  /** A deployment over the fake shell playing the sample deployment ({@code --deployment}) with {@code flags}. */
  static PowerShellDeployment deployment(String... flags) {
    List<String> all = new ArrayList<>();
    all.add("--deployment");
    all.addAll(List.of(flags));
    return PowerShellDeployment.over(PowerShellSession.start(options(all.toArray(String[]::new))));
  }

  /** {@code options} with every operation bounded by {@code bound} and a tenth of it as grace: for tests of hangs. */
  static PowerShellOptions bounded(PowerShellOptions options, Duration bound) {
    return options.withCommandTimeout(bound).withReadTimeout(bound).withRestartTimeout(bound)
        .withFailoverWaitTime(bound).withTimeoutGrace(bound.dividedBy(10));
  }
}
