package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.powershell.internal.Wire;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: hostile text never becomes code. Each hand-written hostile value is refused when
 * the model is built (as a server's FQDN, a pool's, an upgrade domain's name, the target build
 * option, an update location with control characters), or carried as inert data: the fake shell records exactly what it parsed, which
 * must be the SDK's own script, unchanged, with the value as a parameter; and the runbook holds
 * it as one single-quoted literal that reads back unchanged.
 */
@Tag("reliability")
class HostileInputTest {
  @TempDir
  Path directory;

  @Test
  void hostileValuesAreRefusedByTheModelOrArriveAsInertData() throws IOException {
    assertThat(HostileStrings.ALL).hasSizeGreaterThanOrEqualTo(50);
    Path record = directory.resolve("requests.txt");
    int refused = 0;
    int inert = 0;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment",
        "--record=" + record));
         PowerShellDeployment deployment = PowerShellDeployment.over(session)) {
      for (String hostile : HostileStrings.ALL) {
        assertThatThrownBy(() -> Topology.builder()
            .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", hostile).backEnd("sql01.contoso.com"))
            .build()).as("as a server's FQDN: %s", printable(hostile)).isInstanceOf(InvalidTopologyException.class);
        assertThatThrownBy(() -> Topology.builder().pool(Pool.standard(hostile)).build())
            .as("as a pool's FQDN: %s", printable(hostile)).isInstanceOf(InvalidTopologyException.class);
        assertThatThrownBy(() -> Topology.builder()
            .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain(hostile, "fe01.contoso.com").backEnd("sql01.contoso.com"))
            .build()).as("as an upgrade domain's name: %s", printable(hostile)).isInstanceOf(InvalidTopologyException.class);
        assertThatThrownBy(() -> UpdatePackage.of("C:\\cu\\installer.exe", hostile))
            .as("as the target build option: %s", printable(hostile)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topology.builder()
            .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
                .backEnd("sql01.contoso.com").alwaysOnListener(hostile)).build())
            .as("as an AlwaysOn listener: %s", printable(hostile)).isInstanceOf(InvalidTopologyException.class);
        assertThatThrownBy(() -> Topology.builder()
            .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
                .backEnd("sql01.contoso.com").mirroredTo(hostile)).build())
            .as("as a mirror: %s", printable(hostile)).isInstanceOf(InvalidTopologyException.class);
        assertThatThrownBy(() -> Topology.builder().centralManagementStore(hostile).pool(Pool.standard("se01.contoso.com"))
            .build()).as("as the Central Management Store's pool: %s", printable(hostile))
            .isInstanceOf(InvalidTopologyException.class);
        refused += 7;

        Throwable location = catchThrowable(() -> UpdatePackage.of(hostile, "5.0.8308.1001"));
        if (location != null) {
          assertThat(location).isInstanceOf(IllegalArgumentException.class);
          refused++;
          continue;
        }
        UpdatePackage update = UpdatePackage.of(hostile, "5.0.8308.1001");
        deployment.stageUpdate(Fqdn.of("fe01.contoso.com"), update);
        Map<String, String> arrived = lastRequest(record);
        assertThat(arrived.get("script")).as("the script ran as the SDK wrote it")
            .isEqualTo(PsScript.named("stage-update").text());
        assertThat(arrived.get("Location")).as("the location arrived as data").isEqualTo(hostile);
        assertThat(arrived.get("Server")).isEqualTo("fe01.contoso.com");

        String runbook = RunbookWriter.write(Planner.create(PlanOptions.builder().updatePackage(update).build())
            .plan(SampleTopologies.contoso()));
        String line = runbook.lines().filter(l -> l.startsWith("$UpdateInstaller = ")).findFirst().orElseThrow();
        assertThat(SingleQuotedStringReader.read(line, "$UpdateInstaller = ".length()).value()).as("the runbook's literal")
            .isEqualTo(hostile);
        inert += 2;
      }
    }
    System.out.printf("RELIABILITY bad input, %d hand-written hostile values: %d refused when the model is built,"
        + " %d carried as inert data (fake shell and runbook), 0 executed, 0 failures%n", HostileStrings.ALL.size(),
        refused, inert);
  }

  private static Map<String, String> lastRequest(Path record) throws IOException {
    List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
    String[] fields = lines.get(lines.size() - 1).split("\t");
    Map<String, String> request = new HashMap<>();
    request.put("script", Wire.decode(fields[0]));
    for (int i = 1; i < fields.length; i++) {
      String[] nameAndValue = fields[i].split("=", 2);
      request.put(nameAndValue[0], Wire.decode(nameAndValue[1]));
    }
    return request;
  }

  private static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    StringBuilder out = new StringBuilder();
    shown.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : (char) c));
    return out.toString();
  }
}
