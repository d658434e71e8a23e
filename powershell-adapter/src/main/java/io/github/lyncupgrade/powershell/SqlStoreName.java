package io.github.lyncupgrade.powershell;

/**
 * A SQL Server store as Lync names it, {@code sql.contoso.com} or {@code sql.contoso.com\INSTANCE},
 * split into what {@code Invoke-CsManagementServerFailover} takes as two parameters.
 *
 * @param server the SQL Server's FQDN
 * @param instance the named instance, or empty for the default instance
 */
record SqlStoreName(String server, String instance) {
  static SqlStoreName parse(String store) {
    int slash = store.indexOf('\\');
    return slash < 0 ? new SqlStoreName(store, "") : new SqlStoreName(store.substring(0, slash), store.substring(slash + 1));
  }

  boolean hasInstance() {
    return !instance.isEmpty();
  }
}
