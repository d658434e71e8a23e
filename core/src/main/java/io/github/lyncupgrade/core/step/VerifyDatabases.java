package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * CR-7: {@code Install-CsDatabase} prints nothing useful on success, so every database update is
 * checked with {@code Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn <fqdn>}: each database's
 * installed version must equal the expected one; the step fails naming those that differ.
 *
 * @param scope the Back End or Standard Edition server
 * @param sqlServer what {@code -SqlServerFqdn} names: the same target as the update (the listener for AlwaysOn)
 */
public record VerifyDatabases(StepScope scope, Fqdn sqlServer) implements ServerStep {
  /** Rejects nulls. */
  public VerifyDatabases {
    requireNonNull(scope, "scope");
    requireNonNull(sqlServer, "sqlServer");
  }

  @Override
  public StepKind kind() {
    return StepKind.VERIFY_DATABASES;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_7;
  }

  @Override
  public String action() {
    return "verify-databases";
  }

  /** The command exactly as the operator would type it. */
  public String command() {
    return "Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn " + sqlServer;
  }

  @Override
  public String description() {
    return "Check the database update: " + command() + " (every expected version installed)";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
