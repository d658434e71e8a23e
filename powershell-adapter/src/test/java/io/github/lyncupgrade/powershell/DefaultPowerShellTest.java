package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.testkit.junit.EnabledIfPowerShellCondition;
import org.junit.jupiter.api.Test;

/**
 * The testkit's {@code @EnabledIfPowerShell} (which cannot depend on the adapter) looks for the
 * PowerShell the adapter starts by default, so a test it enables can start a session with
 * {@link PowerShellOptions#ofDefaults()}.
 */
class DefaultPowerShellTest {
  @Test
  void theTestkitsConditionLooksForThePowerShellTheAdapterStartsByDefault() {
    assertThat(EnabledIfPowerShellCondition.defaultExecutable())
        .isEqualTo(PowerShellOptions.ofDefaults().command().get(0));
  }
}
