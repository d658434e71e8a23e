package com.example.consumer;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.History;
import io.github.lyncupgrade.testkit.fake.ServerState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readiness faults aimed at a later upgrade domain of pool01 (three domains in the sample), as a
 * user's test writes them: one domain held back while the pool is Ready (FE-2), and Busy before a
 * domain other than the first (FE-1, FE-3). Each for the second and the third domain.
 */
class ReadinessFaultsTest {
  private static final String POOL = "pool01.contoso.com";
  private static final UpdatePackage UPDATE =
      UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001");

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain2", "UpgradeDomain3"})
  void aDomainHeldBackWhileThePoolIsReadyStopsTheRunBeforeAnyOfItsServersGoesDown(String domain) {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.domainNotReady(POOL, domain, 2).beforeDomain(domain))
        .build();
    // without the settle wait (CR-2), the pool's check and the domain's are the two answers before the domain
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(UPDATE).settlePolicy(SettlePolicy.off())
        .build()).plan(fake.topology());
    Journal journal = Journal.inMemory();

    RunReport first = Executor.builder(fake).journal(journal).build().run(plan);

    assertThat(first.outcome()).isInstanceOfSatisfying(RunOutcome.DomainNotReady.class, notReady -> {
      assertThat(notReady.pool()).isEqualTo(Fqdn.of(POOL));
      assertThat(notReady.upgradeDomain()).isEqualTo(domain);
      assertThat(notReady.evidence().state()).as("the pool itself is Ready").isEqualTo(PoolUpgradeState.READY);
    });
    assertThat(serversOf(fake, domain)).allSatisfy(server ->
        assertThat(fake.inspect().state(server.fqdn())).isEqualTo(ServerState.RUNNING));
    assertThat(fake.history().stopsWhileDomainNotReady()).isEmpty();

    RunReport resumed = Executor.builder(fake).journal(journal).build().resume(plan);

    assertThat(resumed.outcome().isCompleted()).as(resumed.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().neverStoppedADomainThatWasNotReady();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain2", "UpgradeDomain3"})
  void aDomainHeldBackForLessThanTheSettleWaitIsNeverStoppedWhileHeld(String domain) {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.domainNotReady(POOL, domain, 3).beforeDomain(domain))
        .build();
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(UPDATE).build()).plan(fake.topology());

    RunReport report = Executor.builder(fake).build().run(plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    History history = fake.history();
    assertThat(history.events(FakeEvent.FaultFired.class)).as("the settle wait's answers count").hasSize(3);
    assertThat(lastFaultFired(history)).isBefore(firstStopOf(history, domain));
    assertThat(fake).neverStoppedADomainThatWasNotReady().upgradedEveryServerExactlyOnce();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeDomain2", "UpgradeDomain3"})
  void busyBeforeALaterDomainIsWaitedOutAfterTheDomainBeforeItAndBeforeItsServersStop(String domain) {
    Fault busyBeforeTheDomain = Fault.busy(POOL, 2).beforeDomain(domain);
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso()).faults(busyBeforeTheDomain).build();
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(UPDATE).build()).plan(fake.topology());

    RunReport report = Executor.builder(fake).build().run(plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(busyBeforeTheDomain).isEqualTo(Fault.beforeDomain(Fqdn.of(POOL), domain, Fault.busy(Fqdn.of(POOL), 2)));
    History history = fake.history();
    List<Instant> busy = history.events(FakeEvent.FaultFired.class).stream().map(FakeEvent::at).toList();
    assertThat(busy).hasSize(2).allSatisfy(at -> {
      assertThat(at).isAfter(lastBackUpOf(history, previous(fake, domain)));
      assertThat(at).isBefore(firstStopOf(history, domain));
    });
    assertThat(fake).upgradedOneDomainAtATime().neverStoppedADomainThatWasNotReady();
  }

  private static List<Server> serversOf(FakeDeployment fake, String domain) {
    return ((EnterprisePool) fake.topology().pool(Fqdn.of(POOL)).orElseThrow()).upgradeDomain(domain).orElseThrow()
        .servers();
  }

  private static String previous(FakeDeployment fake, String domain) {
    List<UpgradeDomain> domains = ((EnterprisePool) fake.topology().pool(Fqdn.of(POOL)).orElseThrow()).upgradeDomains();
    for (int i = 1; i < domains.size(); i++) {
      if (domains.get(i).name().equals(domain)) {
        return domains.get(i - 1).name();
      }
    }
    throw new IllegalArgumentException(domain + " has no domain before it");
  }

  private static Instant lastFaultFired(History history) {
    return history.events(FakeEvent.FaultFired.class).stream().map(FakeEvent::at).max(Instant::compareTo)
        .orElseThrow();
  }

  private static Instant firstStopOf(History history, String domain) {
    return history.events(FakeEvent.ServicesStopped.class).stream()
        .filter(stop -> stop.pool().equals(Fqdn.of(POOL)) && stop.upgradeDomain().equals(domain))
        .map(FakeEvent::at).min(Instant::compareTo).orElseThrow();
  }

  private static Instant lastBackUpOf(History history, String domain) {
    return history.events(FakeEvent.ServerStateChanged.class).stream()
        .filter(change -> change.pool().equals(Fqdn.of(POOL)) && change.upgradeDomain().equals(domain)
            && change.to() == ServerState.RUNNING)
        .map(FakeEvent::at).max(Instant::compareTo).orElseThrow();
  }
}
