package io.github.lyncupgrade.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.VirtualClock;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeDeploymentExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeDeploymentExtensionTest {
  private static FakeDeployment fromFirstTest;

  static final class OneStandardServer implements Supplier<Topology> {
    @Override
    public Topology get() {
      return Topology.builder().pool(Pool.standard("se42.contoso.com")).build();
    }
  }

  @Test
  @Order(1)
  void handsAFreshFakeOfTheSampleAndItsClock(FakeDeployment fake, VirtualClock clock) {
    assertThat(fake.topology().pools()).hasSize(3);
    assertThat(clock).isSameAs(fake.clock());
    assertThat(fake.history().events()).isEmpty();
    fromFirstTest = fake;
  }

  @Test
  @Order(2)
  void closesTheFakeWhenItsTestEnds(FakeDeployment fake) {
    assertThat(fake).isNotSameAs(fromFirstTest);
    assertThatThrownBy(() -> fromFirstTest.serverStatus(Fqdn.of("fe01.contoso.com")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("its test has ended");
  }

  @Test
  @Order(3)
  @LyncTopology(OneStandardServer.class)
  void usesTheTopologyTheTestNames(FakeDeployment fake) {
    assertThat(fake.topology().pools()).extracting(pool -> pool.fqdn().toString()).containsExactly("se42.contoso.com");
  }

  @AfterAll
  static void forget() {
    fromFirstTest = null;
  }
}
