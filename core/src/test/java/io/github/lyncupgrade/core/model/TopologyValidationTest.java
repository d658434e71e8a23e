package io.github.lyncupgrade.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.lyncupgrade.core.model.TopologyProblem.Kind;
import org.junit.jupiter.api.Test;

/** PROCEDURE T-1..T-4: what a valid topology is, and how every problem is reported with its path. */
class TopologyValidationTest {

  private static Pool.Builder pool01() {
    return Pool.enterprise("pool01.contoso.com")
        .upgradeDomain("UD1", "fe01.contoso.com", "fe02.contoso.com")
        .upgradeDomain("UD2", "fe03.contoso.com")
        .backEnd("sql01.contoso.com", CollocatedDatabase.MONITORING);
  }

  private static InvalidTopologyException invalid(Topology.Builder builder) {
    return catchThrowableOfType(InvalidTopologyException.class, builder::build);
  }

  @Test
  void buildsAValidTopology() {
    Topology topology = Topology.builder()
        .pool(pool01().partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("sql02.contoso.com").partnerPool("POOL01.contoso.com"))
        .pool(Pool.standard("se01.contoso.com"))
        .build();

    assertThat(topology.pools()).extracting(Pool::edition)
        .containsExactly(Edition.ENTERPRISE, Edition.ENTERPRISE, Edition.STANDARD);
    EnterprisePool pool01 = (EnterprisePool) topology.pools().get(0);
    assertThat(pool01.frontEnds()).extracting(Server::toString)
        .containsExactly("fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com");
    assertThat(pool01.backEnd().collocatedDatabases()).containsExactly(CollocatedDatabase.MONITORING);
    assertThat(pool01.partnerPool()).contains(Fqdn.of("pool02.contoso.com"));
    assertThat(((StandardEditionPool) topology.pools().get(2)).server()).isEqualTo(Server.of("se01.contoso.com"));
    assertThat(topology.frontEndCount()).isEqualTo(5);
  }

  @Test
  void aBackEndNamedBothMirroredAndAlwaysOnIsRefusedWhicheverComesLast() {
    for (boolean mirrorFirst : new boolean[] {true, false}) {
      Pool.Builder pool = Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com")
          .backEnd("sql01.contoso.com");
      if (mirrorFirst) {
        pool.mirroredTo("sql01m.contoso.com").alwaysOnListener("ag01.contoso.com");
      } else {
        pool.alwaysOnListener("ag01.contoso.com").mirroredTo("sql01m.contoso.com");
      }

      InvalidTopologyException e = invalid(Topology.builder().pool(pool));

      assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind)
          .containsExactly(tuple("pools[0].backEnd", Kind.MIRRORED_AND_ALWAYS_ON));
    }
  }

  @Test
  void anEmptyDomainIsNamedWithItsPath() {
    InvalidTopologyException e = invalid(Topology.builder()
        .pool(Pool.standard("se01.contoso.com"))
        .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1").backEnd("sql01.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::toString)
        .containsExactly("pools[1].upgradeDomains[0]: upgrade domain 'UD1' has no servers");
  }

  @Test
  void theMessageTheReadmeShows() {
    InvalidTopologyException e = invalid(Topology.builder()
        .pool(Pool.standard("se00.contoso.com"))
        .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1").backEnd("sql01.contoso.com"))
        .pool(Pool.standard("se;01.contoso.com")));

    assertThat(e.getMessage()).isEqualTo("""
        The topology has 2 problems; nothing was planned:
          - pools[1].upgradeDomains[0]: upgrade domain 'UD1' has no servers
          - pools[2].fqdn: 'se;01.contoso.com' contains the character ';' (U+003B) at index 2; \
        only ASCII letters, digits, '-' and '.' are allowed (RFC 1123)""");
  }

  @Test
  void everyProblemIsListedNotJustTheFirst() {
    InvalidTopologyException e = invalid(Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com")
            .upgradeDomain("UD1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UD2", "fe02.contoso.com", "fe;03.contoso.com")
            .upgradeDomain("UD3")
            .backEnd("sql01.contoso.com")
            .partnerPool("pool09.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com").backEnd("fe01.contoso.com"))
        .pool(Pool.standard("se01.contoso.com").upgradeDomain("UD1", "se01.contoso.com")
            .server("a.contoso.com").server("b.contoso.com").backEnd("sql09.contoso.com"))
        .pool(Pool.standard("se02.contoso.com").partnerPool("se02.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind).containsExactly(
        tuple("pools[0].upgradeDomains[1].servers[0]", Kind.SERVER_IN_TWO_DOMAINS),
        tuple("pools[0].upgradeDomains[1].servers[1]", Kind.MALFORMED_FQDN),
        tuple("pools[0].upgradeDomains[2]", Kind.EMPTY_UPGRADE_DOMAIN),
        tuple("pools[1].upgradeDomains", Kind.NO_UPGRADE_DOMAINS),
        tuple("pools[1].backEnd.sqlServer", Kind.DUPLICATE_FQDN),
        tuple("pools[2].upgradeDomains", Kind.STANDARD_WITH_UPGRADE_DOMAINS),
        tuple("pools[2].backEnd", Kind.STANDARD_WITH_BACK_END),
        tuple("pools[2].servers", Kind.STANDARD_SERVER_COUNT),
        tuple("pools[0].partnerPool", Kind.UNKNOWN_PARTNER),
        tuple("pools[3].partnerPool", Kind.SELF_PARTNER));
    assertThat(e.getMessage()).startsWith("The topology has 10 problems; nothing was planned:")
        .contains("pools[0].upgradeDomains[1].servers[0]: server fe02.contoso.com is in upgrade domains 'UD1' and 'UD2'")
        .contains("pools[0].upgradeDomains[1].servers[1]: 'fe;03.contoso.com' contains the character ';' (U+003B)");
  }

  @Test
  void duplicateFqdnsAnywhereAreRefused() {
    InvalidTopologyException e = invalid(Topology.builder()
        .pool(pool01())
        .pool(Pool.enterprise("FE01.contoso.com").upgradeDomain("UD1", "fe03.contoso.com").backEnd("sql02.contoso.com"))
        .pool(Pool.standard("pool01.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::toString).containsExactly(
        "pools[1].fqdn: fe01.contoso.com is already used at pools[0].upgradeDomains[0].servers[0]",
        "pools[1].upgradeDomains[0].servers[0]: fe03.contoso.com is already used at pools[0].upgradeDomains[1].servers[0]",
        "pools[2].fqdn: pool01.contoso.com is already used at pools[0]");
  }

  @Test
  void aPartnerMustPairBack() {
    InvalidTopologyException e = invalid(Topology.builder()
        .pool(pool01().partnerPool("pool02.contoso.com"))
        .pool(Pool.standard("pool02.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::toString).containsExactly(
        "pools[0].partnerPool: the pool pairs with pool02.contoso.com (pools[1]), but that pool pairs with no pool;"
            + " disaster-recovery pairs name each other");
  }

  @Test
  void domainNamesAreCheckedAndUnique() {
    InvalidTopologyException e = invalid(Topology.builder().pool(Pool.enterprise("pool01.contoso.com")
        .upgradeDomain("UD 1", "fe01.contoso.com")
        .upgradeDomain("ud2", "fe02.contoso.com")
        .upgradeDomain("UD2", "fe03.contoso.com")
        .upgradeDomain("back-end", "fe04.contoso.com")
        .upgradeDomain(null, "fe05.contoso.com")
        .backEnd("sql01.contoso.com").sqlInstance("RTC;drop")));

    assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind).containsExactly(
        tuple("pools[0].upgradeDomains[0].name", Kind.INVALID_DOMAIN_NAME),
        tuple("pools[0].upgradeDomains[2].name", Kind.DUPLICATE_DOMAIN_NAME),
        tuple("pools[0].upgradeDomains[3].name", Kind.INVALID_DOMAIN_NAME),
        tuple("pools[0].upgradeDomains[4].name", Kind.INVALID_DOMAIN_NAME),
        tuple("pools[0].backEnd.sqlInstance", Kind.INVALID_SQL_INSTANCE));
  }

  @Test
  void anEnterprisePoolNeedsABackEndAndAtMostTwelveFrontEnds() {
    Pool.Builder big = Pool.enterprise("pool01.contoso.com");
    for (int i = 1; i <= 13; i++) {
      big.upgradeDomain("UD" + i, "fe" + i + ".contoso.com");
    }
    InvalidTopologyException e = invalid(Topology.builder().pool(big));

    assertThat(e.problems()).extracting(TopologyProblem::kind)
        .containsExactly(Kind.TOO_MANY_FRONT_ENDS, Kind.MISSING_BACK_END);
  }

  @Test
  void twoPoolsCannotShareOneStore() {
    InvalidTopologyException e = invalid(Topology.builder()
        .pool(pool01())
        .pool(Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("SQL01.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind)
        .containsExactly(tuple("pools[1].backEnd", Kind.SHARED_BACK_END));
  }

  @Test
  void twoPoolsMayShareASqlServerOnDifferentInstances() {
    Topology topology = Topology.builder()
        .pool(pool01().sqlInstance("RTC1"))
        .pool(Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("sql01.contoso.com").sqlInstance("RTC2"))
        .build();

    assertThat(topology.pools()).hasSize(2);
  }

  @Test
  void anEmptyTopologyIsRefused() {
    assertThat(invalid(Topology.builder()).problems()).extracting(TopologyProblem::kind)
        .containsExactly(Kind.EMPTY_TOPOLOGY);
  }

  @Test
  void aPoolBuiltAloneIsValidatedWithItsOwnPath() {
    InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class,
        () -> Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1").backEnd("sql01.contoso.com").build());

    assertThat(e.problems()).extracting(TopologyProblem::toString)
        .containsExactly("pool.upgradeDomains[0]: upgrade domain 'UD1' has no servers");
  }

  @Test
  void builtPoolsRoundTripThroughATopology() {
    Pool built = pool01().sqlInstance("RTC").build();

    Topology topology = Topology.builder().pool(built).pool(Pool.standard("se01.contoso.com").build()).build();

    assertThat(topology.pools().get(0)).isEqualTo(built);
  }

  private static Pool.Builder frontEnds(String pool, ProductVersion product, int count) {
    Pool.Builder builder = Pool.enterprise(pool).product(product).backEnd("sql-" + pool);
    for (int i = 1; i <= count; i++) {
      builder.upgradeDomain("UD" + i, "fe" + i + "-" + pool);
    }
    return builder;
  }

  @Test
  void eachProductHasItsOwnLimitOfFrontEnds() {
    assertThat(Topology.builder().pool(frontEnds("a.contoso.com", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019, 16))
        .build().pools()).singleElement().satisfies(pool -> {
          assertThat(pool.frontEnds()).hasSize(16);
          assertThat(pool.product()).isEqualTo(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019);
        });

    InvalidTopologyException e = invalid(Topology.builder()
        .pool(frontEnds("a.contoso.com", ProductVersion.LYNC_SERVER_2013, 13))
        .pool(frontEnds("b.contoso.com", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015, 13))
        .pool(frontEnds("c.contoso.com", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019, 17)));

    assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind, TopologyProblem::message)
        .containsExactly(
            tuple("pools[0].upgradeDomains", Kind.TOO_MANY_FRONT_ENDS,
                "the pool has 13 Front End servers; Lync Server 2013 supports at most 12 in an Enterprise Edition pool"),
            tuple("pools[1].upgradeDomains", Kind.TOO_MANY_FRONT_ENDS, "the pool has 13 Front End servers; Skype for"
                + " Business Server 2015 supports at most 12 in an Enterprise Edition pool"),
            tuple("pools[2].upgradeDomains", Kind.TOO_MANY_FRONT_ENDS, "the pool has 17 Front End servers; Skype for"
                + " Business Server 2019 supports at most 16 in an Enterprise Edition pool"));
  }

  @Test
  void highlyAvailableBackEndsThePairsProductAndTheCentralManagementStoresPoolAreChecked() {
    InvalidTopologyException e = invalid(Topology.builder()
        .centralManagementStore("pool09.contoso.com")
        .pool(pool01().alwaysOnListener(null).partnerPool("pool02.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com").product(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015)
            .upgradeDomain("UD1", "fe11.contoso.com").backEnd("sql02.contoso.com").mirroredTo("not a name")
            .partnerPool("pool01.contoso.com"))
        .pool(Pool.standard("se01.contoso.com").mirroredTo("sql03.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind).containsExactly(
        tuple("pools[0].backEnd.listener", Kind.MISSING_LISTENER),
        tuple("pools[1].backEnd.mirror", Kind.MALFORMED_FQDN),
        tuple("pools[2].backEnd", Kind.STANDARD_WITH_BACK_END),
        tuple("pools[0].partnerPool", Kind.PARTNER_PRODUCT_MISMATCH),
        tuple("centralManagementStore", Kind.UNKNOWN_CENTRAL_MANAGEMENT_STORE_POOL));
    assertThat(e.problems().get(3).message()).isEqualTo("the pool runs Lync Server 2013 but its disaster-recovery"
        + " partner pool02.contoso.com runs Skype for Business Server 2015; paired pools run the same product");
  }

  @Test
  void aStoresHighAvailabilityDecidesWhereItsDatabasesAreReached() {
    Topology topology = Topology.builder()
        .centralManagementStore("pool01.contoso.com")
        .pool(pool01().alwaysOnListener("ag01.contoso.com"))
        .pool(Pool.enterprise("pool02.contoso.com").upgradeDomain("UD1", "fe11.contoso.com")
            .backEnd("sql02.contoso.com").mirroredTo("sql02m.contoso.com"))
        .build();

    BackEndStore alwaysOn = ((EnterprisePool) topology.pools().get(0)).backEnd();
    BackEndStore mirrored = ((EnterprisePool) topology.pools().get(1)).backEnd();
    assertThat(alwaysOn.highAvailability()).isEqualTo(BackEndHighAvailability.ALWAYS_ON);
    assertThat(alwaysOn.databaseTarget()).isEqualTo(Fqdn.of("ag01.contoso.com"));
    assertThat(alwaysOn.mirror()).isEmpty();
    assertThat(mirrored.mirror()).hasValue(Fqdn.of("sql02m.contoso.com"));
    assertThat(mirrored.databaseTarget()).isEqualTo(Fqdn.of("sql02.contoso.com"));
    assertThat(topology.hostsCentralManagementStore(Fqdn.of("pool01.contoso.com"))).isTrue();
    assertThat(Topology.builder().pool(topology.pools().get(0)).pool(topology.pools().get(1))
        .centralManagementStore("pool01.contoso.com").build()).as("a pool copied keeps its store's kind")
        .isEqualTo(topology);
  }

  @Test
  void t1_aStandardEditionServerNamedApartFromItsPoolIsOneMoreNameTakenButItsPoolsOwnNameIsNot() {
    Topology sameName = Topology.builder().pool(Pool.standard("se01.contoso.com").server("SE01.contoso.com")).build();
    assertThat(((StandardEditionPool) sameName.pools().get(0)).server()).isEqualTo(Server.of("se01.contoso.com"));

    InvalidTopologyException e = invalid(Topology.builder()
        .pool(pool01())
        .pool(Pool.standard("se01.contoso.com").server("fe02.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::toString).containsExactly(
        "pools[1].servers[0]: fe02.contoso.com is already used at pools[0].upgradeDomains[0].servers[1]");
  }

  @Test
  void t2_anEnterprisePoolsFrontEndsAreListedByUpgradeDomainNotAsLoneServers() {
    InvalidTopologyException e = invalid(Topology.builder().pool(Pool.enterprise("pool01.contoso.com")
        .upgradeDomain("UD1", "fe01.contoso.com").server("fe02.contoso.com").backEnd("sql01.contoso.com")));

    assertThat(e.problems()).extracting(TopologyProblem::path, TopologyProblem::kind)
        .containsExactly(tuple("pools[0].servers", Kind.FRONT_END_WITHOUT_DOMAIN));
  }

  @Test
  void t4_aPoolBuiltAloneMayNotBeItsOwnPartnerAndItsPartnersNameIsChecked() {
    InvalidTopologyException self = catchThrowableOfType(InvalidTopologyException.class,
        () -> Pool.standard("se01.contoso.com").partnerPool("SE01.contoso.com").build());
    assertThat(self.problems()).extracting(TopologyProblem::path, TopologyProblem::kind)
        .containsExactly(tuple("pool.partnerPool", Kind.SELF_PARTNER));

    InvalidTopologyException malformed = catchThrowableOfType(InvalidTopologyException.class,
        () -> Pool.standard("se01.contoso.com").partnerPool("se02").build());
    assertThat(malformed.problems()).extracting(TopologyProblem::path, TopologyProblem::kind)
        .containsExactly(tuple("pool.partnerPool", Kind.MALFORMED_FQDN));

    assertThat(Pool.standard("se01.contoso.com").partnerPool("se02.contoso.com").build().partnerPool())
        .contains(Fqdn.of("se02.contoso.com"));
  }
}
