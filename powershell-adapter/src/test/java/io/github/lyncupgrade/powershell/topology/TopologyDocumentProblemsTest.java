package io.github.lyncupgrade.powershell.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Documents that cannot be used are refused with every problem at once, each at its line and
 * element, before anything is planned; what the reader does not understand is a warning with its
 * line; what the documents do not say is never guessed. Each case is one of the test documents
 * with one thing changed, as an operator's file would be.
 */
class TopologyDocumentProblemsTest {
  private static final Path DOCUMENTS = LyncTopologyDocumentsTest.DOCUMENTS;

  @Test
  void aTemplateWithPowerShellVariablesIsRefusedWithTheLineOfEveryBadValue() throws IOException {
    List<DocumentFinding> problems = problems(text("template.xml"), TopologyOverlay.none());

    assertThat(problems).extracting(problem -> problem.location().line() + " " + problem.location().element())
        .containsExactly("11 Cluster[@Fqdn='$SkypeFQDN']", "13 Machine[@Fqdn='$SkypeFQDN']", "15 Cluster[@Fqdn='$PoolFqdn']",
            "17 Machine[@Fqdn='$FrontEnd1']", "18 Machine[@Fqdn='$FrontEnd2']", "20 Cluster[@Fqdn='$SqlServerFqdn']",
            "32 SqlInstanceId[@Name='$SqlInstance']");
    assertThat(problems.get(0)).hasToString("test.xml:11: Cluster[@Fqdn='$SkypeFQDN']: '$SkypeFQDN' contains the"
        + " character '$' (U+0024) at index 0; only ASCII letters, digits, '-' and '.' are allowed (RFC 1123) (a"
        + " template's PowerShell variable?)");
    assertThat(problems.get(6).message()).startsWith("'$SqlInstance' is not a SQL Server instance name");
  }

  @Test
  void aFrontEndWithoutAnUpgradeDomainIsAProblemNamingItInBothShapes() throws IOException {
    String published = text("lync2013.xml").replace("Fqdn=\"fe03.contoso.com\" FaultDomain=\"FaultDomain3\""
        + " UpgradeDomain=\"UpgradeDomain2\"", "Fqdn=\"fe03.contoso.com\" FaultDomain=\"FaultDomain3\"");
    String tbxml = text("lync2013.tbxml").replace("<Machine Fqdn=\"fe13.contoso.com\" FaultDomain=\"FaultDomain3\""
        + " UpgradeDomain=\"UpgradeDomain2\" />", "<Machine Fqdn=\"fe13.contoso.com\" />");

    assertThat(problems(published, TopologyOverlay.none())).extracting(DocumentFinding::toString).containsExactly(
        "test.xml:" + lineOf(published, "fe03.contoso.com") + ": Machine[@Fqdn='fe03.contoso.com']: Front End"
            + " fe03.contoso.com of pool pool01.contoso.com has no UpgradeDomain; upgrade domains come from Topology"
            + " Builder and are never invented (T-2)");
    assertThat(problems(tbxml, TopologyOverlay.none())).extracting(DocumentFinding::toString).containsExactly(
        "test.xml:" + lineOf(tbxml, "fe13.contoso.com") + ": Machine[@Fqdn='fe13.contoso.com']: Front End"
            + " fe13.contoso.com of pool pool02.contoso.com has no UpgradeDomain; upgrade domains come from Topology"
            + " Builder and are never invented (T-2)");
  }

  @Test
  void aPoolWhoseBackEndOrProductTheDocumentDoesNotGiveIsRefusedAndEveryProblemIsListedAtOnce() throws IOException {
    String text = text("lync2013.xml")
        // pool02's UserServices no longer names its UserStore,
        .replace("<ServiceId SiteId=\"1\" RoleName=\"UserStore\" Instance=\"2\" />\n        </Dependency>",
            "<ServiceId SiteId=\"1\" RoleName=\"FileStore\" Instance=\"1\" />\n        </Dependency>")
        // se01 says Lync Server 2010,
        .replace("<Service RoleVersion=\"1\" ServiceVersion=\"6\">\n      <ServiceId SiteId=\"1\" RoleName=\"UserServices\""
            + " Instance=\"3\" />", "<Service RoleVersion=\"1\" ServiceVersion=\"5\">\n      <ServiceId SiteId=\"1\""
            + " RoleName=\"UserServices\" Instance=\"3\" />")
        // and two of pool01's Front Ends claim the same place in topology order.
        .replace("OrdinalInCluster=\"4\" Fqdn=\"fe04", "OrdinalInCluster=\"3\" Fqdn=\"fe04");

    List<DocumentFinding> problems = problems(text, TopologyOverlay.none());

    assertThat(problems).extracting(DocumentFinding::toString).containsExactly(
        "test.xml:" + lineOf(text, "Fqdn=\"fe04") + ": Machine[@Fqdn='fe04.contoso.com']: OrdinalInCluster 3 is given"
            + " twice; it is the topology order Microsoft's quorum table counts in (\"the first 7\")",
        "test.xml:" + lineOf(text, "RoleName=\"UserServices\" Instance=\"2\"", -1) + ": Service[@RoleName='UserServices']:"
            + " the pool's UserServices depends on no UserStore, so its Back End is not in the document",
        "test.xml:" + lineOf(text, "ServiceVersion=\"5\"") + ": Service[@RoleName='UserServices']: the pool's UserServices"
            + " has ServiceVersion 5, Lync Server 2010, which this SDK does not patch");
  }

  @Test
  void aDirectorThatAlsoHostsUserServicesIsNotGuessedAt() throws IOException {
    String text = text("lync2013.xml").replaceFirst("IsDirector=\"false\"", "IsDirector=\"true\"");

    assertThat(problems(text, TopologyOverlay.none())).extracting(DocumentFinding::message).containsExactly(
        "the cluster hosts UserServices, but its Registrar says IsDirector=\"true\": a Director has no users; nothing is"
            + " guessed");
  }

  @Test
  void interleavedUpgradeDomainsThatWouldChangeWhichServersTheQuorumCountsAreRefused() throws IOException {
    Topology nine = Topology.builder().pool(Pool.enterprise("pool1.contoso.com")
        .upgradeDomain("UD1", "p1fe1.contoso.com", "p1fe2.contoso.com", "p1fe3.contoso.com")
        .upgradeDomain("UD2", "p1fe4.contoso.com", "p1fe5.contoso.com", "p1fe6.contoso.com")
        .upgradeDomain("UD3", "p1fe7.contoso.com", "p1fe8.contoso.com", "p1fe9.contoso.com")
        .backEnd("p1sql.contoso.com")).build();
    // Topology order fe1, fe2... with the domains dealt round robin: UD1 fe1, UD2 fe2, UD3 fe3, UD1 fe4...
    Matcher machine = Pattern.compile("OrdinalInCluster=\"(\\d)\" Fqdn=\"p1fe(\\d).contoso.com\" UpgradeDomain=\"UD\\d\"")
        .matcher(LyncDocuments.published(nine));
    String interleaved = machine.replaceAll(match -> match.group(0).replaceFirst("UD\\d",
        "UD" + ((Integer.parseInt(match.group(2)) - 1) % 3 + 1)));

    List<DocumentFinding> problems = problems(interleaved, TopologyOverlay.none());

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location().element()).isEqualTo("Cluster[@Fqdn='pool1.contoso.com']");
    assertThat(problems.get(0).message()).startsWith("the topology order interleaves upgrade domains: p1fe1.contoso.com"
        + " (UD1), p1fe2.contoso.com (UD2), p1fe3.contoso.com (UD3), p1fe4.contoso.com (UD1)")
        .contains("other servers would be 'the first 7' that Microsoft's quorum table counts (any 4 of the first 7)",
            "this pool is refused rather than planned on a guess");
  }

  @Test
  void problemsTheCoreModelFindsAreReportedAtTheDocumentsLineAndElement() throws IOException {
    String text = text("lync2013.xml").replace("Fqdn=\"fe13.contoso.com\"", "Fqdn=\"fe01.contoso.com\"");

    assertThat(problems(text, TopologyOverlay.none())).extracting(DocumentFinding::toString).containsExactly(
        "test.xml:" + lineOf(text, "OrdinalInCluster=\"3\" Fqdn=\"fe01.contoso.com\"") + ": Machine[@Fqdn='fe01.contoso.com']:"
            + " fe01.contoso.com is already used at pools[0].upgradeDomains[0].servers[0]");
  }

  @Test
  void whatTheDocumentsDoNotCarryComesFromTheOverlayAndAnOverlayThatContradictsItIsRefusedAtItsLines()
      throws IOException {
    TopologyOverlay overlay = TopologyOverlay.builder("overlay.json")
        .at(3, "pools[0].partnerPool").partnerPool("pool10.fabrikam.com", "pool11.fabrikam.com")
        .at(4, "pools[0].backEnd.mirror").mirror("pool10.fabrikam.com", "sql10m.fabrikam.com")
        .at(6, "pools[1].backEnd.mirror").mirror("se12.fabrikam.com", "sql12m.fabrikam.com")
        .at(8, "pools[2].fqdn").partnerPool("pool99.fabrikam.com", "pool10.fabrikam.com")
        .at(10, "centralManagementStore").centralManagementStore("pool11.fabrikam.com")
        .build();

    assertThat(problems(text("skype2015.tbxml"), overlay)).extracting(DocumentFinding::toString).containsExactly(
        "overlay.json:3: pools[0].partnerPool: the pool pairs with pool11.fabrikam.com (pools[1]), but that pool pairs"
            + " with no pool; disaster-recovery pairs name each other",
        "overlay.json:4: pools[0].backEnd.mirror: the document says the Back End of pool10.fabrikam.com is an AlwaysOn"
            + " availability group (listener ag10.fabrikam.com); it is not also mirrored",
        "overlay.json:6: pools[1].backEnd.mirror: se12.fabrikam.com is a Standard Edition server: its databases are its"
            + " own (BE-11c), with no mirror and nothing collocated",
        "overlay.json:8: pools[2].fqdn: pool 'pool99.fabrikam.com' is not a user pool of test.xml (its user pools:"
            + " pool10.fabrikam.com, pool11.fabrikam.com, se12.fabrikam.com)",
        "overlay.json:10: centralManagementStore: the document says the Central Management Store is in"
            + " pool10.fabrikam.com (test.xml:" + lineOf(text("skype2015.tbxml"), "1-CentralMgmt-1")
            + ": Service[@RoleName='CentralMgmt']); the overlay cannot move it to pool11.fabrikam.com");
  }

  @Test
  void theOverlayAddsMirrorsCollocatedStoresAndTheStoreOfANeverPublishedTopology() throws IOException {
    TopologyOverlay overlay = TopologyOverlay.builder("overlay")
        .mirror("pool02.contoso.com", "sql02m.contoso.com")
        .collocated("pool02.contoso.com", io.github.lyncupgrade.core.model.CollocatedDatabase.PERSISTENT_CHAT)
        .centralManagementStore("pool02.contoso.com")
        .build();

    ImportedTopology imported = LyncTopologyReader.builder().overlay(overlay).build()
        .read(DOCUMENTS.resolve("lync2013.tbxml"));

    Pool pool02 = imported.topology().pools().get(1);
    assertThat(pool02).hasToString("EnterprisePool[pool02.contoso.com, domains=[UpgradeDomain[name=UpgradeDomain1,"
        + " servers=[fe11.contoso.com, fe12.contoso.com]], UpgradeDomain[name=UpgradeDomain2, servers=[fe13.contoso.com,"
        + " fe14.contoso.com]]], backEnd=sql02.contoso.com (mirrored to sql02m.contoso.com) (collocated:"
        + " [PERSISTENT_CHAT])]");
    assertThat(imported.topology().centralManagementStorePool()).hasValueSatisfying(pool -> assertThat(pool)
        .hasToString("pool02.contoso.com"));
    assertThat(imported.warnings()).as("the store is named, so no warning about it").isEmpty();
  }

  @Test
  void elementsAndAttributesNotUnderstoodAreWarningsWithTheirLines() throws IOException {
    String text = text("lync2013.xml")
        .replace("  </Clusters>", "    <ClusterGroup Name=\"new in a later version\" />\n  </Clusters>")
        .replace("<SqlInstance>\n      <SqlInstanceId Name=\"rtc\">",
            "<SqlInstance MirrorInstance=\"sql03m.contoso.com\">\n      <SqlInstanceId Name=\"rtc\">");

    ImportedTopology imported = LyncTopologyReader.create().read(text, "test.xml");

    assertThat(imported.warnings()).extracting(DocumentFinding::toString).containsExactly(
        "test.xml:" + lineOf(text, "<ClusterGroup") + ": ClusterGroup: element not understood in Clusters; ignored",
        "test.xml:" + lineOf(text, "MirrorInstance") + ": SqlInstance: attribute MirrorInstance='sql03m.contoso.com' not"
            + " understood; if it names a SQL Server mirror, give the mirror in the overlay");
    assertThat(imported.topology()).isEqualTo(LyncTopologyDocumentsTest.contoso(true));
  }

  @Test
  void whatIsReadWithADoubtIsAWarningWithItsLine() throws IOException {
    String tbxml = text("lync2013.tbxml")
        .replace("<Cluster IsSingleMachineOnly=\"false\" UniqueId=\"3f6d2a10-8c1e-4b6f-9d4e-1a2b3c4d5e03\"",
            "<Cluster IsSingleMachineOnly=\"true\" UniqueId=\"3f6d2a10-8c1e-4b6f-9d4e-1a2b3c4d5e03\"")
        .replace("<Cluster IsSingleMachineOnly=\"true\" UniqueId=\"3f6d2a10-8c1e-4b6f-9d4e-1a2b3c4d5e05\"",
            "<Cluster IsSingleMachineOnly=\"false\" UniqueId=\"3f6d2a10-8c1e-4b6f-9d4e-1a2b3c4d5e05\"")
        .replace("<SqlInstance UniqueId=\"3f6d2a10-8c1e-4b6f-9d4e-1a2b3c4d5f02\" Name=\"\" />",
            "<SqlInstance UniqueId=\"3f6d2a10-8c1e-4b6f-9d4e-1a2b3c4d5f02\" Name=\"\" />\n"
                + "                <SqlInstance UniqueId=\"arch\" Name=\"ARCH\" />")
        .replace("      </Services>", "        <Service UniqueId=\"archive\" RoleName=\"ArchivingStore\" RoleVersion=\"1\""
            + " InstalledOn=\"arch\" ServiceVersion=\"6\" />\n      </Services>");
    String published = text("lync2013.xml").replace("<ServiceId SiteId=\"1\" RoleName=\"CentralMgmtStore\" Instance=\"1\" />\n"
        + "      <DependsOn />\n      <InstalledOn>\n        <SqlInstanceId Name=\"\">\n          <ClusterId SiteId=\"1\" Number=\"2\" />",
        "<ServiceId SiteId=\"1\" RoleName=\"CentralMgmtStore\" Instance=\"1\" />\n      <DependsOn />\n      <InstalledOn>\n"
            + "        <SqlInstanceId Name=\"\">\n          <ClusterId SiteId=\"1\" Number=\"4\" />");

    assertThat(LyncTopologyReader.create().read(tbxml, "test.tbxml").warnings()).extracting(DocumentFinding::toString)
        .containsExactly(
            "test.tbxml:2: TopologyBuilder: no active Central Management service (CentralMgmtService IsActive=\"true\"),"
                + " as in a topology never published: if the store lives in one of these pools, name it in the overlay,"
                + " or the plan cannot protect it (CR-9)",
            "test.tbxml:" + lineOf(tbxml, "fe11.contoso.com", -2) + ": Cluster[@Fqdn='pool02.contoso.com']:"
                + " IsSingleMachineOnly=\"true\", but the pool's UserStore is on another cluster's SQL instance: read as an"
                + " Enterprise Edition pool",
            "test.tbxml:" + lineOf(tbxml, "se01.contoso.com\">") + ": Cluster[@Fqdn='se01.contoso.com']:"
                + " IsSingleMachineOnly=\"false\", but the pool's UserStore is on its own SQL instance: read as a Standard"
                + " Edition server",
            "test.tbxml:" + lineOf(tbxml, "UniqueId=\"archive\"") + ": Service[@RoleName='ArchivingStore']: the"
                + " ArchivingStore is on instance 'ARCH' of sql01.contoso.com, not on the instance '' of pool"
                + " pool01.contoso.com's databases, so it is not counted as collocated with them (BE-11b); if it should be,"
                + " say so in the overlay");
    assertThat(LyncTopologyReader.create().read(published, "test.xml").warnings()).extracting(DocumentFinding::toString)
        .containsExactly("test.xml:" + lineOf(published, "RoleName=\"CentralMgmtStore\" Instance=\"1\" />\n      <DependsOn />", -1)
            + ": Service[@RoleName='CentralMgmtStore']: the Central Management Store's database is not on the Back End of"
            + " pool01.contoso.com, the pool that hosts its service; the plan treats that pool as the store's (CR-9)");
  }

  @Test
  void aDocumentThatIsNoLyncTopologyIsRefusedWithWhatItIs() {
    assertThat(problems("<html><body/></html>", TopologyOverlay.none())).extracting(DocumentFinding::toString)
        .containsExactly("test.xml:1: html: not a Lync topology document: its root element is {}html; expected Topology in"
            + " urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008 (Get-CsTopology -AsXml) or TopologyBuilder in"
            + " urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008 (.tbxml)");
    assertThat(problems("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2014\"/>",
        TopologyOverlay.none()).get(0).message()).startsWith("not a Lync topology document: its root element is"
        + " {urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2014}Topology");
    assertThat(problems("{ \"pools\": [] }", TopologyOverlay.none()).get(0).message())
        .startsWith("not well-formed XML: Content is not allowed in prolog");
    assertThat(problems("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n  <Clusters>\n"
        + "</Topology>", TopologyOverlay.none())).extracting(DocumentFinding::toString).singleElement().asString()
        .startsWith("test.xml:3: document: not well-formed XML: The element type \"Clusters\" must be terminated");
    assertThat(problems("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\"/>",
        TopologyOverlay.none())).extracting(DocumentFinding::message).containsExactly("the document has no user pool (a"
        + " cluster with UserServices and a user Registrar); skipped: nothing (every cluster is a user pool or a pool's"
        + " Back End)");
  }

  @Test
  void bytesThatAreNotTheirEncodingAndEmptyFilesAreRefused() {
    byte[] bytes = "<Topology>\n<Cluster Fqdn=\"caf\u00e9\"/>".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> LyncTopologyReader.create().read(new java.io.ByteArrayInputStream(bytes), "latin1.xml"))
        .isInstanceOf(TopologyDocumentException.class)
        .hasMessage("latin1.xml is not a usable topology (1 problem); nothing was planned:\n  latin1.xml:2: document: byte"
            + " 0xE9 at offset 29 is not valid UTF-8; the file was changed or saved in another encoding");
    assertThatThrownBy(() -> LyncTopologyReader.create().read(new java.io.ByteArrayInputStream(new byte[0]), "empty.xml"))
        .isInstanceOf(TopologyDocumentException.class).hasMessageContaining("empty.xml: document: the document is empty");
  }

  private static String text(String document) throws IOException {
    return Files.readString(DOCUMENTS.resolve(document), StandardCharsets.UTF_8);
  }

  private static List<DocumentFinding> problems(String text, TopologyOverlay overlay) {
    try {
      LyncTopologyReader.builder().overlay(overlay).build().read(text, "test.xml");
    } catch (TopologyDocumentException e) {
      return e.problems();
    }
    throw new AssertionError("the document was read without a problem");
  }

  static int lineOf(String text, String snippet) {
    return lineOf(text, snippet, 0);
  }

  /** The line of the first {@code snippet}, plus {@code offset} lines. */
  static int lineOf(String text, String snippet, int offset) {
    int at = text.indexOf(snippet);
    assertThat(at).as("'%s' in the document", snippet).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1 + offset;
  }
}
