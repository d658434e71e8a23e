package io.github.lyncupgrade.core.deployment;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.List;

/**
 * {@code Test-CsDatabase} (CR-7): what every plan needs after {@code Install-CsDatabase}, which
 * reports nothing useful itself.
 */
public non-sealed interface DatabaseTests extends DeploymentCapability {

  /** {@code Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn} (CR-7) for {@code pool}'s store on {@code sqlServer}. */
  List<DatabaseCheck> testDatabases(Fqdn pool, Fqdn sqlServer);
}
