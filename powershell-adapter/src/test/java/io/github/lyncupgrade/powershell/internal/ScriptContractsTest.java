package io.github.lyncupgrade.powershell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.powershell.PsScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each script's text against its contract: the records it projects are the kinds declared, each
 * with exactly the declared fields; a field read from the cmdlet names its property and is not cast
 * (a cast reads absence as '', False or 0); a Boolean or a number is never made a string. A
 * script/Java mismatch is a failure here; the cmdlet/script boundary is what the probe checks on a lab.
 */
class ScriptContractsTest {
  private static final Path SCRIPTS = Path.of("src/main/resources/io/github/lyncupgrade/powershell/scripts");
  private static final Path BOOTSTRAP = Path.of("src/main/resources/io/github/lyncupgrade/powershell/bootstrap.ps1");

  @Test
  void everyScriptHasOneContractAndEveryContractAScript() throws IOException {
    Set<String> scripts = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      files.map(file -> file.getFileName().toString().replace(".ps1", "")).sorted().forEach(scripts::add);
    }

    assertThat(ScriptContracts.ALL).extracting(ScriptContract::script).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(scripts);
  }

  @Test
  void everyScriptProjectsExactlyWhatItsContractDeclares() {
    for (ScriptContract contract : ScriptContracts.ALL) {
      assertThat(problems(contract, PsScript.named(contract.script()).text())).as(contract.script()).isEmpty();
    }
  }

  @Test
  void theProbesShapeRecordsAreTheBootstrapsOwn() throws IOException {
    List<Map<String, String>> literals = Projections.in(Files.readString(BOOTSTRAP, StandardCharsets.UTF_8));

    assertThat(literals).singleElement().satisfies(shape -> {
      assertThat(shape).containsEntry(ScriptContract.KIND, "'" + ScriptContracts.Shapes.SHAPE.name() + "'");
      assertThat(shape.keySet()).containsExactlyInAnyOrderElementsOf(keys(ScriptContracts.Shapes.SHAPE));
    });
  }

  /** The check reads what it claims to: the projections issue 16 found, and others, each fail it. */
  @Test
  void theCheckFailsOnProjectionsThatHideAbsenceOrDriftFromTheContract() {
    ScriptContract readiness = ScriptContracts.PoolReadiness.CONTRACT;
    String script = PsScript.named("pool-readiness").text();

    assertThat(problems(readiness, script.replace("ReadyForUpgrade = $domain.ReadyForUpgrade",
        "ReadyForUpgrade = [string]$domain.ReadyForUpgrade"))).containsExactly(
        "Domain.ReadyForUpgrade = [string]$domain.ReadyForUpgrade: a cast reads an absent property as '', False or 0",
        "Domain.ReadyForUpgrade = [string]$domain.ReadyForUpgrade: a FLAG cast to a string");
    assertThat(problems(readiness, script.replace("UpgradeDomain = __TextOrNull $domain.UpgradeDomain", "Name = $domain")))
        .containsExactly("Domain projects [Kind, Name, FrontEnds, ReadyForUpgrade], the contract declares [Kind,"
            + " UpgradeDomain, FrontEnds, ReadyForUpgrade]");
    assertThat(problems(readiness, script.replace("Kind = 'Domain'", "Kind = 'Domains'")))
        .anySatisfy(problem -> assertThat(problem).contains("'Domains'", "not a declared kind"));
    assertThat(problems(readiness, script.replace("__Shape", "Write-Verbose")))
        .anySatisfy(problem -> assertThat(problem).contains("Shape"));
    assertThat(problems(ScriptContracts.Actions.STOP_SERVICES, script)).first().asString()
        .contains("replies with nothing");
    // Discovery's store mirror: a cast reads a missing property as '' (not mirrored), and so would the wrong name.
    ScriptContract mirror = ScriptContracts.StoreMirror.CONTRACT;
    String mirrorScript = PsScript.named("store-mirror").text();
    assertThat(problems(mirror, mirrorScript.replace("__PropertyText $database 'MirrorSqlServerFqdn'",
        "[string]$database.MirrorSqlServerFqdn"))).containsExactly("Database.MirrorSqlServerFqdn ="
        + " [string]$database.MirrorSqlServerFqdn: a cast reads an absent property as '', False or 0");
    assertThat(problems(mirror, mirrorScript.replace("__PropertyText $database 'MirrorSqlServerFqdn'",
        "__PropertyText $database 'MirrorSqlServer'"))).containsExactly("Database.MirrorSqlServerFqdn ="
        + " __PropertyText $database 'MirrorSqlServer': does not read the cmdlet's property MirrorSqlServerFqdn");
    // pool-readiness.ps1 as it was before issue 16: the whole object came back through remoting.
    assertThat(problems(readiness, """
        [pscustomobject]@{
          Kind = 'Pool'; State = [string]$state.PoolUpgradeState
          FrontEnds = [string]$state.TotalFrontEnds; ActiveFrontEnds = [string]$state.TotalActiveFrontEnds
        }
        foreach ($domain in @($state.UpgradeDomains)) {
          [pscustomobject]@{
            Kind = 'Domain'; Name = [string]$domain.UpgradeDomain
            FrontEnds = (@($domain.FrontEnds) | ForEach-Object { [string]$_ }) -join ','
            ReadyForUpgrade = [string]$domain.ReadyForUpgrade
          }
        }
        """)).hasSizeGreaterThanOrEqualTo(3);
  }

  /** What is wrong with {@code text} as the projection of {@code contract}; empty when it follows it. */
  static List<String> problems(ScriptContract contract, String text) {
    List<String> problems = new ArrayList<>();
    List<Map<String, String>> literals = Projections.in(text);
    if (contract.kinds().isEmpty()) {
      if (!literals.isEmpty() || text.contains("__Shape")) {
        problems.add(contract.script() + " replies with nothing, but projects " + literals);
      }
      return problems;
    }
    for (Map<String, String> literal : literals) {
      String kind = literal.getOrDefault(ScriptContract.KIND, "");
      if (contract.kinds().stream().noneMatch(declared -> kind.equals("'" + declared.name() + "'"))) {
        problems.add("a record of kind " + kind + " is not a declared kind: " + literal);
      }
    }
    for (ReplyKind kind : contract.kinds()) {
      if (kind == ScriptContracts.Shapes.SHAPE) {
        if (!text.contains("__Shape ")) {
          problems.add("the contract has Shape records, but the script never calls __Shape");
        }
        continue;
      }
      List<Map<String, String>> ofKind = literals.stream()
          .filter(literal -> ("'" + kind.name() + "'").equals(literal.get(ScriptContract.KIND))).toList();
      if (ofKind.isEmpty()) {
        problems.add("no " + kind.name() + " record is projected");
      }
      for (Map<String, String> literal : ofKind) {
        if (!literal.keySet().equals(keys(kind))) {
          problems.add(kind.name() + " projects " + literal.keySet() + ", the contract declares " + keys(kind));
        }
        for (ReplyField<?> field : kind.fields()) {
          String value = literal.get(field.name());
          if (value != null) {
            problems.addAll(valueProblems(kind, field, value));
          }
        }
      }
    }
    return problems;
  }

  private static List<String> valueProblems(ReplyKind kind, ReplyField<?> field, String value) {
    List<String> problems = new ArrayList<>();
    String where = kind.name() + "." + field.name() + " = " + value;
    if (value.matches("'[^']*'")) {
      return problems; // a constant the script states, such as a Failure it caught
    }
    boolean readsTheProperty = value.contains("." + field.name())
        || value.matches("__PropertyText \\$\\w+ '" + field.name() + "'");
    if (field.fromCmdlet() && !readsTheProperty) {
      problems.add(where + ": does not read the cmdlet's property " + field.name());
    }
    if (field.fromCmdlet() && value.startsWith("[")) {
      problems.add(where + ": a cast reads an absent property as '', False or 0");
    }
    if ((field.type() == ReplyType.FLAG || field.type() == ReplyType.INTEGER) && value.startsWith("[string]")) {
      problems.add(where + ": a " + field.type() + " cast to a string");
    }
    return problems;
  }

  private static Set<String> keys(ReplyKind kind) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(ScriptContract.KIND);
    kind.fields().forEach(field -> keys.add(field.name()));
    return keys;
  }
}
