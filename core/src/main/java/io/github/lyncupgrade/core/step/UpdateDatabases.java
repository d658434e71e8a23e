package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * BE-11: apply the installer's changes to the SQL Server databases with exactly one
 * {@code Install-CsDatabase} variant, chosen by {@link DatabaseUpdateVariant#forPool}.
 *
 * @param scope the Back End or Standard Edition server
 * @param variant which of BE-11a, BE-11b, BE-11c
 * @param sqlServer the SQL Server FQDN passed to {@code -SqlServerFqdn} (the server itself for
 *     Standard Edition, where the command takes none)
 */
public record UpdateDatabases(StepScope scope, DatabaseUpdateVariant variant, Fqdn sqlServer) implements ServerStep {
  /** Rejects nulls. */
  public UpdateDatabases {
    requireNonNull(scope, "scope");
    requireNonNull(variant, "variant");
    requireNonNull(sqlServer, "sqlServer");
  }

  @Override
  public StepKind kind() {
    return StepKind.UPDATE_DATABASES;
  }

  @Override
  public ProcedureRule rule() {
    return variant.rule();
  }

  @Override
  public String action() {
    return "update-databases";
  }

  /** The command exactly as the operator would type it. */
  public String command() {
    return variant.command(sqlServer);
  }

  @Override
  public String description() {
    return "Apply the update to the SQL Server databases: " + command();
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
