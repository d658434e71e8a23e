package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.BackEndStore;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Reading;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts.BackupRelationship;
import io.github.lyncupgrade.powershell.internal.ScriptContracts.StoreMirror;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What discovery reads from live cmdlets, reply by reply: a pool's partner (T-4) and a store's
 * mirror (CR-5), each only from an answer that says it, every other reply refused naming it.
 */
class LiveAnswersTest {
  private static final Fqdn POOL = Fqdn.of("pool01.contoso.com");

  @Test
  void t4_aPartnerIsReadFromOneRelationshipAndNoneOnlyFromTheCmdletsOwnObjectNotFound() {
    assertThat(partner(relationship("pool02.contoso.com")).partner()).hasValue(Fqdn.of("pool02.contoso.com"));
    assertThat(partner(error("ObjectNotFound", "Get-CsPoolBackupRelationship")).partner()).isEmpty();
    assertThat(partner(error("ObjectNotFound", "get-cspoolbackuprelationship")).partner()).isEmpty();

    for (Map<String, PsValue> other : List.of(error("ObjectNotFound", ""), error("ObjectNotFound", "Get-CsPool"),
        error("PermissionDenied", "Get-CsPoolBackupRelationship"), error("NotSpecified", "Get-CsPoolBackupRelationship"))) {
      assertThatThrownBy(() -> partner(other)).isInstanceOf(DeploymentException.class)
          .hasMessageContaining("Get-CsPoolBackupRelationship on pool01.contoso.com failed: it threw")
          .hasMessageContaining("says nothing about the pool's partner");
    }
  }

  @Test
  void t4_noAnswerSeveralAnswersOrABackupPoolThatIsNoFqdnAreUnreadable() {
    assertThatThrownBy(() -> partner()).isInstanceOf(UnreadableReplyException.class).hasMessageContaining(
        "backup-relationship.ps1: Get-CsPoolBackupRelationship's BackupPoolFqdn (the reply): expected one backup"
            + " relationship, or the cmdlet's error for a pool without one, got 0 relationships and 0 errors");
    assertThatThrownBy(() -> partner(relationship("pool02.contoso.com"), relationship("pool03.contoso.com")))
        .isInstanceOf(UnreadableReplyException.class).hasMessageContaining("got 2 relationships and 0 errors");
    assertThatThrownBy(() -> partner(relationship("pool 02"))).isInstanceOf(UnreadableReplyException.class)
        .hasMessageContaining("BackupPoolFqdn (Relationship record 1): expected the backup pool's FQDN");
  }

  @Test
  void cr5_aStoresMirrorIsTheOneItsDatabasesNameOrNone() {
    BackEndStore rtc = store("sql01.contoso.com", "RTC");

    assertThat(mirror(rtc, database("xds", "rtc", ""), database("rtcab", "RTC", ""), database("lcscdr", "", "")).mirror())
        .isEmpty();
    StoreMirrors.Answer mirrored = mirror(rtc, database("xds", "rtc", "SQL01M.contoso.com"),
        database("rtcab", "rtc", "sql01m.contoso.com"), database("lcscdr", "", ""));
    assertThat(mirrored.mirror()).hasValue(Fqdn.of("sql01m.contoso.com"));
    assertThat(mirrored.evidence()).isEqualTo("mirrored to sql01m.contoso.com (Test-CsDatabase -ConfiguredDatabases: 2"
        + " databases of sql01.contoso.com\\RTC)");
    assertThat(mirror(store("sql02.contoso.com", null), database("xds", "", "sql02m.contoso.com")).mirror())
        .hasValue(Fqdn.of("sql02m.contoso.com"));
  }

  @Test
  void cr5_databasesThatDisagreeNoneOnTheStoresInstanceOrAMirrorThatIsNoFqdnAreUnreadable() {
    BackEndStore rtc = store("sql01.contoso.com", "RTC");

    assertThatThrownBy(() -> mirror(rtc, database("xds", "rtc", "sql01m.contoso.com"), database("rtcab", "rtc", "")))
        .isInstanceOf(UnreadableReplyException.class).hasMessageContaining("store-mirror.ps1: Test-CsDatabase"
            + " -ConfiguredDatabases's MirrorSqlServerFqdn (the reply): expected one mirror for all the databases of"
            + " sql01.contoso.com\\RTC, got xds mirrored to sql01m.contoso.com, rtcab not mirrored");
    assertThatThrownBy(() -> mirror(rtc, database("lcscdr", "", ""), database("lcslog", "archive", "")))
        .isInstanceOf(UnreadableReplyException.class).hasMessageContaining("SqlInstanceName (the reply): expected"
            + " databases on the store's instance 'RTC', got databases on ['', 'archive']");
    assertThatThrownBy(() -> mirror(rtc, database("xds", "rtc", "sql01m;contoso")))
        .isInstanceOf(UnreadableReplyException.class)
        .hasMessageContaining("MirrorSqlServerFqdn (Database record 1): expected the mirror's SQL Server FQDN");
  }

  @SafeVarargs
  private static BackupRelationships.Answer partner(Map<String, PsValue>... records) {
    return BackupRelationships.read(reading(BackupRelationship.CONTRACT, records), POOL);
  }

  @SafeVarargs
  private static StoreMirrors.Answer mirror(BackEndStore store, Map<String, PsValue>... records) {
    return StoreMirrors.read(reading(StoreMirror.CONTRACT, records), store);
  }

  @SafeVarargs
  private static Reading reading(ScriptContract contract, Map<String, PsValue>... records) {
    return contract.read(new PsReply(Arrays.asList(records), List.of(), List.of(), OptionalInt.empty()), "a read", POOL);
  }

  private static Map<String, PsValue> relationship(String backupPool) {
    return BackupRelationship.CONTRACT.record(BackupRelationship.RELATIONSHIP)
        .with(BackupRelationship.BACKUP_POOL, backupPool).build();
  }

  private static Map<String, PsValue> error(String category, String activity) {
    return BackupRelationship.CONTRACT.record(BackupRelationship.TERMINATING_ERROR)
        .with(BackupRelationship.ERROR_ID, "SomeError").with(BackupRelationship.CATEGORY, category)
        .with(BackupRelationship.ACTIVITY, activity).with(BackupRelationship.MESSAGE, "a message").build();
  }

  private static Map<String, PsValue> database(String name, String instance, String mirror) {
    return StoreMirror.CONTRACT.record(StoreMirror.DATABASE).with(StoreMirror.DATABASE_NAME, name)
        .with(StoreMirror.SQL_INSTANCE, instance).with(StoreMirror.MIRROR, mirror).build();
  }

  private static BackEndStore store(String sqlServer, String instance) {
    Pool.Builder pool = Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com").backEnd(sqlServer);
    if (instance != null) {
      pool.sqlInstance(instance);
    }
    return ((EnterprisePool) Topology.builder().pool(pool).build().pools().get(0))
        .backEnd();
  }
}
