package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.StepSelector;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunbookWriterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/runbooks/contoso.ps1");
  private static final Path SKYPE_GOLDEN = Path.of("src/test/resources/runbooks/skype-2015.ps1");

  /** The Skype for Business Server 2015 sample's runbook: server by server, AlwaysOn, the store's pool. */
  static String skypeRunbook() {
    return RunbookWriter.write(Planner.create(PlanOptions.builder()
        .updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015)).build())
        .plan(SampleTopologies.skypeForBusiness2015()));
  }

  static String lyncRunbook() {
    return RunbookWriter.write(sample(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build()));
  }

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

  /** Reviewed by hand like the 2013 one; regenerate with -Dlyncupgrade.updateGolden=true and review the diff. */
  @Test
  void theSkypeForBusinessRunbookMatchesItsReviewedGoldenFile() throws IOException {
    String runbook = skypeRunbook();
    if (Boolean.getBoolean("lyncupgrade.updateGolden")) {
      Files.writeString(SKYPE_GOLDEN, runbook, StandardCharsets.UTF_8);
    }

    assertThat(runbook).isEqualTo(Files.readString(SKYPE_GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void aSkypeForBusinessPoolsRunbookFailsOverOneFrontEndAtATime() {
    String runbook = skypeRunbook();
    String fe101 = runbook.substring(runbook.indexOf("pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/check-fabric-state"),
        runbook.indexOf("pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/check-fabric-state"));

    assertThat(fe101).containsSubsequence(
        "Assert-ReplicasPresent -Pool 'pool10.fabrikam.com' -Reset $false\n",
        "[CR-3a] ", "Invoke-CsComputerFailOver -ComputerName 'fe101.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds"
            + " 1800) -Confirm:$false\n",
        "[CR-3b] ", "Install-Update -Server 'fe101.fabrikam.com'\n",
        "[CR-3b] ", "Restart-Computer -ComputerName 'fe101.fabrikam.com'",
        "[CR-3c] ", "Invoke-CsComputerFailBack -ComputerName 'fe101.fabrikam.com' -Confirm:$false\n",
        "[CR-3c] ", "Assert-ServerRunning -Server 'fe101.fabrikam.com'\n");
    assertThat(runbook).doesNotContain("Wait-PoolReady -FrontEnd 'fe1")
        .doesNotContain("-ComputerName 'fe101.fabrikam.com' -ScriptBlock { Stop-CsWindowsService")
        .contains("Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn ag10.fabrikam.com\n"
            + "#endregion", "Assert-DatabasesCurrent -SqlServer 'ag10.fabrikam.com'\n", "Publish-CsTopology -FileName",
            "# Invoke-Command -ComputerName 'fe111.fabrikam.com' -ScriptBlock { Invoke-CsManagementServerFailover"
                + " -Confirm:$false }   # to sql11.fabrikam.com\n");
  }

  @Test
  void theSkypeForBusinessRunbookParsesAsTheLyncOneDoes() {
    String lync = lyncRunbook();
    String skype = skypeRunbook();

    assertThat(RunbookSyntax.problems(lync)).isEmpty();
    assertThat(RunbookSyntax.problems(skype)).isEmpty();
    assertThat(skype.lines().filter(line -> line.startsWith("function "))).as("the same helpers")
        .containsExactlyElementsOf(lync.lines().filter(line -> line.startsWith("function ")).toList());
    assertThat(RunbookSyntax.problems(skype.replaceFirst("\\}\n", "\n"))).as("the check can fail")
        .containsExactly("line 10: '{' is never closed");
    assertThat(RunbookSyntax.problems(skype.replaceFirst("\n#endregion\n", "\n"))).first().asString()
        .contains("a region opens inside another");
    long end = skype.lines().count();
    assertThat(RunbookSyntax.problems(skype + "Write-Host \"$(Get-Date\n")).containsExactly(
        "line " + (end + 2) + ": a $( subexpression is never closed",
        "line " + (end + 1) + ": a double-quoted string is never closed");
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
