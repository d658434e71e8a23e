package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.History;
import io.github.lyncupgrade.testkit.fake.Operation;
import org.junit.jupiter.api.Test;

/**
 * What a run asked of the deployment, read from the history as a user's test reads it: the calls
 * by {@link Operation} with their arguments, BE-9's stop, the SQL Server each database update ran
 * against, and names given either as text or as {@link Fqdn}.
 */
class HistoryTest {
  private static final UpdatePackage UPDATE =
      UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001");

  private static History historyOfARunOf(Topology topology, UpdatePackage update) {
    FakeDeployment fake = FakeDeployment.of(topology);
    Executor.builder(fake).build()
        .run(Planner.create(PlanOptions.builder().updatePackage(update).build()).plan(topology)).orThrow();
    return fake.history();
  }

  @Test
  void aBackEndIsStoppedTwiceBe4AndBe9AndTheSecondFindsItsServicesStopped() {
    History history = historyOfARunOf(SampleTopologies.contoso(), UPDATE);

    for (String backEnd : new String[] {"sql01.contoso.com", "sql02.contoso.com", "se01.contoso.com"}) {
      assertThat(history.calls(Operation.STOP_SERVICES, backEnd)).as(backEnd).hasSize(2)
          .allSatisfy(stop -> assertThat(stop.arguments()).containsEntry("Graceful", "false"));
      assertThat(history.events(FakeEvent.ServicesAlreadyStopped.class))
          .filteredOn(again -> again.server().equals(Fqdn.of(backEnd))).as(backEnd).singleElement()
          .satisfies(be9 -> assertThat(be9.graceful()).isFalse());
    }
    assertThat(history.calls(Operation.STOP_SERVICES, "fe01.contoso.com")).singleElement()
        .satisfies(stop -> assertThat(stop.argument("Graceful")).as("FE-2a").contains("true"));
  }

  @Test
  void everyDatabaseUpdateNamesTheSqlServerItRanAgainstTheAlwaysOnListenerWhereThereIsOne() {
    Topology skype = SampleTopologies.skypeForBusiness2015();
    History history = historyOfARunOf(skype, Simulation.sampleUpdate(skype));

    assertThat(history.events(FakeEvent.DatabasesUpdated.class))
        .extracting(update -> update.pool().toString() + " " + update.sqlServer())
        .containsExactly("pool10.fabrikam.com ag10.fabrikam.com", "pool11.fabrikam.com sql11.fabrikam.com",
            "se12.fabrikam.com se12.fabrikam.com");
    assertThat(history.calls(Operation.UPDATE_DATABASES)).extracting(call -> call.target().toString())
        .containsExactly("ag10.fabrikam.com", "sql11.fabrikam.com", "se12.fabrikam.com");
    assertThat(history.calls(Operation.UPDATE_DATABASES, "ag10.fabrikam.com")).singleElement()
        .satisfies(call -> assertThat(call.arguments()).containsEntry("Pool", "pool10.fabrikam.com"));
  }

  @Test
  void everyCallIsAnOperationOfTheVocabularyWithTheArgumentsItsDocumentationNames() {
    History history = historyOfARunOf(SampleTopologies.contoso(), UPDATE);

    assertThat(history.calls()).hasSize(history.callCount()).isNotEmpty();
    assertThat(history.calls(Operation.INSTALL_UPDATE)).hasSize(10 + 3).allSatisfy(install -> {
      assertThat(install.arguments()).containsEntry("Update", UPDATE.location());
      assertThat(install.arguments()).containsEntry("TargetBuild", "5.0.8308.1001");
    });
    assertThat(history.calls(Operation.POOL_UPGRADE_READINESS)).isNotEmpty()
        .allSatisfy(check -> assertThat(check.arguments()).containsKey("Pool"));
    assertThat(history.calls(Operation.UPGRADE_DOMAIN_INFO)).as("a 2019 cmdlet, not run against 2013").isEmpty();
    assertThat(Operation.STOP_SERVICES.command()).isEqualTo("Stop-CsWindowsService");
    assertThat(history.calls(Operation.STOP_SERVICES).get(0).operation()).hasToString("Stop-CsWindowsService");
  }

  @Test
  void aNameIsTakenAsTextOrAsAnFqdnAlike() {
    Topology topology = SampleTopologies.contoso();
    History history = historyOfARunOf(topology, UPDATE);

    for (Pool pool : topology.pools()) {
      String name = pool.fqdn().toString();
      assertThat(history.databaseUpdates(name)).isEqualTo(history.databaseUpdates(pool.fqdn())).isNotEmpty();
      assertThat(history.backEndDowntimes(name)).isEqualTo(history.backEndDowntimes(pool.fqdn()));
      for (Server server : pool.frontEnds()) {
        assertThat(history.timesUpdated(server.fqdn().toString())).isEqualTo(history.timesUpdated(server.fqdn()))
            .isOne();
      }
    }
    assertThat(Fault.busy("pool01.contoso.com", 3)).isEqualTo(Fault.busy(Fqdn.of("pool01.contoso.com"), 3));
    assertThat(Fault.crashAfter(Operation.RESTART, "fe01.contoso.com"))
        .isEqualTo(Fault.crashAfter(Operation.RESTART, Fqdn.of("fe01.contoso.com")));
  }
}
