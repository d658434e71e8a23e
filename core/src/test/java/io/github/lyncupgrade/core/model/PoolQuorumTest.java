package io.github.lyncupgrade.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Microsoft's pool-level quorum table (PROCEDURE, "Facts from Microsoft's cmdlet reference"). */
class PoolQuorumTest {

  private static List<Server> servers(int count) {
    List<Server> servers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      servers.add(Server.of("fe" + i + ".contoso.com"));
    }
    return servers;
  }

  @ParameterizedTest(name = "{0} Front Ends: any {1} of the first {2}")
  @CsvSource({"1,1,1", "2,1,2", "3,2,3", "4,2,4", "5,3,5", "6,3,6", "7,4,7", "8,4,7", "9,4,7", "10,5,9", "11,5,9",
      "12,5,9"})
  void followsMicrosoftsTableNotTheMagazineOne(int frontEnds, int required, int amongFirst) {
    assertThat(PoolQuorum.of(ProductVersion.LYNC_SERVER_2013, frontEnds)).isEqualTo(new PoolQuorum(required, amongFirst));
  }

  @Test
  void countsOnlyTheFirstServersInTopologyOrder() {
    List<Server> twelve = servers(12);
    Set<Server> lastEightAndFirstOne = new HashSet<>(twelve.subList(4, 12));
    lastEightAndFirstOne.add(twelve.get(0));

    PoolQuorum quorum = PoolQuorum.of(ProductVersion.LYNC_SERVER_2013, 12);

    assertThat(quorum.isMetBy(twelve, lastEightAndFirstOne)).isTrue();
    assertThat(quorum.isMetBy(twelve, new HashSet<>(twelve.subList(5, 12)))).as("only fe6..fe9 of the first 9").isFalse();
    assertThat(quorum).hasToString("any 5 of the first 9");
  }

  @ParameterizedTest(name = "Skype for Business Server 2019, {0} Front Ends: any {1} of the first {2}")
  @CsvSource({"2,1,2", "9,4,7", "11,5,9", "12,7,12", "13,7,12", "16,7,12"})
  void skypeForBusiness2019TakesItsOwnRowFromTwelve(int frontEnds, int required, int amongFirst) {
    assertThat(PoolQuorum.of(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019, frontEnds))
        .isEqualTo(new PoolQuorum(required, amongFirst));
  }

  @Test
  void skypeForBusiness2015KeepsLync2013sTable() {
    for (int frontEnds = 1; frontEnds <= 12; frontEnds++) {
      assertThat(PoolQuorum.of(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015, frontEnds))
          .isEqualTo(PoolQuorum.of(ProductVersion.LYNC_SERVER_2013, frontEnds));
    }
  }

  @Test
  void refusesPoolSizesTheProductDoesNotHave() {
    assertThatThrownBy(() -> PoolQuorum.of(ProductVersion.LYNC_SERVER_2013, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PoolQuorum.of(ProductVersion.LYNC_SERVER_2013, 13)).hasMessageContaining("1 to 12");
    assertThatThrownBy(() -> PoolQuorum.of(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019, 17))
        .hasMessageContaining("1 to 16");
  }

  @Test
  void exactlyTheRequiredNumberRunningKeepsQuorumAndOneFewerLosesIt() {
    for (int frontEnds = 2; frontEnds <= 12; frontEnds++) {
      List<Server> pool = servers(frontEnds);
      PoolQuorum quorum = PoolQuorum.of(ProductVersion.LYNC_SERVER_2013, frontEnds);
      Set<Server> required = new HashSet<>(pool.subList(0, quorum.required()));
      Set<Server> oneFewer = new HashSet<>(pool.subList(0, quorum.required() - 1));

      assertThat(quorum.isMetBy(pool, required)).as("%d Front Ends, %s running", frontEnds, required.size()).isTrue();
      assertThat(quorum.countedAmong(pool, required)).isEqualTo(quorum.required());
      assertThat(quorum.isMetBy(pool, oneFewer)).as("%d Front Ends, %s running", frontEnds, oneFewer.size()).isFalse();
    }
  }

  @Test
  void aPoolIsAskedForItsOwnProductAndSize() {
    Pool twelve2019 = Pool.enterprise("pool01.contoso.com").product(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019)
        .upgradeDomain("UD1", servers(12).stream().map(Server::toString).toList()).backEnd("sql01.contoso.com")
        .build();

    assertThat(PoolQuorum.of(twelve2019)).isEqualTo(new PoolQuorum(7, 12));
    assertThat(PoolQuorum.of(Pool.standard("se01.contoso.com").build())).isEqualTo(new PoolQuorum(1, 1));
  }
}
