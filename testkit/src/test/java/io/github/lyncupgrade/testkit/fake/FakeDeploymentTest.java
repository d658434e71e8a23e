package io.github.lyncupgrade.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.DomainReadiness;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.deployment.ServerUnreachableException;
import io.github.lyncupgrade.core.deployment.UpdateInstallFailedException;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake's state machine on the sample topology: pool01 (6 FEs, 3 domains), pool02 (4 FEs, 2 domains), se01. */
class FakeDeploymentTest {
  private static final ProductVersion LYNC = ProductVersion.LYNC_SERVER_2013;

  private static final UpdatePackage CU = UpdatePackage.of("C:\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001");
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");
  private static final Fqdn POOL02 = Fqdn.of("pool02.contoso.com");

  private final FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());

  private static Fqdn fqdn(String name) {
    return Fqdn.of(name);
  }

  private PoolReadiness readiness() {
    return fake.poolReadiness(POOL01, fqdn("fe05.contoso.com"), LYNC);
  }

  @Test
  void fe1_aHealthyPoolIsReadyWithEveryDomainReadyForUpgrade() {
    PoolReadiness readiness = readiness();

    assertThat(readiness.state()).isEqualTo(PoolUpgradeState.READY);
    assertThat(readiness.frontEndCount()).isEqualTo(6);
    assertThat(readiness.activeFrontEnds()).isEqualTo(6);
    assertThat(readiness.upgradeDomains()).extracting(DomainReadiness::name, DomainReadiness::readyForUpgrade)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("UpgradeDomain1", true),
            org.assertj.core.groups.Tuple.tuple("UpgradeDomain2", true),
            org.assertj.core.groups.Tuple.tuple("UpgradeDomain3", true));
    assertThat(fake.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fe1_theReadinessCmdletOnlyRunsOnAFrontEndOfThePool() {
    assertThatThrownBy(() -> fake.poolReadiness(POOL01, fqdn("fe11.contoso.com"), LYNC))
        .isInstanceOf(DeploymentException.class).hasMessageContaining("not a Front End of pool01.contoso.com");
    assertThatThrownBy(() -> fake.poolReadiness(fqdn("se01.contoso.com"), fqdn("se01.contoso.com"), LYNC))
        .hasMessageContaining("Standard Edition pool has no upgrade domains");
  }

  @Test
  void fe2a_aGracefulStopDrainsThenStops() {
    fake.stopServices(fqdn("fe01.contoso.com"), true);

    assertThat(fake.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.STOPPED);
    assertThat(fake.history().events(FakeEvent.ServerStateChanged.class))
        .extracting(FakeEvent.ServerStateChanged::to).containsExactly(ServerState.DRAINING, ServerState.STOPPED);
    assertThat(fake.clock().elapsed()).isEqualTo(Duration.ofMinutes(5));
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class)).singleElement()
        .satisfies(stop -> assertThat(stop.domainReadyForUpgrade()).isTrue());
  }

  @Test
  void fe2_whileOneDomainIsDownTheOthersAreNotReadyForUpgrade() {
    fake.stopServices(fqdn("fe01.contoso.com"), false);

    PoolReadiness readiness = readiness();
    assertThat(readiness.isReadyForUpgrade("UpgradeDomain1")).isTrue();
    assertThat(readiness.isReadyForUpgrade("UpgradeDomain2")).isFalse();
    assertThat(readiness.activeFrontEnds()).isEqualTo(5);

    fake.stopServices(fqdn("fe03.contoso.com"), false);
    History history = fake.history();
    assertThat(history.stopsWhileDomainNotReady()).extracting(FakeEvent.ServicesStopped::server)
        .containsExactly(fqdn("fe03.contoso.com"));
    assertThat(history.maxDomainsDownAtOnce(POOL01)).isEqualTo(2);
    assertThat(history.firstTimeSeveralDomainsWereDown(POOL01)).hasValueSatisfying(down ->
        assertThat(down).containsOnlyKeys("UpgradeDomain1", "UpgradeDomain2"));
  }

  @Test
  void fe2b_theInstallerRefusesARunningServerAndUpdatesAStoppedOne() {
    Fqdn fe01 = fqdn("fe01.contoso.com");
    assertThatThrownBy(() -> fake.installUpdate(fe01, CU)).hasMessageContaining("stop them first");

    fake.stopServices(fe01, true);
    fake.installUpdate(fe01, CU);

    assertThat(fake.inspect().version("fe01.contoso.com")).isEqualTo(BuildVersion.parse("5.0.8308.1001"));
    assertThat(fake.history().timesUpdated(fe01)).isEqualTo(1);
    assertThat(fake.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.STOPPED);
  }

  @Test
  void fe2c_aRestartBringsTheServerBackAndThePoolIsBusyWhileItRebalances() {
    Fqdn fe01 = fqdn("fe01.contoso.com");
    fake.stopServices(fe01, true);
    fake.installUpdate(fe01, CU);
    fake.restart(fe01);

    assertThat(fake.serverStatus(fe01).servicesRunning()).isTrue();
    assertThat(readiness().state()).isEqualTo(PoolUpgradeState.BUSY);
    fake.clock().advance(Duration.ofMinutes(5));
    assertThat(readiness().state()).isEqualTo(PoolUpgradeState.READY);
  }

  @Test
  void quorum_belowMicrosoftsTableTheRemainingFrontEndsStopToo() {
    fake.stopServices(fqdn("fe11.contoso.com"), false);
    fake.stopServices(fqdn("fe12.contoso.com"), false);
    assertThat(fake.inspect().state("fe13.contoso.com")).isEqualTo(ServerState.RUNNING);

    fake.stopServices(fqdn("fe13.contoso.com"), false);

    assertThat(fake.inspect().state("fe14.contoso.com")).isEqualTo(ServerState.STOPPED);
    assertThat(fake.history().events(FakeEvent.QuorumLost.class)).singleElement()
        .satisfies(loss -> assertThat(loss.running()).isEqualTo(1));
    assertThatThrownBy(() -> fake.poolReadiness(POOL02, fqdn("fe14.contoso.com"), LYNC))
        .hasMessageContaining("Lync services are not running");
  }

  @Test
  void quorumLossIsReportedAsInsufficientActiveFrontEnds() {
    fake.stopServices(fqdn("fe11.contoso.com"), false);
    fake.stopServices(fqdn("fe12.contoso.com"), false);
    fake.stopServices(fqdn("fe13.contoso.com"), false);
    fake.restart(fqdn("fe11.contoso.com"));

    assertThat(fake.poolReadiness(POOL02, fqdn("fe11.contoso.com"), LYNC).state())
        .isEqualTo(PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS);
  }

  @Test
  void be0_aBackEndDownThirtyMinutesPutsUsersIntoResiliencyMode() {
    Fqdn sql01 = fqdn("sql01.contoso.com");
    fake.stopWebService(sql01);
    fake.clock().advance(Duration.ofMinutes(10));
    fake.startWebService(sql01);
    fake.stopWebService(sql01);
    fake.clock().advance(Duration.ofMinutes(30));
    fake.startWebService(sql01);

    History history = fake.history();
    assertThat(history.backEndDowntimes(POOL01))
        .containsExactly(Duration.ofMinutes(10).plusSeconds(20), Duration.ofMinutes(30).plusSeconds(20));
    assertThat(history.usersWentIntoResiliencyMode(POOL01)).isTrue();
    assertThat(history.usersWentIntoResiliencyMode(POOL02)).isFalse();
  }

  @Test
  void be11_theWrongDatabaseVariantFailsAndIsRecorded() {
    Fqdn sql01 = fqdn("sql01.contoso.com");
    assertThatThrownBy(() -> fake.updateDatabases(POOL01, DatabaseUpdateVariant.CONFIGURED_DATABASES, sql01))
        .isInstanceOf(DeploymentException.class).hasMessageContaining("-ExcludeCollocatedStores (BE-11b)");
    fake.updateDatabases(POOL01, DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED, sql01);

    assertThat(fake.history().databaseUpdates(POOL01)).containsExactly(
        DatabaseUpdateVariant.CONFIGURED_DATABASES, DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED);
    assertThatThrownBy(() -> fake.updateDatabases(POOL01, DatabaseUpdateVariant.CONFIGURED_DATABASES, fqdn("sql02.contoso.com")))
        .hasMessageContaining("the databases of pool01.contoso.com are reached through sql01.contoso.com");
  }

  @Test
  void fe1c_failoverNeedsThePartnerAndFailbackNeedsAFailover() {
    assertThatThrownBy(() -> fake.failBack(POOL01, POOL02)).hasMessageContaining("not failed over");
    assertThatThrownBy(() -> fake.failOver(POOL01, fqdn("se01.contoso.com"), PoolFailoverMode.PLANNED)).hasMessageContaining("is not the disaster-recovery partner");

    fake.failOver(POOL01, POOL02, PoolFailoverMode.PLANNED);
    assertThat(fake.inspect().isFailedOver("pool01.contoso.com")).isTrue();
    assertThatThrownBy(() -> fake.failOver(POOL02, POOL01, PoolFailoverMode.PLANNED)).hasMessageContaining("is itself failed over");
    fake.failBack(POOL01, POOL02);

    assertThat(fake.inspect().isFailedOver("pool01.contoso.com")).isFalse();
    assertThat(fake.history().events(FakeEvent.PoolFailedOver.class)).hasSize(1);
    assertThat(fake.history().events(FakeEvent.PoolFailedBack.class)).hasSize(1);
  }

  /** Microsoft's reference: without -DisasterMode the pool still runs; a pool none of whose Front Ends runs needs it. */
  @Test
  void fe1c_aPlannedFailoverNeedsThePoolRunningADisasterModeOneDoesNot() {
    fake.stopServices(fqdn("fe11.contoso.com"), false);
    fake.stopServices(fqdn("fe12.contoso.com"), false);
    fake.stopServices(fqdn("fe13.contoso.com"), false);
    assertThat(fake.inspect().state("fe14.contoso.com")).as("quorum lost: the last one stops too").isEqualTo(ServerState.STOPPED);

    assertThatThrownBy(() -> fake.failOver(POOL02, POOL01, PoolFailoverMode.PLANNED))
        .hasMessageContaining("none of its Front Ends runs").hasMessageContaining("-DisasterMode");
    fake.failOver(POOL02, POOL01, PoolFailoverMode.DISASTER);

    assertThat(fake.inspect().isFailedOver("pool02.contoso.com")).isTrue();
  }

  @Test
  void cr9_theStoreFailoverRunsOnAServerOfThePoolThatTakesIt() {
    FakeDeployment skype = FakeDeployment.of(SampleTopologies.skypeForBusiness2015());
    Fqdn pool10 = fqdn("pool10.fabrikam.com");

    assertThatThrownBy(() -> skype.failOverCentralManagementStore(pool10, "sql11.fabrikam.com",
        fqdn("fe101.fabrikam.com"), PoolFailoverMode.PLANNED))
        .hasMessageContaining("fe101.fabrikam.com is not a server of pool11.fabrikam.com");
    skype.failOverCentralManagementStore(pool10, "sql11.fabrikam.com", fqdn("fe111.fabrikam.com"),
        PoolFailoverMode.PLANNED);

    assertThat(skype.history().events(FakeEvent.CentralManagementStoreMoved.class)).hasSize(1);
  }

  @Test
  void standardEditionServersTakeTheBackEndProcedure() {
    Fqdn se01 = fqdn("se01.contoso.com");
    fake.stopServices(se01, false);
    fake.stopWebService(se01);
    fake.installUpdate(se01, CU);
    fake.startWebService(se01);
    fake.updateDatabases(se01, DatabaseUpdateVariant.LOCAL_DATABASES, se01);
    fake.startServices(se01);

    assertThat(fake.serverStatus(se01).servicesRunning()).isTrue();
    assertThat(fake.inspect().version("se01.contoso.com")).isEqualTo(CU.targetVersion());
    assertThat(fake.isCsAdministrator(se01)).isTrue();
  }

  @Test
  void unknownServersAndClosedFakesAreRefused() {
    assertThatThrownBy(() -> fake.serverStatus(fqdn("fe99.contoso.com")))
        .hasMessageContaining("is not a server of this fake's topology");
    fake.close();
    assertThatThrownBy(() -> fake.serverStatus(fqdn("fe01.contoso.com")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void everyCallIsNumberedInTheHistory() {
    readiness();
    fake.serverStatus(fqdn("fe01.contoso.com"));

    assertThat(fake.history().events(FakeEvent.OperationCalled.class))
        .extracting(FakeEvent.OperationCalled::call, FakeEvent.OperationCalled::operation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Operation.POOL_UPGRADE_READINESS),
            org.assertj.core.groups.Tuple.tuple(2, Operation.SERVER_STATUS));
    assertThat(fake.history().callCount()).isEqualTo(2);
  }

  // ---- faults ----

  @Test
  void fault_busyForTwoChecksThenReady() {
    FakeDeployment busy = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.busy("pool01.contoso.com", 2)).build();

    assertThat(busy.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC).state()).isEqualTo(PoolUpgradeState.BUSY);
    assertThat(busy.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC).state()).isEqualTo(PoolUpgradeState.BUSY);
    assertThat(busy.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC).state()).isEqualTo(PoolUpgradeState.READY);
    assertThat(busy.pendingFaults()).isEmpty();
    assertThat(busy.history().events(FakeEvent.FaultFired.class)).hasSize(2);
  }

  @Test
  void fault_insufficientActiveFrontEnds() {
    FakeDeployment insufficient = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.insufficientActiveFrontEnds("pool01.contoso.com", 1)).build();

    PoolReadiness readiness = insufficient.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC);
    assertThat(readiness.state()).isEqualTo(PoolUpgradeState.INSUFFICIENT_ACTIVE_FRONT_ENDS);
    assertThat(readiness.upgradeDomains()).noneMatch(DomainReadiness::readyForUpgrade);
    assertThat(insufficient.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC).state()).isEqualTo(PoolUpgradeState.READY);
  }

  @Test
  void fault_anInstallThatFailsLeavesTheOldBuild() {
    FakeDeployment failing = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.installFails("fe01.contoso.com")).build();
    failing.stopServices(fqdn("fe01.contoso.com"), true);

    assertThatThrownBy(() -> failing.installUpdate(fqdn("fe01.contoso.com"), CU))
        .isInstanceOfSatisfying(UpdateInstallFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(1603);
          assertThat(e.logLocation()).contains("LyncServerUpdateInstaller.log");
        });
    assertThat(failing.inspect().version("fe01.contoso.com")).isEqualTo(FakeDeployment.DEFAULT_INITIAL_VERSION);
    assertThat(failing.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.STOPPED);
    assertThat(failing.history().timesUpdated(fqdn("fe01.contoso.com"))).isZero();
  }

  @Test
  void fault_aServerThatNeverComesBackIsUnreachable() {
    FakeDeployment lost = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.neverComesBack("fe01.contoso.com")).build();

    assertThatThrownBy(() -> lost.restart(fqdn("fe01.contoso.com"))).isInstanceOf(ServerUnreachableException.class);
    assertThat(lost.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.UNREACHABLE);
    assertThatThrownBy(() -> lost.serverStatus(fqdn("fe01.contoso.com"))).isInstanceOf(ServerUnreachableException.class)
        .hasMessageContaining("fe01.contoso.com does not answer");
  }

  @Test
  void fault_servicesThatFailToStart() {
    FakeDeployment stuck = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.servicesFailToStart("fe01.contoso.com"), Fault.servicesFailToStart("fe01.contoso.com")).build();
    stuck.stopServices(fqdn("fe01.contoso.com"), true);
    stuck.restart(fqdn("fe01.contoso.com"));

    assertThat(stuck.serverStatus(fqdn("fe01.contoso.com")).servicesRunning()).isFalse();
    assertThatThrownBy(() -> stuck.startServices(fqdn("fe01.contoso.com"))).hasMessageContaining("did not start");
    stuck.startServices(fqdn("fe01.contoso.com"));
    assertThat(stuck.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.RUNNING);
  }

  @Test
  void fault_aCrashAfterCallKComesAfterTheCallTookEffect() {
    FakeDeployment crashing = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfterCall(2)).build();
    crashing.serverStatus(fqdn("fe01.contoso.com"));

    assertThatThrownBy(() -> crashing.stopServices(fqdn("fe01.contoso.com"), true))
        .isInstanceOfSatisfying(SimulatedCrash.class, crash -> assertThat(crash.call()).isEqualTo(2));
    assertThat(crashing.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.STOPPED);
    crashing.restart(fqdn("fe01.contoso.com"));
    assertThat(crashing.inspect().state("fe01.contoso.com")).isEqualTo(ServerState.RUNNING);
  }

  @Test
  void instantTimingsLetTestsIgnoreTime() {
    FakeDeployment instant = FakeDeployment.builder(SampleTopologies.contoso()).timings(FakeTimings.instant()).build();
    instant.stopServices(fqdn("fe01.contoso.com"), true);
    instant.restart(fqdn("fe01.contoso.com"));

    assertThat(instant.clock().elapsed()).isZero();
    assertThat(instant.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC).state()).isEqualTo(PoolUpgradeState.READY);
  }

  @Test
  void randomScheduleIsTheSameForTheSameSeed() {
    FaultSchedule first = FaultSchedule.random(42, SampleTopologies.contoso(), 100);

    assertThat(FaultSchedule.random(42, SampleTopologies.contoso(), 100)).isEqualTo(first);
    assertThat(java.util.stream.LongStream.range(0, 50)
        .mapToObj(seed -> FaultSchedule.random(seed, SampleTopologies.contoso(), 100).faults().size())
        .distinct()).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  // ---- issue 19: named crashes, a domain held back, timings per server, the history's arguments ----

  @Test
  void fault_aDomainHeldBackIsNotReadyForUpgradeOnTheNextChecksThatFindThePoolReady() {
    FakeDeployment held = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.busy("pool01.contoso.com", 1), Fault.domainNotReady("pool01.contoso.com", "UpgradeDomain2", 2))
        .build();

    assertThat(readyDomains(held)).as("Busy: every domain false, the fault not spent").isEmpty();
    assertThat(readyDomains(held)).containsExactly("UpgradeDomain1", "UpgradeDomain3");
    assertThat(readyDomains(held)).containsExactly("UpgradeDomain1", "UpgradeDomain3");
    assertThat(readyDomains(held)).containsExactly("UpgradeDomain1", "UpgradeDomain2", "UpgradeDomain3");
    assertThat(held.pendingFaults()).isEmpty();
    assertThat(held.history().events(FakeEvent.FaultFired.class)).hasSize(3);
  }

  private static java.util.List<String> readyDomains(FakeDeployment fake) {
    return fake.poolReadiness(POOL01, fqdn("fe01.contoso.com"), LYNC).upgradeDomains().stream()
        .filter(DomainReadiness::readyForUpgrade).map(DomainReadiness::name).toList();
  }

  @Test
  void fault_aCrashAfterANamedOperationStrikesItsNthCallOnThatTargetOnly() {
    FakeDeployment crashing = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfter(Operation.STOP_SERVICES, "fe01.contoso.com", 2)).build();
    crashing.stopServices(fqdn("fe01.contoso.com"), true);
    crashing.stopServices(fqdn("fe02.contoso.com"), true);
    crashing.restart(fqdn("fe01.contoso.com"));

    assertThatThrownBy(() -> crashing.stopServices(fqdn("fe01.contoso.com"), false))
        .isInstanceOfSatisfying(SimulatedCrash.class, crash -> {
          assertThat(crash.call()).isEqualTo(4);
          assertThat(crash.operation()).isEqualTo(Operation.STOP_SERVICES);
          assertThat(crash.target()).isEqualTo(fqdn("fe01.contoso.com"));
        });
    assertThat(crashing.inspect().state("fe01.contoso.com")).as("the stop took effect").isEqualTo(ServerState.STOPPED);
    assertThat(crashing.pendingFaults()).isEmpty();
    assertThat(Fault.crashAfter(Operation.STOP_SERVICES, "fe01.contoso.com", 2).describe())
        .isEqualTo("the controlling process crashes after the 2nd Stop-CsWindowsService on fe01.contoso.com");
  }

  @Test
  void timings_aServerTakesItsOwnThenItsPoolsThenTheFakes() {
    FakeTimings defaults = FakeTimings.instant();
    FakeDeployment mixed = FakeDeployment.builder(SampleTopologies.contoso()).timings(defaults)
        .timings("pool01.contoso.com", defaults.withRestart(Duration.ofMinutes(10)))
        .timings(fqdn("fe01.contoso.com"), defaults.withRestart(Duration.ofMinutes(25)))
        .build();

    assertThat(restartTime(mixed, "fe01.contoso.com")).isEqualTo(Duration.ofMinutes(25));
    assertThat(restartTime(mixed, "fe02.contoso.com")).isEqualTo(Duration.ofMinutes(10));
    assertThat(restartTime(mixed, "fe11.contoso.com")).isEqualTo(Duration.ZERO);
  }

  private static Duration restartTime(FakeDeployment fake, String server) {
    java.time.Instant before = fake.clock().now();
    fake.restart(fqdn(server));
    return Duration.between(before, fake.clock().now());
  }

  @Test
  void timings_forANameThatIsNoServerOrPoolAreRefusedNamingEachOne() {
    assertThatThrownBy(() -> FakeDeployment.builder(SampleTopologies.contoso())
        .timings("fe99.contoso.com", FakeTimings.instant()).timings("pool09.contoso.com", FakeTimings.instant())
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timings are given for [fe99.contoso.com, pool09.contoso.com], which are no server or pool of"
            + " the fake's topology");
  }

  @Test
  void history_aStopOfStoppedServicesIsRecordedWithItsGracefulAndEveryCallWithItsArguments() {
    fake.stopServices(fqdn("sql01.contoso.com"), false);
    fake.stopServices(fqdn("sql01.contoso.com"), true);
    fake.updateDatabases(POOL01, DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED,
        fqdn("sql01.contoso.com"));

    assertThat(fake.history().calls(Operation.STOP_SERVICES, "sql01.contoso.com"))
        .extracting(call -> call.argument("Graceful").orElseThrow()).containsExactly("false", "true");
    assertThat(fake.history().events(FakeEvent.ServicesStopped.class)).singleElement()
        .satisfies(stop -> assertThat(stop.graceful()).isFalse());
    assertThat(fake.history().events(FakeEvent.ServicesAlreadyStopped.class)).singleElement()
        .satisfies(again -> {
          assertThat(again.server()).isEqualTo(fqdn("sql01.contoso.com"));
          assertThat(again.graceful()).isTrue();
        });
    assertThat(fake.history().calls(Operation.UPDATE_DATABASES)).singleElement()
        .satisfies(call -> assertThat(call.arguments()).containsExactly(
            java.util.Map.entry("Pool", "pool01.contoso.com"),
            java.util.Map.entry("Variant", "CONFIGURED_DATABASES_EXCLUDING_COLLOCATED")));
    assertThat(fake.history().events(FakeEvent.DatabasesUpdated.class)).singleElement()
        .satisfies(update -> assertThat(update.sqlServer()).isEqualTo(fqdn("sql01.contoso.com")));
  }

  @Test
  void inspection_isNoCallWhileTheDeploymentsOwnFailoverStateIs() {
    fake.inspect().isFailedOver("pool01.contoso.com");
    fake.inspect().state(fqdn("fe01.contoso.com"));
    fake.inspect().version("fe01.contoso.com");
    fake.inspect().isWebServiceRunning("sql01.contoso.com");
    fake.inspect().databaseBuilds("pool01.contoso.com");
    assertThat(fake.history().events()).isEmpty();

    fake.isFailedOver(POOL01);
    assertThat(fake.history().calls()).extracting(FakeEvent.OperationCalled::operation)
        .containsExactly(Operation.FAILOVER_STATE);
    fake.close();
    assertThat(fake.inspect().state("fe01.contoso.com")).as("inspection after close").isEqualTo(ServerState.RUNNING);
    assertThatThrownBy(() -> fake.inspect().state("fe99.contoso.com")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fe99.contoso.com is not a server of this fake's topology");
  }

  @Test
  void operation_everyProductHasItsReadinessCmdlet() {
    for (ProductVersion product : ProductVersion.values()) {
      assertThat(Operation.readinessOf(product).command()).isEqualTo(product.readinessCmdlet());
    }
  }

}
