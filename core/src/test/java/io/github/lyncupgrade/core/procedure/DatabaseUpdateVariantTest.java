package io.github.lyncupgrade.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import org.junit.jupiter.api.Test;

/** PROCEDURE BE-11a/b/c: the variant is a pure function of the pool. */
class DatabaseUpdateVariantTest {
  private static Pool.Builder enterprise() {
    return Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com");
  }

  @Test
  void be11a_enterpriseWithoutCollocatedDatabases() {
    DatabaseUpdateVariant variant = DatabaseUpdateVariant.forPool(enterprise().backEnd("sql01.contoso.com").build());

    assertThat(variant).isEqualTo(DatabaseUpdateVariant.CONFIGURED_DATABASES);
    assertThat(variant.rule()).isEqualTo(ProcedureRule.BE_11A);
    assertThat(variant.command(Fqdn.of("sql01.contoso.com")))
        .isEqualTo("Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com");
  }

  @Test
  void be11b_enterpriseWithCollocatedDatabases() {
    for (CollocatedDatabase database : CollocatedDatabase.values()) {
      DatabaseUpdateVariant variant =
          DatabaseUpdateVariant.forPool(enterprise().backEnd("sql01.contoso.com", database).build());

      assertThat(variant).isEqualTo(DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED);
      assertThat(variant.rule()).isEqualTo(ProcedureRule.BE_11B);
    }
    assertThat(DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED.command(Fqdn.of("sql01.contoso.com")))
        .isEqualTo("Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com"
            + " -ExcludeCollocatedStores");
  }

  @Test
  void be11c_standardEdition() {
    DatabaseUpdateVariant variant = DatabaseUpdateVariant.forPool(Pool.standard("se01.contoso.com").build());

    assertThat(variant).isEqualTo(DatabaseUpdateVariant.LOCAL_DATABASES);
    assertThat(variant.rule()).isEqualTo(ProcedureRule.BE_11C);
    assertThat(variant.command(Fqdn.of("se01.contoso.com"))).isEqualTo("Install-CsDatabase -Update -LocalDatabases");
  }
}
