package io.github.lyncupgrade.powershell.cli;

import static io.github.lyncupgrade.powershell.cli.CommandLineTest.concat;
import static io.github.lyncupgrade.powershell.cli.CommandLineTest.fakeShell;
import static io.github.lyncupgrade.powershell.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.lyncupgrade.powershell.cli.CommandLineTest.Result;
import io.github.lyncupgrade.powershell.topology.LyncDocuments.Encoding;
import io.github.lyncupgrade.powershell.topology.LyncDocuments;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --topology} names a topology file (JSON), a published topology or a Topology Builder
 * file, told apart by content, for every command that plans; the summary and warnings go to
 * standard error, so standard output stays the plan, the runbook or the JSON.
 */
class TopologyDocumentCommandLineTest {
  private static final Path DOCUMENTS = Path.of("src/test/resources/lync-topology");
  private static final String SKYPE_2015 = DOCUMENTS.resolve("skype2015.tbxml").toString();
  private static final String FABRIKAM_OVERLAY = DOCUMENTS.resolve("fabrikam-overlay.json").toString();
  private static final String LYNC_2013 = DOCUMENTS.resolve("lync2013.tbxml").toString();
  private static final String CONTOSO_OVERLAY = DOCUMENTS.resolve("contoso-overlay.json").toString();

  @TempDir
  Path directory;

  @Test
  void planOfATopologyBuilderFileIsTheSamplesPlanAndTheSummaryGoesToStandardError() {
    Result plan = run("plan", "--topology", SKYPE_2015, "--overlay", FABRIKAM_OVERLAY);

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).isEqualTo(run("plan", "--sample", "skype-2015").out());
    assertThat(plan.err()).isEqualTo(SKYPE_2015 + ": Topology Builder file (.tbxml), UTF-8: 3 pools, 8 Front End and"
        + " Standard Edition servers\nskipped: 3 Edge servers, 2 Directors, 1 Office Web Apps server, 1 PSTN gateway,"
        + " 1 file server, 1 SQL server that is no pool's Back End\n");
  }

  @Test
  void planAsJsonStaysJsonOnStandardOutput() throws IOException {
    Result json = run("plan", "--topology", DOCUMENTS.resolve("skype2019.xml").toString(), "--format", "json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    try (JsonParser parser = new JsonFactory().createParser(json.out())) {
      while (parser.nextToken() != null) {
        // every token parses: nothing but the plan is on standard output
      }
    }
    assertThat(json.err()).contains("skype2019.xml: published topology (Get-CsTopology -AsXml), UTF-8: 3 pools",
        "warning: " + DOCUMENTS.resolve("skype2019.xml") + ":118: Dependency[@Usage='Backup']");
  }

  @Test
  void runbookAndSimulateReadTheDocumentsToo() throws IOException {
    Result runbook = run("runbook", "--topology", LYNC_2013, "--overlay", CONTOSO_OVERLAY);
    assertThat(runbook.exitCode()).as(runbook.err()).isZero();
    assertThat(runbook.out()).isEqualTo(Files.readString(Path.of("src/test/resources/runbooks/contoso.ps1")));

    Result simulated = run("simulate", "--topology", DOCUMENTS.resolve("skype2019.xml").toString());
    assertThat(simulated.exitCode()).as(simulated.err()).isZero();
    assertThat(simulated.out()).contains("pool20.litware.com: Skype for Business Server 2019 Enterprise Edition, 4 upgrade"
        + " domains, 12 Front End servers", "Run COMPLETED");
  }

  /** The fake shell answers from the sample deployment, which is what lync2013.tbxml and its overlay describe. */
  @Test
  void runStatusAndResumeReadTheDocumentsThroughTheSameDispatch() {
    String journal = directory.resolve("run.journal").toString();
    String[] plan = {"--topology", LYNC_2013, "--overlay", CONTOSO_OVERLAY, "--update",
        "\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "--target-build", "5.0.8308.1001", "--no-failover",
        "--journal", journal, "--settle-minutes", "0"};

    Result stopped = run(concat(new String[] {"run", "--sessions", "1", "--servers-at-once", "1", "--staging-copies", "1",
        fakeShell("--fault=insufficient:pool02.contoso.com:1")}, plan));
    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
    assertThat(stopped.err()).contains("lync2013.tbxml: Topology Builder file (.tbxml)");

    Result status = run(concat(new String[] {"status"}, plan));
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("pool01.contoso.com  DONE", "pool02.contoso.com  FAILED");

    Result resumed = run(concat(new String[] {"resume", "--sessions", "1", fakeShell()}, plan));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Run COMPLETED");
  }

  @Test
  void theContentDecidesNeverTheName() throws IOException {
    Path powershellOutput = directory.resolve("topology.txt");
    Files.write(powershellOutput, LyncDocuments.encoded(Files.readString(DOCUMENTS.resolve("lync2013.xml")),
        Encoding.UTF16LE_BOM_CRLF));
    Path jsonNamedTbxml = directory.resolve("topology.tbxml");
    try (OutputStream out = Files.newOutputStream(jsonNamedTbxml)) {
      TopologyFile.write(SampleTopologies.contoso(), out);
    }

    Result fromPowerShell = run("plan", "--topology", powershellOutput.toString(), "--format", "estimate");
    Result fromJson = run("plan", "--topology", jsonNamedTbxml.toString(), "--format", "estimate");

    assertThat(fromPowerShell.exitCode()).as(fromPowerShell.err()).isZero();
    assertThat(fromPowerShell.err()).startsWith(powershellOutput + ": published topology (Get-CsTopology -AsXml), UTF-16"
        + " LE with a byte-order mark: 3 pools");
    assertThat(fromJson.exitCode()).as(fromJson.err()).isZero();
    assertThat(fromJson.err()).isEmpty();
    assertThat(fromJson.out()).isEqualTo(run("plan", "--format", "estimate").out());
  }

  @Test
  void aTemplateAndHostileXmlAreRefusedWithTheirLinesNothingPlannedAndNoStackTrace() throws IOException {
    Path bomb = Files.writeString(directory.resolve("bomb.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol"
        + " \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<Topology>&lol2;</Topology>");

    Result template = run("simulate", "--topology", DOCUMENTS.resolve("template.xml").toString());
    Result hostile = run("plan", "--topology", bomb.toString());

    assertThat(template.exitCode()).isEqualTo(2);
    assertThat(template.out()).isEmpty();
    assertThat(template.err()).startsWith(DOCUMENTS.resolve("template.xml") + " is not a usable topology (7 problems);"
        + " nothing was planned:\n  " + DOCUMENTS.resolve("template.xml") + ":11: Cluster[@Fqdn='$SkypeFQDN']: '$SkypeFQDN'"
        + " contains the character '$'");
    assertThat(hostile.exitCode()).isEqualTo(2);
    assertThat(hostile.err()).isEqualTo(bomb + " is not a usable topology (1 problem); nothing was planned:\n  " + bomb
        + ":2: document type declaration (<!DOCTYPE>): a DTD is refused: Lync's topology documents have none, and a DTD is"
        + " how entity expansion (\"billion laughs\") and external entities get into XML\n");
    for (Result result : new Result[] {template, hostile}) {
      assertThat(result.err()).doesNotContain("\tat ", "Exception");
    }
  }

  @Test
  void theOverlayIsCheckedAtItsLinesAndOnlyAddsToALyncDocument() throws IOException {
    Path overlay = Files.writeString(directory.resolve("overlay.json"), """
        { "pools": [
            { "fqdn": "pool10.fabrikam.com", "partnerPool": "pool11.fabrikam.com",
              "backEnd": { "collocated": [ "persistent_chat", "lobby" ], "listener": "ag.fabrikam.com" } },
            { "partnerPool": 11 } ] }
        """, StandardCharsets.UTF_8);
    Path json = directory.resolve("topology.json");
    try (OutputStream out = Files.newOutputStream(json)) {
      TopologyFile.write(SampleTopologies.contoso(), out);
    }

    Result badOverlay = run("plan", "--topology", SKYPE_2015, "--overlay", overlay.toString());
    assertThat(badOverlay.exitCode()).isEqualTo(2);
    assertThat(badOverlay.err()).isEqualTo(overlay + " is not a usable topology (4 problems); nothing was planned:\n"
        + "  " + overlay + ":3: pools[0].backEnd.collocated[1]: unknown collocated database \"lobby\"; one of archiving,"
        + " monitoring, persistent_chat, persistent_chat_compliance\n"
        + "  " + overlay + ":3: pools[0].backEnd.listener: unknown field \"listener\"; an overlay names"
        + " centralManagementStore, and for each pool its fqdn, partnerPool and backEnd.mirror, backEnd.collocated\n"
        + "  " + overlay + ":4: pools[1].partnerPool: must be a string\n"
        + "  " + overlay + ":4: pools[1]: the pool needs its \"fqdn\", the pool of the document it adds to\n");

    Result withJson = run("plan", "--topology", json.toString(), "--overlay", overlay.toString());
    assertThat(withJson.exitCode()).isEqualTo(2);
    assertThat(withJson.err()).contains("--overlay adds to a Lync topology document (Get-CsTopology -AsXml or a .tbxml),"
        + " but " + json + " is a topology file (JSON), which names partners and mirrors itself");

    Result alone = run("plan", "--overlay", overlay.toString());
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--overlay adds to the document --topology names; give --topology FILE");

    Result missing = run("plan", "--topology", directory.resolve("nowhere.xml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains(directory.resolve("nowhere.xml") + ": cannot be read: no such file or folder");
  }
}
