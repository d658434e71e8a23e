package com.example.consumer;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.Operation;
import io.github.lyncupgrade.testkit.fake.ServerState;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash of the controlling process right after a named operation on a named server, and the
 * resume from the file journal it left, as a user's test writes it: no rehearsal run to find a
 * call number, every journal closed. docs/testing.md shows the first test.
 */
class CrashAndResumeTest {
  private static final PlanOptions OPTIONS = PlanOptions.builder()
      .updatePackage(UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001"))
      .build();

  @TempDir
  Path directory;

  @Test
  void resumesWhereACrashRightAfterFe03sStopLeftTheRun() {
    // crash-and-resume:begin
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfter(Operation.STOP_SERVICES, "fe03.contoso.com"))
        .build();
    UpgradePlan plan = Planner.create(OPTIONS).plan(fake.topology());
    Path file = directory.resolve("upgrade.journal");

    try (Journal journal = Journal.file(file)) {       // closed, or the next one finds it locked
      Executor executor = Executor.builder(fake).journal(journal).build(); // runs on the fake's clock
      assertThatThrownBy(() -> executor.run(plan)).isInstanceOf(SimulatedCrash.class);
    }
    assertThat(fake.inspect().state("fe03.contoso.com")).isEqualTo(ServerState.STOPPED);

    try (Journal journal = Journal.file(file)) {       // as a new process would, after the crash
      RunReport report = Executor.builder(fake).journal(journal).build().resume(plan);
      assertThat(report.outcome().isCompleted()).isTrue();
    }
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime().neverLostQuorum();
    // crash-and-resume:end
  }

  @Test
  void aNamedCrashStrikesTheCallARehearsalRunWouldHaveHadToFind() {
    FakeDeployment rehearsal = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Planner.create(OPTIONS).plan(rehearsal.topology());
    Executor.builder(rehearsal).build().run(plan);
    int fe03sStop = rehearsal.history().calls(Operation.STOP_SERVICES, "fe03.contoso.com").get(0).call();

    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfter(Operation.STOP_SERVICES, "fe03.contoso.com")).build();
    SimulatedCrash crash = catchThrowableOfType(SimulatedCrash.class, () -> Executor.builder(fake).build().run(plan));

    assertThat(crash.call()).isEqualTo(fe03sStop);
    assertThat(crash.operation()).isEqualTo(Operation.STOP_SERVICES);
    assertThat(crash.target()).isEqualTo(Fqdn.of("fe03.contoso.com"));
  }

  /** BE-9's stop is the Back End's second Stop-CsWindowsService: it finds the services stopped, and the history shows it. */
  @Test
  void aCrashRightAfterBe9sStopOfTheBackEndIsResumedWithItsDowntimeClocked() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.crashAfter(Operation.STOP_SERVICES, Fqdn.of("sql01.contoso.com"), 2)).build();
    UpgradePlan plan = Planner.create(OPTIONS).plan(fake.topology());
    Path file = directory.resolve("be9.journal");

    try (Journal journal = Journal.file(file)) {
      assertThatThrownBy(() -> Executor.builder(fake).journal(journal).build().run(plan))
          .isInstanceOf(SimulatedCrash.class);
    }
    assertThat(fake.history().events(FakeEvent.ServicesAlreadyStopped.class)).singleElement()
        .satisfies(be9 -> assertThat(be9.server()).isEqualTo(Fqdn.of("sql01.contoso.com")));
    assertThat(fake.inspect().isWebServiceRunning("sql01.contoso.com")).as("BE-5 to BE-10: w3svc down").isFalse();
    assertThat(fake.inspect().version("sql01.contoso.com")).as("BE-7 came before BE-9")
        .isEqualTo(OPTIONS.updatePackage().orElseThrow().targetVersion());

    try (Journal journal = Journal.file(file)) {
      assertThat(Executor.builder(fake).journal(journal).build().resume(plan).outcome().isCompleted()).isTrue();
    }
    assertThat(fake.inspect().isWebServiceRunning("sql01.contoso.com")).isTrue();
    assertThat(fake.history().backEndDowntimes("pool01.contoso.com")).hasSize(1);
    assertThat(fake).upgradedEveryServerExactlyOnce().keptUsersOutOfResiliencyMode();
  }
}
