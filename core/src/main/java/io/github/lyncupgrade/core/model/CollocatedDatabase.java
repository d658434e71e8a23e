package io.github.lyncupgrade.core.model;

/**
 * Databases that may share a Back End SQL Server with the pool's own databases (PROCEDURE T-3).
 * Their presence selects {@code Install-CsDatabase ... -ExcludeCollocatedStores} (BE-11b).
 */
public enum CollocatedDatabase {
  ARCHIVING,
  MONITORING,
  PERSISTENT_CHAT,
  PERSISTENT_CHAT_COMPLIANCE
}
