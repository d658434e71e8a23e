package io.github.lyncupgrade.powershell.fakeshell;

import io.github.lyncupgrade.powershell.PowerShellOptions;
import io.github.lyncupgrade.powershell.PowerShellSession;
import io.github.lyncupgrade.powershell.PsInvocation;
import io.github.lyncupgrade.powershell.PsScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A JVM that opens a session on the fake shell (which starts a child of its own), prints the
 * shell's and the child's process ids, and exits without closing the session.
 */
public final class ExitsWithAnOpenSession {
  private ExitsWithAnOpenSession() {}

  public static void main(String[] args) {
    PowerShellSession session = PowerShellSession.start(PowerShellOptions.command(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        FakeShell.class.getName(), "--child")));
    String child = session.invoke(PsInvocation.of(PsScript.named("ping")).with("Echo", "x"), Duration.ofSeconds(20))
        .first().orElseThrow().get("Child");
    System.out.println(session.pid() + " " + child);
    System.out.flush();
    System.exit(0);
  }
}
