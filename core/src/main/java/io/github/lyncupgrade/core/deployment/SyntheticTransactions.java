package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.run.Verification;
import java.util.List;

/**
 * Lync's synthetic transactions against a pool ({@code Test-CsRegistration}, {@code Test-CsIM}):
 * whether users can sign in and message, beyond the services running. The PowerShell adapter's
 * deployment and the testkit's fake offer them; {@link Verification#syntheticTransactions} turns
 * them into a check after each upgrade domain.
 */
public interface SyntheticTransactions {

  /**
   * One transaction's result.
   *
   * @param test the cmdlet, for example {@code Test-CsIM}
   * @param passed whether it succeeded
   * @param detail what it reported, for an operator
   */
  record Result(String test, boolean passed, String detail) {}

  /**
   * Runs the transactions against {@code pool}.
   *
   * @throws DeploymentException if they cannot be run at all
   */
  List<Result> syntheticTransactions(Fqdn pool);
}
