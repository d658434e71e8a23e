package io.github.lyncupgrade.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's values: equal when they describe the same thing, builds ordered part by part. */
class ModelValuesTest {

  @Test
  void aBuildIsAtLeastItselfAndEveryOlderBuildComparedPartByPart() {
    BuildVersion cu = BuildVersion.parse(" 5.0.8308.1001 ");
    assertThat(cu).isEqualTo(new BuildVersion(5, 0, 8308, 1001));
    assertThat(cu.isAtLeast(cu)).isTrue();
    for (BuildVersion older : List.of(new BuildVersion(4, 9, 9999, 9999), new BuildVersion(5, 0, 8307, 9999),
        new BuildVersion(5, 0, 8308, 1000))) {
      assertThat(cu.isAtLeast(older)).as("%s is at least %s", cu, older).isTrue();
      assertThat(older.isAtLeast(cu)).as("%s is older than %s", older, cu).isFalse();
      assertThat(older.compareTo(cu)).isNegative();
    }
    assertThat(new BuildVersion(5, 1, 0, 0).compareTo(cu)).isPositive();
    assertThat(cu.compareTo(new BuildVersion(5, 0, 8308, 1001))).isZero();
  }

  @Test
  void aBuildHasNoNegativePartAndParsesOnlyFourNumbers() {
    assertThat(new BuildVersion(0, 0, 0, 0).isAtLeast(new BuildVersion(0, 0, 0, 0))).isTrue();
    for (int[] parts : new int[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, -1}}) {
      assertThatThrownBy(() -> new BuildVersion(parts[0], parts[1], parts[2], parts[3]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
    for (String text : List.of("5.0.8308", "5.0.8308.1001.1", "5.0.8308.x", "")) {
      assertThatThrownBy(() -> BuildVersion.parse(text)).hasMessageContaining("is not a build version");
    }
  }

  @Test
  void poolsAreEqualWhenEveryPartIs() {
    Pool se = Pool.standard("se01.contoso.com").build();
    assertThat(Pool.standard("SE01.contoso.com").build()).isEqualTo(se).hasSameHashCodeAs(se);
    for (Pool different : List.of(Pool.standard("se02.contoso.com").server("se01.contoso.com").build(),
        Pool.standard("se01.contoso.com").server("se09.contoso.com").build(),
        Pool.standard("se01.contoso.com").partnerPool("se02.contoso.com").build(),
        Pool.standard("se01.contoso.com").product(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015).build())) {
      assertThat(different).isNotEqualTo(se);
      assertThat(se).isNotEqualTo(different);
    }

    Pool pool = Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
        .backEnd("sql01.contoso.com").build();
    assertThat(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
        .backEnd("sql01.contoso.com").build()).isEqualTo(pool).hasSameHashCodeAs(pool);
    assertThat(pool).isNotEqualTo(se);
    for (Pool different : List.of(
        Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe01.contoso.com").backEnd("sql01.contoso.com").build(),
        Pool.enterprise("pool01.contoso.com").upgradeDomain("UD2", "fe01.contoso.com").backEnd("sql01.contoso.com").build(),
        Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com").backEnd("sql02.contoso.com").build(),
        Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com").backEnd("sql01.contoso.com")
            .partnerPool("pool02.contoso.com").build(),
        Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com").backEnd("sql01.contoso.com")
            .product(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019).build())) {
      assertThat(different).isNotEqualTo(pool);
    }
  }

  @Test
  void t2_anUpgradeDomainIsFoundByItsExactName() {
    EnterprisePool pool = (EnterprisePool) Pool.enterprise("pool01.contoso.com")
        .upgradeDomain("UD1", "fe01.contoso.com").upgradeDomain("UD2", "fe02.contoso.com", "fe03.contoso.com")
        .backEnd("sql01.contoso.com").build();

    assertThat(pool.upgradeDomain("UD2")).hasValueSatisfying(domain ->
        assertThat(domain.servers()).containsExactly(Server.of("fe02.contoso.com"), Server.of("fe03.contoso.com")));
    assertThat(pool.upgradeDomain("UD3")).isEmpty();
  }
}
