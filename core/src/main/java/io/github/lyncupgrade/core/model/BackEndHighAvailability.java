package io.github.lyncupgrade.core.model;

/**
 * How an Enterprise pool's Back End store is made highly available, which decides how its
 * databases are updated ({@code PROCEDURE.md}, "Facts from Microsoft's cmdlet reference").
 */
public enum BackEndHighAvailability {
  /** One SQL Server: {@code Install-CsDatabase} targets it. */
  STANDALONE,
  /**
   * SQL Server mirroring: {@code Install-CsDatabase -Update} cannot be used against mirrored
   * databases (remove the mirror first), so a plan refuses it unless the operator confirms.
   */
  MIRRORED,
  /**
   * An AlwaysOn availability group: {@code Install-CsDatabase} targets the group's listener, and
   * the topology is published again afterwards.
   */
  ALWAYS_ON
}
