package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.topology.LyncDocuments;
import io.github.lyncupgrade.powershell.topology.SkippedCluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocumentException;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery through the fake shell, whose {@code Get-CsTopology -AsXml} is its deployment written as
 * a published topology (with an Edge pool, a Director, a branch appliance and an Office Web Apps
 * server), and whose {@code Get-CsPoolBackupRelationship} and {@code Test-CsDatabase} answer from
 * the same deployment; and the defects of issue 16 that concerned discovery.
 */
class TopologyDiscoveryTest {
  private static final Path SCRIPTS = Path.of("src/main/resources/io/github/lyncupgrade/powershell/scripts");
  /** The scripts discovery runs. */
  private static final List<String> DISCOVERY_SCRIPTS = List.of("topology", "backup-relationship", "store-mirror");

  @TempDir
  Path directory;

  @Test
  void bothSamplesAreDiscoveredExactlyFromTheirPublishedTopologyAndTheLiveCmdlets() throws IOException {
    for (String sample : List.of("contoso", "skype-2015")) {
      Topology expected = sample.equals("contoso") ? SampleTopologies.contoso() : SampleTopologies.skypeForBusiness2015();
      Path record = directory.resolve(sample + ".requests");
      DiscoveredTopology discovered = discover("--sample=" + sample, "--record=" + record);

      assertThat(discovered.topology()).as(sample).isEqualTo(expected);
      assertThat(discovered.document()).as(sample).isEqualTo(LyncDocuments.published(expected));
      // One call for the document; then only what it lacks: each user pool's partner, each standalone store's mirror.
      List<String> scripts = RecordedRequests.scripts(record).stream().filter(script -> !script.equals("ping")).toList();
      assertThat(scripts).as(sample).first().isEqualTo("topology");
      assertThat(scripts).as(sample).filteredOn("topology"::equals).hasSize(1);
      assertThat(RecordedRequests.in(record)).as(sample)
          .filteredOn(request -> request.script().equals("backup-relationship"))
          .extracting(request -> request.parameters().get("Pool"))
          .containsExactlyElementsOf(expected.pools().stream().map(pool -> pool.fqdn().toString()).toList());
      assertThat(scripts).as(sample).containsOnly("topology", "backup-relationship", "store-mirror");
    }
  }

  @Test
  void theLiveCmdletsAnswersAreListedPoolByPool() {
    DiscoveredTopology discovered = discover();

    assertThat(discovered.fromLiveCmdlets()).containsExactly(
        "pool01.contoso.com: backup pool pool02.contoso.com (Get-CsPoolBackupRelationship)",
        "pool01.contoso.com: Back End sql01.contoso.com not mirrored (Test-CsDatabase -ConfiguredDatabases: 5 databases"
            + " of sql01.contoso.com, none with a mirror)",
        "pool02.contoso.com: backup pool pool01.contoso.com (Get-CsPoolBackupRelationship)",
        "pool02.contoso.com: Back End sql02.contoso.com not mirrored (Test-CsDatabase -ConfiguredDatabases: 4 databases"
            + " of sql02.contoso.com, none with a mirror)",
        "se01.contoso.com: no backup pool (Get-CsPoolBackupRelationship threw ObjectNotFound,Microsoft.Rtc.Management"
            + ".Hadr.GetPoolBackupRelationshipCmdlet (ObjectNotFound, from Get-CsPoolBackupRelationship): No backup"
            + " relationship was found for the pool se01.contoso.com.)");
    assertThat(discovered.description()).matches("Get-CsTopology -AsXml: the published topology \\([0-9,]+ characters\\):"
        + " 3 pools, 11 Front End and Standard Edition servers");
  }

  @Test
  void aMirroredStoreIsDiscoveredFromItsDatabases() {
    DiscoveredTopology discovered = discover("--sample=mirrored");

    Pool pool02 = discovered.topology().pool(Fqdn.of("pool02.contoso.com")).orElseThrow();
    assertThat(((EnterprisePool) pool02).backEnd().mirror()).hasValueSatisfying(
        mirror -> assertThat(mirror).hasToString("sql02m.contoso.com"));
    assertThat(discovered.fromLiveCmdlets()).contains("pool02.contoso.com: Back End sql02.contoso.com mirrored to"
        + " sql02m.contoso.com (Test-CsDatabase -ConfiguredDatabases: 4 databases of sql02.contoso.com)");
  }

  /**
   * Issue 16, item 10: {@code Get-CsService -Registrar} also returns Directors and Survivable Branch
   * Appliances, and discovery broke on them. Now the document's Director and branch appliance are
   * skipped by the reader's rules, listed, and never asked for a partner or a store.
   */
  @Test
  void item10_directorsAndBranchAppliancesAreSkippedByTheReadersRulesAndListed() throws IOException {
    Path record = directory.resolve("skipped.requests");
    DiscoveredTopology discovered = discover("--record=" + record);

    assertThat(discovered.skipped()).extracting(SkippedCluster::kind, SkippedCluster::fqdn).contains(
        Tuple.tuple(SkippedCluster.Kind.DIRECTOR, "director.contoso.com"),
        Tuple.tuple(SkippedCluster.Kind.BRANCH_APPLIANCE, "sba01.branch.contoso.com"));
    assertThat(discovered.imported().skippedSummary())
        .isEqualTo("skipped: 2 Edge servers, 1 Director, 1 branch appliance, 1 Office Web Apps server");
    assertThat(discovered.document()).contains("IsDirector=\"true\"", "<BranchSite SiteId=\"2\"");
    assertThat(RecordedRequests.in(record)).extracting(request -> String.valueOf(request.parameters().get("Pool")))
        .noneMatch(pool -> pool.contains("director") || pool.contains("sba01"));
    assertThat(discovered.topology()).isEqualTo(SampleTopologies.contoso());
    // The script that asked Get-CsService -Registrar is gone: discovery's one call is Get-CsTopology -AsXml.
    assertThat(cmdlets(script("topology"))).containsExactly("Get-CsTopology");
  }

  /**
   * Issue 16, item 2: discovery brought the readiness cmdlet's whole object back through remoting
   * (depth 1) and wrote nameless, empty upgrade domains. Now the domains are the document's
   * {@code Machine@UpgradeDomain}, in topology order, and discovery runs no readiness cmdlet at all.
   */
  @Test
  void item2_upgradeDomainsComeFromTheDocumentNeverFromTheReadinessCmdletThroughRemoting() throws IOException {
    Path record = directory.resolve("domains.requests");
    DiscoveredTopology discovered = discover("--sample=skype-2015", "--record=" + record);

    assertThat(discovered.topology()).isEqualTo(SampleTopologies.skypeForBusiness2015());
    assertThat(RecordedRequests.scripts(record)).doesNotContain("pool-readiness");
    for (String name : DISCOVERY_SCRIPTS) {
      assertThat(code(script(name))).as(name).doesNotContain("Invoke-Command", "Get-CsPoolUpgradeReadinessState",
          "Get-CsUpgradeDomainInfo", "UpgradeDomains", "__Session");
    }
  }

  /**
   * Issue 16, item 10: {@code -ErrorAction SilentlyContinue} around {@code Get-CsPoolBackupRelationship}
   * does not catch its terminating error for an unpaired pool. Now the error is caught, and it is
   * "no partner" only when it is that error: the cmdlet's own ObjectNotFound.
   */
  @Test
  void item10_anUnpairedPoolsTerminatingErrorIsNoPartnerAndNothingElseIs() {
    assertThat(discover().topology().pool(Fqdn.of("se01.contoso.com")).orElseThrow()
        .partnerPool()).isEmpty();
    for (String name : DISCOVERY_SCRIPTS) {
      assertThat(code(script(name))).as(name).doesNotContain("SilentlyContinue");
    }
    assertThat(code(script("backup-relationship"))).contains("try {\n  $relations = @(Get-CsPoolBackupRelationship"
        + " -PoolFqdn $p.Pool)\n} catch {\n  [pscustomobject]@{\n    Kind = 'TerminatingError'");

    assertThatThrownBy(() -> discover("--backup-throws=pool01.contoso.com:PermissionDenied:Get-CsPoolBackupRelationship"))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("Get-CsPoolBackupRelationship on pool01.contoso.com failed: it threw"
            + " PermissionDenied,Microsoft.Rtc.Management.Hadr.GetPoolBackupRelationshipCmdlet (PermissionDenied, from"
            + " Get-CsPoolBackupRelationship): The pool pool01.contoso.com cannot be read: PermissionDenied. Only the"
            + " cmdlet's own ObjectNotFound error, for a pool without a backup pool, reads as no partner");
    // The Lync module not loaded: CommandNotFoundException is ObjectNotFound too, but raised by no cmdlet.
    assertThatThrownBy(() -> discover("--backup-throws=se01.contoso.com:ObjectNotFound:"))
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("se01.contoso.com failed: it threw CommandNotFoundException (ObjectNotFound, from no command)");
  }

  /** The old discovery's text fails these checks; today's scripts pass them. */
  @Test
  void theDiscoveryChecksFailOnTheScriptIssue16Found() {
    String old = """
        foreach ($registrar in @(Get-CsService -Registrar)) {
          $poolFqdn = [string]$registrar.PoolFqdn
          $partner = Get-CsPoolBackupRelationship -PoolFqdn $poolFqdn -ErrorAction SilentlyContinue
          $state = Invoke-Command -Session (__Session $computers[0]) -ScriptBlock { Get-CsPoolUpgradeReadinessState }
          foreach ($domain in @($state.UpgradeDomains)) { }
        }
        """;
    assertThat(cmdlets(old)).contains("Get-CsService", "Get-CsPoolBackupRelationship", "Get-CsPoolUpgradeReadinessState");
    assertThat(old).contains("SilentlyContinue", "Invoke-Command", "UpgradeDomains", "__Session");
  }

  /** The old discovery read a missing Registrar version as Lync Server 2013; the document's products are never guessed. */
  @Test
  void aPoolWithoutAProductOrWithAnUnknownOneIsRefusedNeverTakenAsLync2013() throws IOException {
    String published = LyncDocuments.published(SampleTopologies.contoso());
    for (String broken : List.of(published.replace(" ServiceVersion=\"6\"", ""),
        published.replace("ServiceVersion=\"6\"", "ServiceVersion=\"9\""))) {
      Path document = directory.resolve("broken.xml");
      Files.writeString(document, broken, StandardCharsets.UTF_8);

      assertThatThrownBy(() -> discover("--document=" + document)).isInstanceOfSatisfying(TopologyDocumentException.class,
          e -> assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.location().source()).isEqualTo("Get-CsTopology -AsXml");
            assertThat(problem.location().line()).isPositive();
          })).hasMessageContaining("ServiceVersion");
    }
  }

  @Test
  void anEmptyDocumentOneThatIsNotXmlOrATemplateIsRefusedNamingWhatArrived() throws IOException {
    Path empty = directory.resolve("empty.xml");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> discover("--document=" + empty)).isInstanceOf(TopologyDocumentException.class)
        .hasMessageContaining("Get-CsTopology -AsXml: its reply: the published topology did not arrive: topology.ps1:"
            + " Get-CsTopology -AsXml's Document (Topology record 1): expected a non-empty System.String, got"
            + " System.String ''");

    Path notXml = directory.resolve("error.txt");
    Files.writeString(notXml, "Get-CsTopology : The term 'Get-CsTopology' is not recognized");
    assertThatThrownBy(() -> discover("--document=" + notXml)).isInstanceOf(TopologyDocumentException.class)
        .hasMessageContaining("Get-CsTopology -AsXml: its reply: not XML: the cmdlet returned System.String"
            + " 'Get-CsTopology : The term 'Get-CsTopology' is not recognized'");

    Path template = Path.of("src/test/resources/lync-topology/template.xml");
    assertThatThrownBy(() -> discover("--document=" + template.toAbsolutePath()))
        .isInstanceOf(TopologyDocumentException.class)
        .hasMessageContaining("Get-CsTopology -AsXml:11: Cluster[@Fqdn='$SkypeFQDN']: '$SkypeFQDN' contains the"
            + " character '$'");
  }

  @Test
  void aDocumentThatDoesNotArriveAsOneStringIsRefusedNamingWhatCame() {
    assertThatThrownBy(() -> discover("--break=topology:Topology.Document:absent"))
        .isInstanceOf(TopologyDocumentException.class).hasMessageContaining("topology.ps1: Get-CsTopology -AsXml's"
            + " Document (Topology record 1): expected a non-empty System.String, got nothing: the reply has no such"
            + " property");
    assertThatThrownBy(() -> discover("--break=topology:Topology.Document:type"))
        .isInstanceOf(TopologyDocumentException.class).hasMessageContaining("expected a non-empty System.String, got"
            + " System.Object[] '<Topology");
    assertThatThrownBy(() -> discover("--drop=topology:Topology")).isInstanceOf(TopologyDocumentException.class)
        .hasMessageContaining("Topology records (the reply): expected exactly one Topology record, got 0 records");
  }

  @Test
  void whatTheLiveCmdletsSayIsHeldToTheDocumentLikeAnyOverlay() {
    // The cmdlet names a backup pool the document has no user pool of: refused at the answer that said so.
    assertThatThrownBy(() -> discover("--break=backup-relationship:Relationship.BackupPoolFqdn:text=pool99.contoso.com"))
        .isInstanceOf(TopologyDocumentException.class)
        .hasMessageContaining("discovery's live cmdlets: Get-CsPoolBackupRelationship -PoolFqdn pool01.contoso.com:");
  }

  private static DiscoveredTopology discover(String... flags) {
    List<String> all = new ArrayList<>(List.of("--deployment"));
    all.addAll(List.of(flags));
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options(all.toArray(String[]::new)))) {
      return TopologyDiscovery.discover(session);
    }
  }

  private static String script(String name) {
    try {
      return Files.readString(SCRIPTS.resolve(name + ".ps1"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script without its comments. */
  private static String code(String script) {
    return String.join("\n", script.lines().filter(line -> !line.strip().startsWith("#")).toList());
  }

  /** The Lync cmdlets ({@code *-Cs*}) the code calls, in order. */
  private static List<String> cmdlets(String script) {
    return Pattern.compile("\\b[A-Z][a-z]+-Cs[A-Za-z]+\\b").matcher(code(script)).results().map(match -> match.group())
        .toList();
  }
}
