package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.ProbeReport.Check;
import io.github.lyncupgrade.powershell.ProbeReport.Outcome;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only probe through the fake shell: what matches, what does not, and that it changes nothing. */
class ProbeTest {
  /** The scripts that only read. */
  private static final Set<String> READING_SCRIPTS = Set.of("ping", "preflight", "pool-readiness", "fabric-state",
      "server-status", "is-administrator", "test-databases", "local-databases", "backup-relationship", "cms-location",
      "topology", "store-mirror");
  /** Every command a reading script may run: gets, tests, pipeline plumbing, its own remote session. */
  private static final Pattern COMMAND = Pattern.compile("\\b([A-Z][a-z]+)-([A-Z][A-Za-z]+)\\b");
  private static final Set<String> READ_ONLY_VERBS = Set.of("Get", "Test", "Join", "Split", "ForEach", "Where",
      "Select");
  private static final Set<String> READ_ONLY_COMMANDS = Set.of("Invoke-Command", "Remove-PSSession");

  @TempDir
  Path directory;

  @Test
  void aDeploymentWhoseRepliesMatchReportsAllGreenAndItsRecordShowsNoStateChangingCmdlet() throws IOException {
    for (String sample : List.of("contoso", "skype-2015")) {
      Path record = directory.resolve(sample + ".requests");
      Topology topology = sample.equals("contoso") ? SampleTopologies.contoso() : SampleTopologies.skypeForBusiness2015();
      ProbeReport report;
      try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment",
          "--sample=" + sample, "--record=" + record))) {
        report = Probe.run(session, topology);
      }

      assertThat(report.notMatched()).as(sample).isEmpty();
      assertThat(report.allMatched()).isTrue();
      // What each check read, in the words an operator holds against the lab; reviewed by hand.
      Path golden = Path.of("src/test/resources/probe", sample + ".txt");
      if (Boolean.getBoolean("lyncupgrade.updateGolden")) {
        Files.writeString(golden, report.toText(), StandardCharsets.UTF_8);
      }
      assertThat(report.toText()).as(sample).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
      assertThat(report.toText()).as(sample).startsWith("lync-upgrade probe: " + report.checks().size() + " checks, "
          + report.checks().size() + " matched; nothing was changed on any server.\n");
      assertThat(report.checks()).extracting(Check::what).as(sample).anyMatch(what -> what.startsWith("pool-readiness"))
          .anyMatch(what -> what.startsWith("fabric-state")).anyMatch(what -> what.startsWith("server-status"))
          .anyMatch(what -> what.startsWith("test-databases")).anyMatch(what -> what.startsWith("local-databases"))
          .anyMatch(what -> what.startsWith("backup-relationship")).anyMatch(what -> what.startsWith("cms-location"))
          .anyMatch(what -> what.startsWith("topology")).anyMatch(what -> what.startsWith("pre-flight"));
      assertThat(report.shapes()).as("the cmdlets' own properties, for the lab").isNotEmpty();

      List<RecordedRequests.Request> requests = RecordedRequests.in(record);
      assertThat(requests).extracting(RecordedRequests.Request::script).as(sample).isNotEmpty()
          .allMatch(READING_SCRIPTS::contains);
      Set<String> commands = new TreeSet<>();
      for (RecordedRequests.Request request : requests) {
        Matcher command = COMMAND.matcher(withoutComments(request.text()));
        while (command.find()) {
          commands.add(command.group());
        }
      }
      assertThat(commands).as("%s: every command the probe's scripts run", sample).isNotEmpty()
          .allMatch(command -> READ_ONLY_VERBS.contains(command.substring(0, command.indexOf('-')))
              || READ_ONLY_COMMANDS.contains(command))
          .contains("Get-CsPoolUpgradeReadinessState", "Get-CsPoolFabricState", "Get-CsWindowsService",
              "Test-CsDatabase", "Get-CsPoolBackupRelationship", "Get-CsConfigurationStoreLocation", "Get-CsTopology");
    }
  }

  @Test
  void aReplyThatLacksAPropertyNamesItAndShowsWhatTheCmdletReturned() {
    ProbeReport report;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment",
        "--break=pool-readiness:Domain.ReadyForUpgrade:absent", "--break=server-status:Build.ProductVersion:type"))) {
      report = Probe.run(session, SampleTopologies.contoso());
    }

    assertThat(report.allMatched()).isFalse();
    assertThat(report.notMatched()).extracting(Check::outcome).containsOnly(Outcome.UNREADABLE);
    assertThat(report.notMatched()).filteredOn(check -> check.what().startsWith("pool-readiness")).hasSize(2)
        .allSatisfy(check -> assertThat(check.problems()).extracting(ReplyProblem::property).contains("ReadyForUpgrade"));
    assertThat(report.notMatched()).filteredOn(check -> check.what().startsWith("server-status")).hasSize(13);
    assertThat(report.toText()).contains("UNREADABLE pool-readiness (Get-CsPoolUpgradeReadinessState) for"
            + " pool01.contoso.com on fe01.contoso.com: the reply does not hold what the SDK reads",
        "pool-readiness.ps1: Get-CsPoolUpgradeReadinessState (Get-CsUpgradeDomainInfo on 2019) UpgradeDomains[]'s"
            + " ReadyForUpgrade (Domain record 1): expected a System.Boolean, got nothing: the reply has no such property",
        "server-status.ps1: ", "ProductVersion (Build record 1): expected a non-empty System.String, got"
            + " System.Object[] '5.0.8308.0'",
        "Send this whole report back", "What the cmdlets returned before the scripts projected it",
        "pool-readiness on fe01.contoso.com, UpgradeDomains[0]: UpgradeDomain: System.String, FrontEnds: System.String,"
            + " ReadyForUpgrade: System.Boolean");
  }

  @Test
  void aTopologyTheDeploymentDisagreesWithIsReportedCheckByCheck() {
    Topology other = Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe04.contoso.com", "fe05.contoso.com", "fe06.contoso.com")
            .backEnd("sql01.contoso.com", CollocatedDatabase.MONITORING))
        .pool(Pool.enterprise("pool02.contoso.com")
            .upgradeDomain("UpgradeDomain1", "fe11.contoso.com", "fe12.contoso.com")
            .upgradeDomain("UpgradeDomain2", "fe13.contoso.com", "fe14.contoso.com")
            .backEnd("sql02.contoso.com"))
        .pool(Pool.standard("se01.contoso.com"))
        .build();
    ProbeReport report;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment"))) {
      report = Probe.run(session, other);
    }

    assertThat(report.notMatched()).extracting(Check::outcome).containsOnly(Outcome.DIFFERS);
    assertThat(report.toText()).contains("DIFFERS    pool-readiness (Get-CsPoolUpgradeReadinessState) for"
            + " pool01.contoso.com on fe01.contoso.com: the pool reports upgrade domains {UpgradeDomain1=[fe01.contoso.com,"
            + " fe02.contoso.com], UpgradeDomain2=",
        "DIFFERS    backup-relationship (Get-CsPoolBackupRelationship) on pool01.contoso.com: the cmdlet reports backup"
            + " pool pool02.contoso.com (Get-CsPoolBackupRelationship); the topology names no partner",
        "DIFFERS    topology (discovery) on the deployment: discovery reads another topology: pool01.contoso.com is"
            + " discovered as pool01.contoso.com (Lync Server 2013, partner pool02.contoso.com, domains");
    assertThat(report.checks()).filteredOn(check -> check.what().startsWith("backup-relationship"))
        .extracting(Check::outcome).containsExactly(Outcome.DIFFERS, Outcome.DIFFERS, Outcome.MATCHED);
  }

  /** The unpaired pool's error is shown for the lab to confirm; another error is a failure naming it, never "no partner". */
  @Test
  void t4_theProbeShowsEachUnpairedPoolsErrorAndFailsOnAnyOther() {
    ProbeReport matched;
    ProbeReport failed;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment"))) {
      matched = Probe.run(session, SampleTopologies.contoso());
    }
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment",
        "--backup-throws=se01.contoso.com:PermissionDenied:Get-CsPoolBackupRelationship"))) {
      failed = Probe.run(session, SampleTopologies.contoso());
    }

    assertThat(matched.toText()).contains("backup-relationship (Get-CsPoolBackupRelationship) on se01.contoso.com: no"
        + " backup pool (Get-CsPoolBackupRelationship threw ObjectNotFound,Microsoft.Rtc.Management.Hadr"
        + ".GetPoolBackupRelationshipCmdlet (ObjectNotFound, from Get-CsPoolBackupRelationship): No backup relationship"
        + " was found for the pool se01.contoso.com.), as the topology has it");
    assertThat(failed.notMatched()).extracting(Check::what, Check::outcome).containsExactly(
        Tuple.tuple("backup-relationship (Get-CsPoolBackupRelationship)", Outcome.FAILED),
        Tuple.tuple("topology (discovery)", Outcome.FAILED));
    assertThat(failed.notMatched()).allSatisfy(check -> assertThat(check.detail()).contains("Get-CsPoolBackupRelationship"
        + " on se01.contoso.com failed: it threw PermissionDenied"));
  }

  private static String withoutComments(String script) {
    return script.lines().map(line -> line.strip().startsWith("#") ? "" : line).reduce("", (a, b) -> a + "\n" + b);
  }
}
