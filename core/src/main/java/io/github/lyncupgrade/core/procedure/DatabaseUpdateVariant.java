package io.github.lyncupgrade.core.procedure;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.StandardEditionPool;

/**
 * The three ways PROCEDURE BE-11 applies an update to the databases. Exactly one fits a pool,
 * and {@link #forPool(Pool)} picks it, so nothing is left to the operator.
 *
 * <table>
 *   <caption>Variant by pool</caption>
 *   <tr><th>pool</th><th>variant</th><th>rule</th></tr>
 *   <tr><td>Enterprise, no collocated databases</td><td>{@link #CONFIGURED_DATABASES}</td><td>BE-11a</td></tr>
 *   <tr><td>Enterprise, collocated databases</td><td>{@link #CONFIGURED_DATABASES_EXCLUDING_COLLOCATED}</td><td>BE-11b</td></tr>
 *   <tr><td>Standard Edition</td><td>{@link #LOCAL_DATABASES}</td><td>BE-11c</td></tr>
 * </table>
 */
public enum DatabaseUpdateVariant {
  /** BE-11a: {@code Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn <fqdn>}. */
  CONFIGURED_DATABASES(ProcedureRule.BE_11A),
  /** BE-11b: the same with {@code -ExcludeCollocatedStores}. */
  CONFIGURED_DATABASES_EXCLUDING_COLLOCATED(ProcedureRule.BE_11B),
  /** BE-11c: {@code Install-CsDatabase -Update -LocalDatabases}. */
  LOCAL_DATABASES(ProcedureRule.BE_11C);

  private final ProcedureRule rule;

  DatabaseUpdateVariant(ProcedureRule rule) {
    this.rule = rule;
  }

  /**
   * The one variant that fits {@code pool}. A pure function of the pool's edition and its Back
   * End's collocated databases.
   */
  public static DatabaseUpdateVariant forPool(Pool pool) {
    requireNonNull(pool, "pool");
    if (pool instanceof StandardEditionPool) {
      return LOCAL_DATABASES;
    }
    return ((EnterprisePool) pool).backEnd().hasCollocatedDatabases()
        ? CONFIGURED_DATABASES_EXCLUDING_COLLOCATED
        : CONFIGURED_DATABASES;
  }

  /** The rule this variant carries out. */
  public ProcedureRule rule() {
    return rule;
  }

  /** The command for a store on {@code sqlServer} (ignored by {@link #LOCAL_DATABASES}). */
  public String command(Fqdn sqlServer) {
    requireNonNull(sqlServer, "sqlServer");
    return switch (this) {
      case CONFIGURED_DATABASES -> "Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn " + sqlServer;
      case CONFIGURED_DATABASES_EXCLUDING_COLLOCATED ->
          "Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn " + sqlServer + " -ExcludeCollocatedStores";
      case LOCAL_DATABASES -> "Install-CsDatabase -Update -LocalDatabases";
    };
  }
}
