package io.github.lyncupgrade.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fault that names something the fake's topology does not have would never fire, and a test
 * that trusts it would pass without the failure it meant to inject: the fake refuses it when it is
 * built, naming every such fault, as it does timings for an unknown name. On the samples: contoso
 * (pool01 with sql01, pool02 with sql02, se01) and the 2015 one (pool10 behind the AlwaysOn
 * listener ag10, pool11, se12).
 */
class FaultsThatStrikeNothingTest {
  private static final Topology CONTOSO = SampleTopologies.contoso();

  private static FakeDeployment.Builder contosoWith(Fault... faults) {
    return FakeDeployment.builder(CONTOSO).faults(faults);
  }

  @Test
  void anUnknownServerAndAnUnknownPoolAreRefusedNamingEachWithItsFault() {
    assertThatThrownBy(() -> contosoWith(Fault.installFails("fe99.contoso.com"), Fault.crashAfterCall(3),
        Fault.busy("pool09.contoso.com", 2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("faults name what the fake's topology does not have:"
            + " fe99.contoso.com is no server of the fake's topology"
            + " (the next install on fe99.contoso.com fails (exit code 1603));"
            + " pool09.contoso.com is no pool of the fake's topology"
            + " (the next 2 readiness checks of pool09.contoso.com report Busy)");
  }

  @Test
  void everyServerFaultNeedsAServerOfTheTopologyAFrontEndABackEndOrAStandardEditionServer() {
    List<String> servers = List.of("fe01.contoso.com", "fe14.contoso.com", "sql01.contoso.com", "se01.contoso.com");
    for (String server : servers) {
      List<Fault> faults = List.of(Fault.installFails(server), Fault.installRequiresRestart(server),
          Fault.neverComesBack(server), Fault.servicesFailToStart(server));
      assertThat(FakeDeployment.builder(CONTOSO).faults(FaultSchedule.of(faults)).build().pendingFaults())
          .as(server).isEqualTo(faults);
    }
    assertThatThrownBy(() -> contosoWith(Fault.installFails("pool01.contoso.com"),
        Fault.installRequiresRestart("fe07.contoso.com"), Fault.neverComesBack("sql03.contoso.com"),
        Fault.servicesFailToStart("se02.contoso.com")).build())
        .hasMessageContaining("pool01.contoso.com is no server").hasMessageContaining("fe07.contoso.com is no server")
        .hasMessageContaining("sql03.contoso.com is no server").hasMessageContaining("se02.contoso.com is no server");
  }

  /** FE-1, FE-2, CR-2, CR-3: readiness and fabric exist in Enterprise pools only. */
  @Test
  void readinessAndFabricFaultsNeedAnEnterprisePool() {
    List<Fault> forAStandardEditionPool = List.of(Fault.busy("se01.contoso.com", 1),
        Fault.busyLater("se01.contoso.com", 0), Fault.insufficientActiveFrontEnds("se01.contoso.com", 1),
        Fault.replicasMissing("se01.contoso.com"), Fault.routingGroupsMove("se01.contoso.com"));
    for (Fault fault : forAStandardEditionPool) {
      assertThatThrownBy(() -> contosoWith(fault).build()).as(fault.describe())
          .hasMessageContaining("se01.contoso.com is a Standard Edition pool, without the upgrade domains and fabric"
              + " this fault acts on (" + fault.describe() + ")");
    }
    for (String pool : List.of("pool01.contoso.com", "pool02.contoso.com")) {
      assertThat(contosoWith(Fault.busy(pool, 1), Fault.busyLater(pool, 0), Fault.insufficientActiveFrontEnds(pool, 1),
          Fault.replicasMissing(pool), Fault.routingGroupsMove(pool)).build().pendingFaults()).hasSize(5);
    }
  }

  @Test
  void syntheticTransactionsAndDatabasesFailInAnyPoolOfTheTopology() {
    for (String pool : List.of("pool01.contoso.com", "se01.contoso.com")) {
      assertThat(contosoWith(Fault.syntheticTransactionsFail(pool), Fault.databaseUpdateIncomplete(pool, "rtcxds"))
          .build().pendingFaults()).as(pool).hasSize(2);
    }
    assertThatThrownBy(() -> contosoWith(Fault.syntheticTransactionsFail("pool03.contoso.com"),
        Fault.databaseUpdateIncomplete("pool04.contoso.com", "rtcab")).build())
        .hasMessageContaining("pool03.contoso.com is no pool").hasMessageContaining("pool04.contoso.com is no pool");
  }

  /** BE-11, CR-7: only a pool's own databases are updated, so only they can be left behind. */
  @Test
  void aDatabaseLeftBehindIsOneOfThePoolsOwn() {
    for (String database : FakeDatabases.POOL_DATABASES) {
      assertThat(contosoWith(Fault.databaseUpdateIncomplete("pool01.contoso.com", database)).build().pendingFaults())
          .hasSize(1);
    }
    assertThatThrownBy(() -> contosoWith(Fault.databaseUpdateIncomplete("pool01.contoso.com", "monitoring")).build())
        .hasMessageContaining("monitoring is no database of pool01.contoso.com, whose own databases are"
            + " rtcxds, rtcshared, rtcab, rtcdyn");
  }

  /** FE-2, FE-3: a domain held back, or a fault waiting for a domain, names one of the pool's upgrade domains. */
  @Test
  void aDomainHeldBackOrWaitedForIsAnUpgradeDomainOfThePool() {
    assertThat(contosoWith(Fault.domainNotReady("pool02.contoso.com", "UpgradeDomain2", 1),
        Fault.busy("pool01.contoso.com", 1).beforeDomain("UpgradeDomain3")).build().pendingFaults()).hasSize(2);

    assertThatThrownBy(() -> contosoWith(Fault.domainNotReady("pool02.contoso.com", "UpgradeDomain3", 1),
        Fault.busy("pool01.contoso.com", 1).beforeDomain("UpgradeDomain4"),
        Fault.domainNotReady("se01.contoso.com", "UpgradeDomain1", 1),
        Fault.beforeDomain("pool05.contoso.com", "UpgradeDomain1", Fault.installFails("fe01.contoso.com"))).build())
        .hasMessageContaining("UpgradeDomain3 is no upgrade domain of pool02.contoso.com")
        .hasMessageContaining("UpgradeDomain4 is no upgrade domain of pool01.contoso.com")
        .hasMessageContaining("se01.contoso.com is a Standard Edition pool")
        .hasMessageContaining("pool05.contoso.com is no pool");
  }

  @Test
  void aFaultHeldBackForADomainIsCheckedItselfToo() {
    assertThatThrownBy(() -> contosoWith(
        Fault.beforeDomain("pool01.contoso.com", "UpgradeDomain2", Fault.installFails("fe66.contoso.com"))).build())
        .hasMessage("faults name what the fake's topology does not have: fe66.contoso.com is no server of the"
            + " fake's topology (the next install on fe66.contoso.com fails (exit code 1603), once UpgradeDomain2 of"
            + " pool01.contoso.com is next)");
  }

  /** A crash after an operation names that operation's target: a server, a pool, or a store's SQL Server (CR-6). */
  @Test
  void aCrashAfterAnOperationNamesATargetOfTheKindThatOperationHas() {
    FakeDeployment skype = FakeDeployment.builder(SampleTopologies.skypeForBusiness2015()).faults(
        Fault.crashAfter(Operation.UPDATE_DATABASES, "ag10.fabrikam.com"),
        Fault.crashAfter(Operation.TEST_DATABASES, "se12.fabrikam.com"),
        Fault.crashAfter(Operation.POOL_FAILOVER, "pool10.fabrikam.com"),
        Fault.crashAfter(Operation.COMPUTER_FAILOVER, "fe101.fabrikam.com"),
        Fault.crashAfter(Operation.STOP_SERVICES, "sql10a.fabrikam.com")).build();
    assertThat(skype.pendingFaults()).hasSize(5);

    assertThatThrownBy(() -> FakeDeployment.builder(SampleTopologies.skypeForBusiness2015()).faults(
        Fault.crashAfter(Operation.UPDATE_DATABASES, "sql10a.fabrikam.com"),
        Fault.crashAfter(Operation.STOP_SERVICES, "pool11.fabrikam.com"),
        Fault.crashAfter(Operation.FABRIC_STATE, "fe111.fabrikam.com")).build())
        .hasMessage("faults name what the fake's topology does not have:"
            + " sql10a.fabrikam.com is no database server of the fake's topology (a pool's databases are reached"
            + " through its AlwaysOn listener where it has one, else its Back End), which Install-CsDatabase is aimed"
            + " at (the controlling process crashes after the next"
            + " Install-CsDatabase on sql10a.fabrikam.com);"
            + " pool11.fabrikam.com is no server of the fake's topology, which Stop-CsWindowsService is aimed at"
            + " (the controlling process crashes after the next Stop-CsWindowsService on pool11.fabrikam.com);"
            + " fe111.fabrikam.com is no pool of the fake's topology, which Get-CsPoolFabricState is aimed at"
            + " (the controlling process crashes after the next Get-CsPoolFabricState on fe111.fabrikam.com)");
  }

  @Test
  void faultsThatStrikeACallByItsNumberNameNothingToCheck() {
    assertThat(contosoWith(Fault.crashAfterCall(1000), Fault.callFails(999, true)).build().pendingFaults()).hasSize(2);
  }

  @Test
  void everyDrawnScheduleStrikesWhatItsTopologyHas() {
    for (Topology topology : List.of(CONTOSO, SampleTopologies.skypeForBusiness2015())) {
      for (long seed = 0; seed < 200; seed++) {
        FaultSchedule drawn = FaultSchedule.random(seed, topology, 50);
        assertThat(FakeDeployment.builder(topology).faults(drawn).build().pendingFaults())
            .as("seed %d", seed).isEqualTo(drawn.faults());
      }
    }
  }
}
