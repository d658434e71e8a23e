package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.testkit.SampleTopologies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class PreflightTest {

  @Test
  void aHealthyEnvironmentPasses() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment"))) {
      assertThat(Preflight.check(session, SampleTopologies.contoso()).orThrow().passed()).isTrue();
    }
  }

  @Test
  void everyProblemIsReportedTogetherAndNothingRuns() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment", "--old-shell",
        "--no-lync-module", "--not-administrator", "--unreachable=fe03.contoso.com", "--unreachable=sql02.contoso.com"))) {
      Preflight.Report report = Preflight.check(session, SampleTopologies.contoso());

      assertThat(report.problems()).containsExactly(
          "PowerShell 4.0 is too old: the Lync Server module needs 5.1",
          "the Lync Server module is not installed here: run from a machine with the Lync Server administrative tools",
          "the account is not a member of CsAdministrator (BE-1)",
          "PowerShell remoting (WinRM) does not reach fe03.contoso.com, sql02.contoso.com; check that each is up and"
              + " that Enable-PSRemoting was run on it");
      assertThatThrownBy(report::orThrow).isInstanceOf(Preflight.PreflightFailedException.class)
          .hasMessageStartingWith("Pre-flight checks found 4 problem(s); nothing was run:");
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void elevationIsTheEffectiveUserIdThroughJnaOnPosix() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    String uid = new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
    id.waitFor();

    assertThat(Elevation.isElevated()).isEqualTo(uid.equals("0"));
    assertThat(Elevation.isRequired()).isFalse();
  }
}
