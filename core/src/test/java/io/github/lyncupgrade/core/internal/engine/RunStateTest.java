package io.github.lyncupgrade.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import org.junit.jupiter.api.Test;

/** FE-0 at run time: never two domains of a pool down at once, whatever a plan asks. */
class RunStateTest {
  private static final Fqdn POOL = Fqdn.of("pool01.contoso.com");

  @Test
  void fe0_aServerOfAnotherDomainCannotStopWhileOneIsDown() {
    RunState state = new RunState();

    assertThat(state.openChain(POOL, "UD1", Fqdn.of("fe01.contoso.com"))).isEmpty();
    assertThat(state.openChain(POOL, "UD1", Fqdn.of("fe02.contoso.com"))).isEmpty();
    assertThat(state.openChain(POOL, "UD2", Fqdn.of("fe03.contoso.com"))).hasValueSatisfying(reason ->
        assertThat(reason).contains("upgrade domain UD1 of pool01.contoso.com still has", "two domains down at once (FE-0)"));
    assertThat(state.openChain(Fqdn.of("pool02.contoso.com"), "UD2", Fqdn.of("fe13.contoso.com"))).isEmpty();

    state.closeChain(POOL, "UD1", Fqdn.of("fe01.contoso.com"));
    state.closeChain(POOL, "UD1", Fqdn.of("fe02.contoso.com"));
    assertThat(state.openChain(POOL, "UD2", Fqdn.of("fe03.contoso.com"))).isEmpty();
  }
}
