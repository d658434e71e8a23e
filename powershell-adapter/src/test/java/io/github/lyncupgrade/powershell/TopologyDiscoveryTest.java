package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyDiscoveryTest {

  @Test
  void discoveryReadsBackTheTopologyTheDeploymentHas() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment"))) {
      Topology discovered = TopologyDiscovery.discover(session);

      assertThat(discovered).isEqualTo(SampleTopologies.contoso());
    }
  }

  @Test
  void aDeploymentThatIsNotAValidTopologyIsRefusedWithEveryProblem() {
    List<Map<String, String>> records = List.of(
        Map.of("Kind", "Pool", "Fqdn", "pool01.contoso.com", "Edition", "Enterprise", "SqlServer", "sql01.contoso.com"),
        Map.of("Kind", "Domain", "Pool", "pool01.contoso.com", "Name", "UD1", "FrontEnds", "fe01.contoso.com"),
        Map.of("Kind", "Domain", "Pool", "pool01.contoso.com", "Name", "UD2", "FrontEnds", "fe01.contoso.com,fe'02.contoso.com"));

    assertThatThrownBy(() -> TopologyDiscovery.fromRecords(records)).isInstanceOfSatisfying(InvalidTopologyException.class,
        e -> assertThat(e.problems()).hasSize(2));
  }
}
