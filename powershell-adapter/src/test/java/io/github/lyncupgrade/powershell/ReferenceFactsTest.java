package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's defects, one test each, against PROCEDURE's "Facts from Microsoft's reference that
 * the PowerShell side must honour": the scripts' and runbooks' text (which nothing here can run),
 * what the fake shell receives, and how the adapter reads what comes back.
 */
class ReferenceFactsTest {
  private static final Fqdn POOL10 = Fqdn.of("pool10.fabrikam.com");

  @TempDir
  Path directory;

  private static String script(String name) {
    return PsScript.named(name).text();
  }

  private static String code(String powershell) {
    return powershell.lines().filter(line -> !line.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
  }

  private Path record(String name) {
    return directory.resolve(name + ".requests");
  }

  private static PowerShellDeployment deployment(PowerShellOptions options) {
    return PowerShellDeployment.over(PowerShellSession.start(options));
  }

  /** Item 1: a bare number given to a TimeSpan is ticks; -DrainingTimeout 1800 was a forced drain. */
  @Test
  void timeSpans_theDrainingTimeoutAndWaitTimeAreTimeSpansNeverTicks() throws IOException {
    assertThat(script("computer-failover")).contains(
        "-DrainingTimeout (New-TimeSpan -Seconds $draining) -WaitTime (New-TimeSpan -Seconds $wait)")
        .doesNotContain("-DrainingTimeout ([int]");
    assertThat(RunbookWriterTest.skypeRunbook()).contains("-DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false")
        .doesNotContainPattern("-DrainingTimeout [0-9]");

    Path record = record("failover");
    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--sample=skype-2015",
        "--record=" + record))) {
      deployment.failOverComputer(Fqdn.of("fe101.fabrikam.com"), Duration.ofMinutes(30));
    }
    assertThat(requests(record).get(0).parameters()).containsEntry("DrainingTimeoutSeconds", "1800")
        .containsEntry("WaitTimeSeconds", "3600");
  }

  /** Item 2: remoting returns objects to depth 1; the fields are projected on the Front End and read fail closed. */
  @Test
  void depthOne_readinessIsProjectedOnTheFrontEndAndAStringOrNothingIsNeverReadAsABoolean() throws IOException {
    String readiness = code(script("pool-readiness"));
    assertThat(readiness.indexOf("-ScriptBlock {")).as("the records are made inside the remote block")
        .isLessThan(readiness.indexOf("[pscustomobject]"));
    assertThat(readiness).doesNotContain("$state = Invoke-Command");
    assertThat(RunbookWriterTest.lyncRunbook()).contains("[pscustomobject]@{ Kind = 'Domain'; UpgradeDomain ="
        + " [string]$domain.UpgradeDomain; ReadyForUpgrade = $domain.ReadyForUpgrade }",
        "$domain.ReadyForUpgrade -isnot [bool]").doesNotContain("$state.UpgradeDomains | Where-Object { [string]");

    String page = DocBlocks.page("docs/real-deployment.md").replaceAll("\\s+", " ");
    for (String how : List.of("type", "null", "absent")) {
      try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment",
          "--break=pool-readiness:Domain.ReadyForUpgrade:" + how))) {
        if (how.equals("type")) {
          assertThatThrownBy(() -> deployment.poolReadiness(Fqdn.of("pool01.contoso.com"), Fqdn.of("fe03.contoso.com"),
              ProductVersion.LYNC_SERVER_2013)).isInstanceOfSatisfying(UnreadableReplyException.class, e ->
              assertThat(page).as("the example of docs/real-deployment.md").contains("`" + e.problems().get(0).describe() + "`"));
        }
        assertThatThrownBy(() -> deployment.poolReadiness(Fqdn.of("pool01.contoso.com"), Fqdn.of("fe03.contoso.com"),
            ProductVersion.LYNC_SERVER_2013)).as(how).isInstanceOfSatisfying(UnreadableReplyException.class, e -> {
              assertThat(e.script()).isEqualTo("pool-readiness");
              assertThat(e.problems()).hasSize(3).allSatisfy(problem -> {
                assertThat(problem.property()).isEqualTo("ReadyForUpgrade");
                assertThat(problem.arrived()).isEqualTo(switch (how) {
                  case "type" -> problem.record().endsWith("1") ? "System.String 'True'" : problem.arrived();
                  case "null" -> "$null";
                  default -> "nothing: the reply has no such property";
                });
              });
            });
      }
    }
  }

  /**
   * Items 3 and 6: the store moves with Get-CsConfigurationStoreLocation's answer, from a server of
   * the pool that takes it, in the planned form; the pool fails over without -DisasterMode unless
   * the plan says otherwise.
   */
  @Test
  void failovers_plannedUnlessThePlanSaysDisasterAndTheStoreMovesFromThePartnersServer() throws IOException {
    assertThat(script("cms-failover")).doesNotContain("Get-CsManagementStoreLocation")
        .contains("Get-CsConfigurationStoreLocation", "$null = Invoke-CsManagementServerFailover -Confirm:$false",
            "-BackupSqlServerFqdn $sqlServer -Force -Confirm:$false", "$session = __Open $p.Server $p");
    assertThat(code(script("fail-over"))).containsOnlyOnce("-DisasterMode")
        .contains("if ($p.DisasterMode -eq 'True') {", "$null = Invoke-CsPoolFailOver -PoolFqdn $p.Pool -Confirm:$false");
    assertThat(RunbookWriterTest.lyncRunbook()).doesNotContain("-DisasterMode -Confirm")
        .contains("the planned form, without -DisasterMode:\n# Invoke-CsPoolFailOver -PoolFqdn 'pool01.contoso.com'"
            + " -Confirm:$false");
    assertThat(RunbookWriter.write(Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
        .poolFailoverMode(PoolFailoverMode.DISASTER).build()).plan(SampleTopologies.contoso())))
        .contains("# Invoke-CsPoolFailOver -PoolFqdn 'pool01.contoso.com' -DisasterMode -Confirm:$false");

    for (PoolFailoverMode mode : PoolFailoverMode.values()) {
      Path record = record("failover-" + mode);
      try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--sample=skype-2015",
          "--fault=busy:pool10.fabrikam.com:3", "--record=" + record))) {
        RunReport report = Executor.builder(deployment).clock(VirtualClock.create()).build()
            .run(Planner.create(PlanOptions.builder().poolFailoverMode(mode)
                .frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN).settlePolicy(SettlePolicy.off())
                .updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015))
                .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.skypeForBusiness2015()));
        assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
      }
      String disaster = String.valueOf(mode == PoolFailoverMode.DISASTER);
      List<RecordedRequests.Request> requests = RecordedRequests.in(record);
      assertThat(requests).filteredOn(request -> request.script().equals("cms-failover")).singleElement()
          .satisfies(request -> assertThat(request.parameters()).containsEntry("Server", "fe111.fabrikam.com")
              .containsEntry("DisasterMode", disaster).containsEntry("SqlServer", "sql11.fabrikam.com"));
      assertThat(requests).filteredOn(request -> request.script().equals("fail-over")).singleElement()
          .satisfies(request -> assertThat(request.parameters()).containsEntry("DisasterMode", disaster));
    }
    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--sample=skype-2015"))) {
      assertThatThrownBy(() -> deployment.failOverCentralManagementStore(POOL10, "sql11.fabrikam.com",
          Fqdn.of("fe101.fabrikam.com"), PoolFailoverMode.PLANNED)).isInstanceOf(DeploymentException.class)
          .hasMessageContaining("fe101.fabrikam.com is not a server of pool11.fabrikam.com");
    }
  }

  /** Item 4: the build is read under each product's folder; none found is no build, never 0.0.0.0. */
  @Test
  void installedBuild_isReadUnderEveryProductsFolderAndNothingReadIsNoBuild() {
    assertThat(code(script("server-status"))).contains("'Microsoft Lync Server 2013', 'Skype for Business Server 2015',"
        + " 'Skype for Business Server 2019'", "\"$product\\Server\\Core\\RtcHost.exe\"").doesNotContain("0.0.0.0");
    assertThat(RunbookWriterTest.skypeRunbook()).contains("'Microsoft Lync Server 2013', 'Skype for Business Server"
        + " 2015', 'Skype for Business Server 2019'", "[version]$builds[0] -lt [version]$TargetBuild");

    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--sample=skype-2015"))) {
      List<String> details = new ArrayList<>();
      for (int run = 0; run < 2; run++) {
        Executor.builder(deployment).clock(VirtualClock.create()).listener(event -> {
          if (event instanceof RunEvent.StepSucceeded succeeded) {
            details.add(succeeded.detail());
          } else if (event instanceof RunEvent.StepSkipped skipped) {
            details.add(skipped.reason());
          }
        }).build().run(Planner.create(PlanOptions.builder().concurrency(Concurrency.sequential())
            .updatePackage(Simulation.sampleUpdate(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015)).build())
            .plan(SampleTopologies.skypeForBusiness2015())).orThrow();
      }
      assertThat(details).as("the second run finds every server at the build it installed")
          .anyMatch(detail -> detail.contains("already at build 6.0.9319.1001"));
    }
    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--drop=server-status:Build"))) {
      assertThatThrownBy(() -> deployment.serverStatus(Fqdn.of("fe01.contoso.com")))
          .isInstanceOf(UnreadableReplyException.class).hasMessageContaining("server-status.ps1: Get-Item <Microsoft Lync"
              + " Server 2013|Skype for Business Server 2015|Skype for Business Server 2019>\\Server\\Core\\RtcHost.exe's"
              + " Build records (the reply): expected exactly one Build record, got 0 records");
    }
  }

  /** Item 5: Install-CsDatabase -LocalDatabases acts on the local computer: the runbook runs it on the server. */
  @Test
  void be11c_theRunbookUpdatesAStandardEditionServersDatabasesOnThatServer() {
    String runbook = RunbookWriterTest.lyncRunbook();

    assertThat(runbook).contains("Invoke-Command -ComputerName 'se01.contoso.com' -ScriptBlock { Install-CsDatabase"
        + " -Update -LocalDatabases }\n");
    assertThat(runbook.lines()).doesNotContain("Install-CsDatabase -Update -LocalDatabases");
    assertThat(script("update-databases")).contains("'LOCAL_DATABASES' {\n    $session = __Open $p.SqlServer $p");
  }

  /** Item 7: Copy-Item -ToSession is 5.0; the runbook asks for the 5.1 pre-flight asks for. */
  @Test
  void requires_theRunbookAsksForTheWindowsPowerShellItNeeds() {
    for (String runbook : List.of(RunbookWriterTest.lyncRunbook(), RunbookWriterTest.skypeRunbook())) {
      assertThat(runbook).contains("#Requires -Version 5.1\n", "-ToSession").doesNotContain("#Requires -Version 3.0");
    }
  }

  /**
   * Item 8 and item 10's dead sessions: every script opens its remote session for the operation and
   * removes it when done, so none holds the Lync module open through an installer (BE-6), BE-9 loads
   * the updated one (BE-8), and a restart leaves no process a dead session; none waits forever.
   */
  @Test
  void be6be8_noRemoteSessionOutlivesItsOperationAndNoneWaitsForever() throws IOException {
    String bootstrap = new String(PowerShellSession.class.getResourceAsStream("bootstrap.ps1").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(bootstrap).doesNotContain("-OperationTimeout 0").contains("-OperationTimeout $timeout");
    for (var contract : io.github.lyncupgrade.powershell.internal.ScriptContracts.ALL) {
      String text = code(script(contract.script()));
      assertThat(text).as(contract.script()).doesNotContain("__Session");
      int opened = count(text, "__Open ");
      assertThat(count(text, "} finally {\n")).as(contract.script()).isGreaterThanOrEqualTo(opened);
      assertThat(count(text, "Remove-PSSession -Session $session")).as(contract.script()).isEqualTo(opened);
    }
    assertThat(code(script("stop-services"))).contains("$session = __Open $p.Server $p");

    Path record = record("configuration");
    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--record=" + record)
        .withSessionConfiguration("lync-upgrade"))) {
      deployment.serverStatus(Fqdn.of("fe01.contoso.com"));
      deployment.stopServices(Fqdn.of("fe01.contoso.com"), true);
      deployment.restart(Fqdn.of("fe01.contoso.com"));
    }
    assertThat(requests(record)).hasSize(3).allSatisfy(request -> assertThat(request.parameters())
        .containsEntry("SessionConfiguration", "lync-upgrade")
        .hasEntrySatisfying("OperationTimeoutMs", timeout -> assertThat(Long.parseLong(timeout)).isPositive()));
  }

  /**
   * Item 10: Restart-Computer through WinRM, the protocol pre-flight checks; and each command's
   * timeout outlasts the wait it guards (the restart's, the failover's draining and wait time), so
   * the cmdlet's own timeout is reported instead of a shell killed with the outcome unknown.
   */
  @Test
  void waits_restartsGoThroughWinRmAndTheSdkWaitsLongerThanEveryWaitItGuards() throws IOException {
    assertThat(script("restart")).contains("Restart-Computer -ComputerName $p.Server -Protocol WSMan -Wait -For"
        + " PowerShell -Timeout $timeout -Force");
    assertThat(RunbookWriterTest.lyncRunbook()).contains("-Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force");

    Path record = record("restart");
    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--record=" + record))) {
      deployment.restart(Fqdn.of("fe01.contoso.com"));
    }
    Map<String, String> restart = requests(record).get(0).parameters();
    assertThat(restart).containsEntry("TimeoutSeconds", "3600").containsEntry("OperationTimeoutMs", "3900000");

    PowerShellOptions quick = FakeShells.options("--deployment", "--sample=skype-2015", "--hang-on=restart",
        "--hang-on=computer-failover").withRestartTimeout(Duration.ofSeconds(1)).withFailoverWaitTime(Duration.ofSeconds(1))
        .withTimeoutGrace(Duration.ofMillis(500));
    assertThat(quick.commandTimeout()).isEqualTo(Duration.ofHours(2));
    try (PowerShellDeployment deployment = deployment(quick)) {
      assertThatThrownBy(() -> deployment.restart(Fqdn.of("fe101.fabrikam.com"))).isInstanceOf(DeploymentException.class)
          .hasMessageContaining("did not answer within PT2S");
      assertThatThrownBy(() -> deployment.failOverComputer(Fqdn.of("fe102.fabrikam.com"), Duration.ofSeconds(1)))
          .isInstanceOf(DeploymentException.class).hasMessageContaining("did not answer within PT3S");
    }
  }

  /** Item 10: w3svc through service cmdlets, idempotent and checked, in the runbook as in the live script. */
  @Test
  void be5be10_theWebServiceIsStoppedAndStartedIdempotentlyAndChecked() {
    for (String powershell : List.of(script("web-service"), RunbookWriterTest.lyncRunbook())) {
      assertThat(code(powershell)).doesNotContainPattern(Pattern.compile("\\bnet (stop|start)\\b"))
          .contains("Stop-Service -Name W3SVC -Force", "Start-Service -Name W3SVC",
              "$status = [string](Get-Service -Name W3SVC).Status");
    }
    assertThat(RunbookWriterTest.lyncRunbook()).contains("Set-WebServiceState -Server 'sql01.contoso.com' -Running"
        + " $false\n", "Set-WebServiceState -Server 'sql01.contoso.com' -Running $true\n");
  }

  /** Item 10: Get-CsPoolBackupRelationship throws for an unpaired pool; -ErrorAction SilentlyContinue would not stop it. */
  @Test
  void backupRelationship_itsTerminatingErrorIsCaughtAndReportedNotSilenced() {
    String text = code(script("backup-relationship"));

    assertThat(text).doesNotContain("SilentlyContinue").contains("try {\n  $relations = @(Get-CsPoolBackupRelationship"
        + " -PoolFqdn $p.Pool)\n} catch {\n  [pscustomobject]@{\n    Kind = 'TerminatingError'");
  }

  /** Item 9: Test-CsDatabase reporting nothing, and a fabric report naming no routing group, are not answers. */
  @Test
  void failClosed_noDatabaseAndAReportWithoutRoutingGroupsAreNotAnswers() {
    try (PowerShellDeployment deployment = deployment(FakeShells.options("--deployment", "--sample=skype-2015",
        "--drop=test-databases:Database", "--break=fabric-state:Report.Text:text=Pool pool10.fabrikam.com is healthy"))) {
      assertThatThrownBy(() -> deployment.testDatabases(POOL10, Fqdn.of("ag10.fabrikam.com")))
          .isInstanceOf(UnreadableReplyException.class)
          .hasMessageContaining("Database records (the reply): expected at least one Database record, got 0 records");
      assertThatThrownBy(() -> deployment.fabricState(POOL10)).isInstanceOf(UnreadableReplyException.class)
          .hasMessageContaining("fabric-state.ps1: Get-CsPoolFabricState -Type Routing's Text (Report record 1): expected"
              + " a report naming at least one routing group", "got System.String 'Pool pool10.fabrikam.com is healthy'");
    }
    String runbook = RunbookWriterTest.skypeRunbook();
    assertThat(runbook).contains("if ($databases.Count -eq 0) { throw \"Test-CsDatabase reported no database",
        "-not $_.DatabaseName -or -not $_.ExpectedVersion -or -not $_.InstalledVersion",
        "if ($report -notmatch '[0-9a-fA-F]{8}-", "if ($statuses.Count -eq 0) { throw \"Get-CsWindowsService reported no"
            + " Lync service");
  }

  /** The requests the fake shell recorded, without the session's own ping. */
  private static List<RecordedRequests.Request> requests(Path record) throws IOException {
    return RecordedRequests.in(record).stream().filter(request -> !request.script().equals("ping")).toList();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
