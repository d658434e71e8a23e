package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.StepKind;
import io.github.lyncupgrade.core.plan.StepSelector;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunbookWriterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/runbooks/contoso.ps1");

  private static UpgradePlan sample(PlanOptions options) {
    return Planner.create(options).plan(SampleTopologies.contoso());
  }

  /** The sample's runbook, reviewed by hand; regenerate with -Dlyncupgrade.updateGolden=true and review the diff. */
  @Test
  void theSampleRunbookMatchesTheReviewedGoldenFile() throws IOException {
    String runbook = RunbookWriter.write(sample(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build()));
    if (Boolean.getBoolean("lyncupgrade.updateGolden")) {
      Files.writeString(GOLDEN, runbook, StandardCharsets.UTF_8);
    }

    assertThat(runbook).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void everyStepHasARegionCitingItsRule() {
    UpgradePlan plan = sample(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build());
    String runbook = RunbookWriter.write(plan);

    assertThat(runbook.lines().filter(line -> line.startsWith("#region "))).hasSize(plan.size());
    assertThat(runbook.lines().filter(line -> line.equals("#endregion"))).hasSize(plan.size());
    assertThat(runbook).contains("#region 17. [FE-2a] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/stop-services\n")
        .contains("Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com -ExcludeCollocatedStores\n")
        .contains("Install-CsDatabase -Update -LocalDatabases\n")
        .contains("$ErrorActionPreference = 'Stop'\n")
        .contains("# Manual: automation runs the cmdlets");
  }

  @Test
  void stepsAUserAddedHaveTheirOwnRegionsMarkedCustom() {
    UpgradePlan plan = sample(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build())
        .extend(PlanExtension.builder().before(StepSelector.kind(StepKind.STOP_SERVICES), "lb-drain",
            "Take {target} out of the load balancer").build());

    String runbook = RunbookWriter.write(plan);

    assertThat(runbook.lines().filter(line -> line.startsWith("#region "))).hasSize(plan.size());
    assertThat(runbook).contains("[SDK-6] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/stop-services/before-lb-drain\n"
        + "# Take fe01.contoso.com out of the load balancer\n"
        + "# Custom step (SDK-6): your own automation's action lb-drain does this; it is not scripted here.\n");
  }

  @Test
  void aHostileInstallerPathStaysOneInertLiteral() {
    String hostile = "\\\\files\\cu\\it's $(Remove-Item C:\\ -Recurse)\u2019; calc.exe";
    String runbook = RunbookWriter.write(sample(PlanOptions.builder()
        .updatePackage(UpdatePackage.of(hostile, "5.0.8308.1001")).build()));

    String line = runbook.lines().filter(l -> l.startsWith("$UpdateInstaller = ")).findFirst().orElseThrow();
    SingleQuotedStringReader.Token token = SingleQuotedStringReader.read(line, "$UpdateInstaller = ".length());
    assertThat(token.value()).isEqualTo(hostile);
    assertThat(line.substring(token.end())).isEmpty();
  }
}
