package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.lyncupgrade.powershell.RunbookWriter;
import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import io.github.lyncupgrade.powershell.topology.LyncDocuments;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Each subcommand, as an operator calls it; the live ones against the fake shell child process. */
class CommandLineTest {
  @TempDir
  Path directory;

  /** The sample deployment as a topology file, as discover would write it: what the live commands are given. */
  private String contoso() throws IOException {
    return contoso(directory);
  }

  /** The sample deployment as a topology file in {@code directory}, written once. */
  static String contoso(Path directory) throws IOException {
    Path file = directory.resolve("contoso.json");
    if (!Files.exists(file)) {
      try (var out = Files.newOutputStream(file)) {
        TopologyFile.write(SampleTopologies.contoso(), out);
      }
    }
    return file.toString();
  }

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** The fake shell, answering from a fake of the sample, as one --shell-command argument. */
  static String fakeShell(String... flags) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FakeShell.class.getName(), "--deployment"));
    command.addAll(List.of(flags));
    return "--shell-command=" + String.join("|", command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "runbook", "simulate", "discover", "run", "resume", "status", "probe"})
  void everySubcommandHasHelp(String subcommand) {
    Result result = run(subcommand, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: lync-upgrade " + subcommand);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plan", "runbook", "simulate", "discover", "run", "resume", "status"})
  void everySubcommandPrintsTheVersion(String subcommand) {
    Result result = run(subcommand.isEmpty() ? new String[] {"--version"} : new String[] {subcommand, "--version"});

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("lync-upgrade 0.1.0-SNAPSHOT\n")
        .contains("Lync Server 2013, Skype for Business Server 2015 and 2019");
  }

  @Test
  void noCommandAtAllNamesTheCommandsAndWhereToStart() {
    Result result = run();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("lync-upgrade needs a command: plan, runbook, simulate, discover, run, resume,"
        + " status, probe (start with: lync-upgrade simulate)\nSee 'lync-upgrade --help'.\n");
  }

  @Test
  void theTopLevelHelpGivesEverySubcommandsDescriptionWholeAndBothProducts() {
    String help = run("--help").out();
    String unwrapped = help.replaceAll("\\s+", " ");

    assertThat(unwrapped).contains("Lync Server 2013 and Skype for Business Server 2015 and 2019")
        .contains("4 the output could not be written");
    CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    commandLine.getSubcommands().forEach((name, subcommand) -> {
      String description = String.join(" ", subcommand.getCommandSpec().usageMessage().description());
      assertThat(description).as(name).endsWith(".");
      assertThat(unwrapped).as(name).contains(description.replaceAll("\\s+", " "));
    });
  }

  @Test
  void onlyTheSubcommandsThatStartPowerShellTakeItsOptions() {
    CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

    commandLine.getSubcommands().forEach((name, subcommand) -> assertThat(
        subcommand.getCommandSpec().findOption("--powershell") != null).as(name)
        .isEqualTo(List.of("discover", "run", "resume", "probe").contains(name)));
  }

  @Test
  void aReaderThatClosesThePipeEndsTheCommandQuietlyWithExitCodeFour() {
    Main.FailureRecorder closed = new Main.FailureRecorder(new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    });
    StringWriter err = new StringWriter();

    int exitCode = Main.run(new String[] {"plan"}, new PrintWriter(new java.io.OutputStreamWriter(closed,
        StandardCharsets.UTF_8), true), new PrintWriter(err, true), closed);

    assertThat(exitCode).isEqualTo(ExitCodes.OUTPUT_FAILED);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void planPrintsTheSamplePlanInEveryFormat() throws IOException {
    assertThat(run("plan").out()).startsWith("Upgrade plan: 3 pools, 11 Front End and Standard Edition servers, 105 steps");
    assertThat(run("plan", "--format", "markdown").out()).contains("| 14 | FE-1c | `pool01.contoso.com/fail-over` |");
    assertThat(run("plan", "--format", "mermaid").out()).startsWith("flowchart TD");

    Result json = run("plan", "--format", "json");
    assertThat(json.exitCode()).isZero();
    int steps = 0;
    try (JsonParser parser = new JsonFactory().createParser(json.out())) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("rule")) {
          steps++;
        }
      }
    }
    assertThat(steps).isEqualTo(105);
    assertThat(run("plan", "--format", "gantt", "--pools-at-once", "2").out()).startsWith("gantt\n")
        .contains("section pool01.contoso.com", "section se01.contoso.com");
    assertThat(run("plan", "--format", "estimate").out()).startsWith("Estimated window 6h 12m 00s")
        .contains("WARNING BE-0: the Back End of se01.contoso.com is expected to be down 31m 10s");
  }

  @Test
  void planLearnsTheDurationsOfAPreviousRunFromItsJournal() throws IOException {
    String journal = directory.resolve("previous.journal").toString();
    String[] live = {"--topology", contoso(), "--update", "\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "--target-build",
        "5.0.8308.1001", "--journal", journal, "--no-progress", "--settle-minutes", "0"};
    Result previous = run(concat(new String[] {"run", "--sessions", "1", fakeShell()}, live));
    assertThat(previous.exitCode()).as(previous.err()).isZero();

    Result learned = run("plan", "--format", "estimate", "--learn-from", journal);

    assertThat(learned.exitCode()).as(learned.err()).isZero();
    assertThat(learned.out()).startsWith("Estimated window ").doesNotStartWith("Estimated window 6h 12m 00s");
  }

  @Test
  void runbookWritesTheSamplesRunbook() throws IOException {
    Path file = directory.resolve("upgrade.ps1");

    Result result = run("runbook", "-o", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(Files.readString(Path.of("src/test/resources/runbooks/contoso.ps1")));
  }

  @Test
  void aRunbookIsWrittenWholeWithThePermissionsOfANewFileOrOfTheFileItReplaces() throws IOException {
    assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path reference = Files.createFile(directory.resolve("as-any-new-file"));
    Path fresh = directory.resolve("fresh.ps1");
    Path kept = Files.writeString(directory.resolve("kept.ps1"), "an older runbook");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));

    assertThat(run("runbook", "-o", fresh.toString()).exitCode()).isZero();
    assertThat(run("runbook", "-o", kept.toString()).exitCode()).isZero();

    assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(reference));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-rw----");
    assertThat(Files.readString(kept)).isEqualTo(Files.readString(fresh));
    try (var files = Files.list(directory)) {
      assertThat(files.map(file -> file.getFileName().toString())).as("no partial file left")
          .containsExactlyInAnyOrder("as-any-new-file", "fresh.ps1", "kept.ps1");
    }
  }

  @Test
  void simulateRunsTheSampleAndShowsFaults() {
    Result clean = run("simulate");
    assertThat(clean.exitCode()).isZero();
    assertThat(clean.out()).startsWith("Upgrade plan: 3 pools").contains("Run COMPLETED after 6h 08m 30s");

    Result failed = run("simulate", "--install-fails", "fe03.contoso.com");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("Run STEP_FAILED");

    Result crashed = run("simulate", "--crash-after", "25", "--busy", "pool02.contoso.com:1");
    assertThat(crashed.exitCode()).isZero();
    assertThat(crashed.out()).contains("CRASH", "resuming from the journal", "waiting  pool02.contoso.com", "Run COMPLETED");
  }

  @Test
  void aBadTopologyFileNamesTheLineAndTheProblemAndNothingRuns() throws IOException {
    Path file = directory.resolve("bad.json");
    Files.writeString(file, """
        { "pools": [
            { "fqdn": "pool01.contoso.com", "edition": "enterprise",
              "upgradeDomains": [
                { "name": "UD1", "servers": [ "fe01.contoso.com" ] },
                { "name": "UD2", "servers": [ "fe;02.contoso.com" ] } ],
              "backEnd": { "sqlServer": "sql01.contoso.com" } } ] }
        """, StandardCharsets.UTF_8);

    Result result = run("simulate", "--topology", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(file + ":5: pools[0].upgradeDomains[1].servers[0]: 'fe;02.contoso.com' contains"
        + " the character ';'");
    assertThat(result.out()).isEmpty();

    Files.writeString(file, "{ \"pools\": [ { \"fqdn\": \"pool01.contoso.com\",\n  \"edition\": \"enterprise\" ", StandardCharsets.UTF_8);
    assertThat(run("plan", "--topology", file.toString()).err()).contains(file + ":2: the file is not valid JSON");
  }

  @Test
  void aSkypeForBusinessTopologyFileIsPlannedServerByServerAndEveryRefusalIsNamed() throws IOException {
    Path file = directory.resolve("skype.json");
    Files.writeString(file, """
        { "centralManagementStore": "pool10.fabrikam.com",
          "pools": [
            { "fqdn": "pool10.fabrikam.com", "edition": "enterprise", "product": "skype-2015",
              "upgradeDomains": [
                { "name": "UD1", "servers": [ "fe101.fabrikam.com", "fe102.fabrikam.com" ] },
                { "name": "UD2", "servers": [ "fe103.fabrikam.com", "fe104.fabrikam.com" ] } ],
              "backEnd": { "sqlServer": "sql10.fabrikam.com", "listener": "ag10.fabrikam.com" },
              "partnerPool": "pool11.fabrikam.com" },
            { "fqdn": "pool11.fabrikam.com", "edition": "enterprise", "product": "skype-2015",
              "upgradeDomains": [ { "name": "UD1", "servers": [ "fe111.fabrikam.com", "fe112.fabrikam.com" ] } ],
              "backEnd": { "sqlServer": "sql11.fabrikam.com", "mirror": "sql11m.fabrikam.com" },
              "partnerPool": "pool10.fabrikam.com" } ] }
        """, StandardCharsets.UTF_8);

    Result refused = run("plan", "--topology", file.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("the plan was refused (1 problem); nothing was run:", "pool11.fabrikam.com (CR-5): its Back End"
        + " store sql11.fabrikam.com is mirrored", "--confirm-mirrored-update");

    Result planned = run("plan", "--topology", file.toString(), "--confirm-mirrored-update");
    assertThat(planned.exitCode()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("WARNING CR-9: pool10.fabrikam.com hosts the Central Management Store",
        "WARNING CR-5: pool11.fabrikam.com", "pool10.fabrikam.com: Skype for Business Server 2015 Enterprise Edition,"
            + " 2 upgrade domains, 4 Front End servers patched server by server, Back End sql10.fabrikam.com (AlwaysOn,"
            + " listener ag10.fabrikam.com)", "Invoke-CsComputerFailOver -ComputerName fe101.fabrikam.com"
            + " -DrainingTimeout (New-TimeSpan -Seconds 1800)", "Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn ag10.fabrikam.com");

    Result byDomain = run("plan", "--topology", file.toString(), "--confirm-mirrored-update", "--strategy",
        "BY_UPGRADE_DOMAIN", "--settle-minutes", "30");
    assertThat(byDomain.exitCode()).as(byDomain.err()).isEqualTo(2);
    assertThat(byDomain.err()).contains("pool11.fabrikam.com (CR-1): taking down upgrade domain UD1 (2 of 2 Front Ends)");

    Files.writeString(file, Files.readString(file).replace("skype-2015", "skype-2016"));
    Result unknown = run("plan", "--topology", file.toString());
    assertThat(unknown.err()).contains(file + ":3: pools[0].product must be one of lync-2013, skype-2015,"
        + " skype-2019, not \"skype-2016\"");
  }

  @Test
  void aSkypeForBusinessTopologyFileSurvivesAWriteAndARead() throws IOException {
    Path file = directory.resolve("written.json");
    try (var out = Files.newOutputStream(file)) {
      TopologyFile.write(SampleTopologies.skypeForBusiness2015(), out);
    }

    assertThat(TopologyFile.read(file)).isEqualTo(SampleTopologies.skypeForBusiness2015());
    assertThat(Files.readString(file)).contains("\"centralManagementStore\" : \"pool10.fabrikam.com\"",
        "\"product\" : \"skype-2015\"", "\"listener\" : \"ag10.fabrikam.com\"");
  }

  @Test
  void discoverWritesAFileTheOtherCommandsReadAndKeepsThePublishedTopologyOnRequest() throws IOException {
    Path file = directory.resolve("topology.json");
    Path document = directory.resolve("topology.xml");

    Result discovered = run("discover", fakeShell(), "-o", file.toString(), "--save-document", document.toString());

    assertThat(discovered.exitCode()).as(discovered.err()).isZero();
    assertThat(discovered.out()).contains("Wrote 3 pools and 11 servers to " + file, "Wrote the published topology (");
    assertThat(discovered.err()).startsWith("Get-CsTopology -AsXml: the published topology (").contains(
        "3 pools, 11 Front End and Standard Edition servers\n"
            + "skipped: 2 Edge servers, 1 Director, 1 branch appliance, 1 Office Web Apps server\n",
        "live: pool01.contoso.com: backup pool pool02.contoso.com (Get-CsPoolBackupRelationship)\n",
        "live: se01.contoso.com: no backup pool (Get-CsPoolBackupRelationship threw ");
    assertThat(TopologyFile.read(file)).isEqualTo(SampleTopologies.contoso());
    assertThat(run("runbook", "--topology", file.toString()).out())
        .isEqualTo(RunbookWriter.write(new PlanArguments().plan(SampleTopologies.contoso(), false, new PrintWriter(new StringWriter()))));
    // The published topology as Out-File writes it, which --topology reads; with the partners in an overlay, the same plan.
    byte[] saved = Files.readAllBytes(document);
    assertThat(saved[0]).isEqualTo((byte) 0xFF);
    assertThat(saved[1]).isEqualTo((byte) 0xFE);
    Path overlay = directory.resolve("overlay.json");
    Files.writeString(overlay, LyncDocuments.overlayJson(SampleTopologies.contoso()));
    Result fromDocument = run("plan", "--topology", document.toString(), "--overlay", overlay.toString());
    assertThat(fromDocument.exitCode()).as(fromDocument.err()).isZero();
    assertThat(fromDocument.err()).startsWith(document + ": published topology (Get-CsTopology -AsXml), UTF-16 LE with a"
        + " byte-order mark: 3 pools");
    assertThat(fromDocument.out()).isEqualTo(run("plan", "--topology", file.toString()).out());
  }

  @Test
  void discoverStopsOnWhatItCannotReadWithTheExitCodeOfWhatWentWrongAndWritesNothing() {
    Path file = directory.resolve("topology.json");

    Result failed = run("discover", fakeShell("--backup-throws=pool02.contoso.com:PermissionDenied:Get-CsPoolBackupRelationship"),
        "-o", file.toString());
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.err()).contains("Get-CsPoolBackupRelationship on pool02.contoso.com failed: it threw"
        + " PermissionDenied");

    Result unreadable = run("discover", fakeShell("--break=store-mirror:Database.MirrorSqlServerFqdn:absent"), "-o",
        file.toString());
    assertThat(unreadable.exitCode()).isEqualTo(3);
    assertThat(unreadable.err()).contains("store-mirror.ps1: Test-CsDatabase -ConfiguredDatabases's MirrorSqlServerFqdn"
        + " (Database record 1): expected a System.String, got nothing: the reply has no such property");

    Result template = run("discover", fakeShell("--document=" + Path.of("src/test/resources/lync-topology/template.xml")
        .toAbsolutePath()), "-o", file.toString());
    assertThat(template.exitCode()).isEqualTo(2);
    assertThat(template.err()).contains("Get-CsTopology -AsXml is not a usable topology (7 problems)",
        "Get-CsTopology -AsXml:11: Cluster[@Fqdn='$SkypeFQDN']");
    assertThat(file).doesNotExist();

    Result same = run("discover", fakeShell(), "-o", file.toString(), "--save-document", file.toString());
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("--save-document " + file + " is the file -o writes");
    assertThat(file).doesNotExist();
  }

  /**
   * Each command starts a new fake shell, whose fake deployment starts afresh; so the run stops at
   * a pool problem before pool02 changes anything, which a fresh fake agrees with. (Busy would make
   * a live run wait ten real minutes, as it must, and the settle rule twenty: these runs turn it off.)
   */
  @Test
  void runStopsOnAPoolProblemAndResumeFinishesThenStatusShowsItAllDone() throws IOException {
    String journal = directory.resolve("run.journal").toString();
    String[] plan = {"--topology", contoso(), "--update", "\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "--target-build",
        "5.0.8308.1001", "--no-failover", "--journal", journal, "--settle-minutes", "0"};

    Result stopped = run(concat(new String[] {"run", "--sessions", "1", "--servers-at-once", "1", "--staging-copies", "1", fakeShell("--fault=insufficient:pool02.contoso.com:1")},
        plan));
    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
    assertThat(stopped.out()).contains("PROBLEM  pool02.contoso.com: InsufficientActiveFrontEnds", "Run POOL_PROBLEM");

    Result status = run(concat(new String[] {"status"}, plan));
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("pool01.contoso.com  DONE", "pool02.contoso.com  FAILED",
        "se01.contoso.com  PENDING");

    Result resumed = run(concat(new String[] {"resume", "--sessions", "1", fakeShell()}, plan));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Run COMPLETED");
    assertThat(run(concat(new String[] {"status"}, plan)).out()).startsWith("98 of 98 steps done (succeeded or skipped)");
  }

  @Test
  void probeReadsTheDeploymentChangesNothingAndSaysWhatDidNotMatch() throws IOException {
    Path file = directory.resolve("topology.json");
    try (var out = Files.newOutputStream(file)) {
      TopologyFile.write(SampleTopologies.contoso(), out);
    }

    Result matched = run("probe", fakeShell(), "--topology", file.toString());
    assertThat(matched.exitCode()).as(matched.err()).isZero();
    assertThat(matched.out()).startsWith("lync-upgrade probe: 40 checks, 40 matched; nothing was changed on any server.")
        .contains("MATCHED    test-databases (Test-CsDatabase -ConfiguredDatabases) on sql01.contoso.com: 5 databases");

    Result unreadable = run("probe", fakeShell("--break=test-databases:Database.ExpectedVersion:absent"), "--topology",
        file.toString());
    assertThat(unreadable.exitCode()).isEqualTo(3);
    assertThat(unreadable.out()).contains("37 matched, 3 unreadable", "UNREADABLE test-databases",
        "test-databases.ps1: Test-CsDatabase -ConfiguredDatabases's ExpectedVersion (Database record 1): expected a"
            + " non-empty System.String, got nothing: the reply has no such property", "Send this whole report back");

    Result missing = run("probe", fakeShell());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--topology=FILE'");
  }

  @Test
  void poolFailoverIsPlannedUnlessTheOperatorAsksForDisasterMode() {
    assertThat(run("plan").out()).contains("(Invoke-CsPoolFailOver), then update its servers")
        .doesNotContain("-DisasterMode");
    assertThat(run("plan", "--pool-failover", "disaster").out())
        .contains("(Invoke-CsPoolFailOver -DisasterMode), then update its servers");

    Result wrong = run("plan", "--pool-failover", "now");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("'now' is not a failover mode: planned or disaster");
  }

  @Test
  void failedPreflightChecksStopARunBeforeAnythingAndLeaveNoJournal() throws IOException {
    String[] args = {"run", "--topology", contoso(), fakeShell("--not-administrator"), "--update", "C:\\cu\\installer.exe", "--target-build",
        "5.0.8308.1001", "--journal", directory.resolve("never.journal").toString()};

    Result result = run(args);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("Pre-flight checks found 1 problem(s); nothing was run",
        "not a member of CsAdministrator");
    assertThat(directory.resolve("never.journal")).doesNotExist();
  }

  @Test
  void aLiveRunNeedsTheUpdateNamed() throws IOException {
    Result result = run("run", "--topology", contoso(), "--journal", directory.resolve("x.journal").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--update <installer path> --target-build <build>");
  }

  static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
