package io.github.lyncupgrade.powershell;

import io.github.lyncupgrade.core.model.BackEndStore;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Reading;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Row;
import io.github.lyncupgrade.powershell.internal.ScriptContracts.StoreMirror;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a Back End store is mirrored (CR-5), as {@code Test-CsDatabase -ConfiguredDatabases}
 * reports the databases of its SQL Server: those on the store's instance name one mirror, or all
 * name none. No database on the instance, or databases that disagree, is a reply that cannot be
 * read, never "not mirrored".
 */
final class StoreMirrors {
  static final String CMDLET = StoreMirror.DATABASE.cmdlet();

  private StoreMirrors() {}

  /**
   * What the databases say of one store.
   *
   * @param mirror the mirror's SQL Server, or empty when no database of the store names one
   * @param evidence what the cmdlet said, in one phrase for the operator
   */
  record Answer(Optional<Fqdn> mirror, String evidence) {}

  /**
   * Reads {@code reading}, the store-mirror script's reply for {@code store}'s SQL Server.
   *
   * @throws UnreadableReplyException if no database is on the store's instance, they name different
   *     mirrors, or a mirror that is no FQDN
   */
  static Answer read(Reading reading, BackEndStore store) {
    String instance = store.instanceName().orElse("");
    List<Row> databases = reading.all(StoreMirror.DATABASE);
    List<Row> ofStore = databases.stream()
        .filter(database -> database.get(StoreMirror.SQL_INSTANCE).equalsIgnoreCase(instance)).toList();
    if (ofStore.isEmpty()) {
      throw reading.problem(StoreMirror.DATABASE, StoreMirror.SQL_INSTANCE.name(), "databases on the store's instance "
          + (instance.isEmpty() ? "(the default instance)" : "'" + instance + "'"), "databases on "
          + databases.stream().map(database -> "'" + database.get(StoreMirror.SQL_INSTANCE) + "'")
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    Map<String, Row> byMirror = new LinkedHashMap<>();
    ofStore.forEach(database -> byMirror.putIfAbsent(database.get(StoreMirror.MIRROR).toLowerCase(Locale.ROOT), database));
    if (byMirror.size() > 1) {
      throw reading.problem(StoreMirror.DATABASE, StoreMirror.MIRROR.name(), "one mirror for all the databases of "
          + store.storeName(), byMirror.entrySet().stream().map(mirror -> mirror.getValue().get(StoreMirror.DATABASE_NAME)
              + " " + (mirror.getKey().isEmpty() ? "not mirrored" : "mirrored to " + mirror.getKey()))
              .collect(Collectors.joining(", ")));
    }
    String counted = ofStore.size() + (ofStore.size() == 1 ? " database" : " databases") + " of " + store.storeName();
    Row any = ofStore.get(0);
    if (any.get(StoreMirror.MIRROR).isEmpty()) {
      return new Answer(Optional.empty(), "not mirrored (" + CMDLET + ": " + counted + ", none with a mirror)");
    }
    Fqdn mirror = any.parse(StoreMirror.MIRROR, "the mirror's SQL Server FQDN", Fqdn::of);
    return new Answer(Optional.of(mirror), "mirrored to " + mirror + " (" + CMDLET + ": " + counted + ")");
  }
}
