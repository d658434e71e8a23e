package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.run.CustomAction;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server already at the update's build (updated by hand, or by an earlier run) is not updated
 * again, but what the update still needs around it happens: a Back End's databases (BE-11, CR-7) and
 * the steps a user added around each server (SDK-6).
 */
class AlreadyUpdatedServersTest {
  private final Scenarios.Events events = new Scenarios.Events();

  @Test
  void be11_aBackEndAlreadyAtTheBuildSkipsBe2ToBe10ButItsDatabasesAreStillUpdatedAndTested() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .updatedAtStart(Scenarios.CU.targetVersion(), "sql01.contoso.com", "se01.contoso.com").build();

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory()).build()
        .run(Scenarios.plan(fake.topology()));

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    for (String backEnd : List.of("sql01.contoso.com", "se01.contoso.com")) {
      assertThat(fake.history().timesUpdated(backEnd)).as("%s: the installer (BE-7) is not run again", backEnd).isZero();
      assertThat(fake.history().calls(Operation.STOP_SERVICES, backEnd)).as("%s: BE-4 and BE-9", backEnd).isEmpty();
      assertThat(fake.history().calls(Operation.STOP_WEB_SERVICE, backEnd)).as("%s: BE-5", backEnd).isEmpty();
      assertThat(fake.history().calls(Operation.TEST_DATABASES, backEnd)).as("%s: CR-7", backEnd).hasSize(1);
      assertThat(events.of(RunEvent.StepSkipped.class)).filteredOn(skip -> skip.step().target().toString().equals(backEnd))
          .extracting(skip -> skip.step().kind())
          .containsExactlyInAnyOrder(StepKind.MANUAL, StepKind.STOP_SERVICES, StepKind.STOP_WEB_SERVICE, StepKind.MANUAL,
              StepKind.INSTALL_UPDATE, StepKind.MANUAL, StepKind.STOP_SERVICES, StepKind.START_WEB_SERVICE);
    }
    assertThat(fake)
        .usedDatabaseVariant("pool01.contoso.com", DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED)
        .usedDatabaseVariant("se01.contoso.com", DatabaseUpdateVariant.LOCAL_DATABASES);
    assertThat(fake.history().updateCounts()).as("every other server is updated as usual, once")
        .hasSize(11).doesNotContainKeys(Fqdn.of("sql01.contoso.com"), Fqdn.of("se01.contoso.com"))
        .containsKey(Fqdn.of("sql02.contoso.com")).allSatisfy((server, times) -> assertThat(times).isOne());
  }

  @Test
  void sdk6_aFrontEndAlreadyAtTheBuildSkipsItsProcedureButKeepsTheStepsTheUserAddedAroundIt() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .updatedAtStart(Scenarios.CU.targetVersion(), "fe03.contoso.com").build();
    UpgradePlan plan = Scenarios.plan(fake.topology()).extend(PlanExtension.builder()
        .aroundEachServer("lb-drain", "Take {target} out of the load balancer",
            "lb-restore", "Put {target} back into the load balancer")
        .build());
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    CustomAction recording = (step, deployment) -> {
      calls.add(step.action() + " " + step.target());
      return "done";
    };

    RunReport report = Scenarios.executor(fake, events, Journal.inMemory())
        .customAction("lb-drain", recording).customAction("lb-restore", recording).build().run(plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake.history().timesUpdated("fe03.contoso.com")).isZero();
    assertThat(fake.history().calls(Operation.STOP_SERVICES, "fe03.contoso.com")).isEmpty();
    assertThat(calls).containsSubsequence("lb-drain fe03.contoso.com", "lb-restore fe03.contoso.com")
        .contains("lb-drain fe04.contoso.com", "lb-restore fe04.contoso.com");
    assertThat(events.of(RunEvent.StepSkipped.class))
        .filteredOn(skip -> skip.step().target().toString().equals("fe03.contoso.com"))
        .allSatisfy(skip -> assertThat(skip.step().isCustom()).isFalse())
        .extracting(skip -> skip.step().kind()).contains(StepKind.STOP_SERVICES, StepKind.INSTALL_UPDATE);
  }
}
