package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.util.HashMap;
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
  void discoveryReadsEachPoolsProductAndTheCentralManagementStoresPool() {
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment", "--sample=skype-2015"))) {
      Topology discovered = TopologyDiscovery.discover(session);

      assertThat(discovered.pools()).extracting(Pool::product).containsOnly(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015);
      assertThat(discovered.centralManagementStorePool()).hasValue(Fqdn.of("pool10.fabrikam.com"));
      assertThat(((EnterprisePool) discovered.pools().get(0)).backEnd().highAvailability())
          .as("an AlwaysOn listener is named in a topology file, not discovered")
          .isEqualTo(BackEndHighAvailability.STANDALONE);
    }
  }

  @Test
  void aMirrorIsDiscoveredAndAnUnknownRegistrarVersionIsRefused() {
    Map<String, String> pool = new HashMap<>(Map.of("Kind", "Pool", "Fqdn", "pool01.contoso.com",
        "Edition", "Enterprise", "SqlServer", "sql01.contoso.com", "Mirror", "sql01m.contoso.com", "Version", "8"));
    List<Map<String, String>> records = List.of(pool,
        Map.of("Kind", "Domain", "Pool", "pool01.contoso.com", "Name", "UD1", "FrontEnds", "fe01.contoso.com"));

    EnterprisePool discovered = (EnterprisePool) TopologyDiscovery.fromRecords(records).pools().get(0);
    assertThat(discovered.product()).isEqualTo(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019);
    assertThat(discovered.backEnd().mirror()).hasValue(Fqdn.of("sql01m.contoso.com"));

    pool.put("Version", "9");
    assertThatThrownBy(() -> TopologyDiscovery.fromRecords(records)).isInstanceOf(PowerShellException.class)
        .hasMessageContaining("reports Registrar version '9'; this SDK knows 6 (Lync Server 2013), 7");
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
