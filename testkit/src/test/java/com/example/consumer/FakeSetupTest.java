package com.example.consumer;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.VirtualClock;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.ForwardingLyncDeployment;
import io.github.lyncupgrade.testkit.fake.ServerState;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import io.github.lyncupgrade.testkit.junit.FakeDeploymentExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Setting a fake up and looking at it, as a user's test does: timings per server, the executor on
 * the fake's clock without being told, a wrapper that changes one operation, and looking that
 * never changes what is looked at.
 */
@ExtendWith(FakeDeploymentExtension.class)
class FakeSetupTest {
  private static final PlanOptions OPTIONS = PlanOptions.builder()
      .updatePackage(UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001"))
      .build();
  private static final FakeTimings VIRTUAL = FakeTimings.ofDefaults().withRestart(Duration.ofMinutes(3));
  private static final FakeTimings PHYSICAL = FakeTimings.ofDefaults().withRestart(Duration.ofMinutes(25));

  @Test
  void aSlowPhysicalFrontEndBesideVirtualOnesTakesItsOwnTime() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .timings(VIRTUAL)
        .timings("fe01.contoso.com", PHYSICAL)
        .build();

    RunReport report = Executor.builder(fake).build().run(Planner.create(OPTIONS).plan(fake.topology()));

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(restartOf(fake, "fe01.contoso.com")).isEqualTo(Duration.ofMinutes(25));
    assertThat(restartOf(fake, "fe02.contoso.com")).isEqualTo(Duration.ofMinutes(3));
    assertThat(restartOf(fake, "fe11.contoso.com")).isEqualTo(Duration.ofMinutes(3));
  }

  /** From the server's restart to the moment it answered again. */
  private static Duration restartOf(FakeDeployment fake, String server) {
    Instant down = null;
    for (FakeEvent.ServerStateChanged change : fake.history().events(FakeEvent.ServerStateChanged.class)) {
      if (change.server().equals(Fqdn.of(server)) && change.to() == ServerState.RESTARTING) {
        down = change.at();
      } else if (down != null && change.server().equals(Fqdn.of(server))) {
        return Duration.between(down, change.at());
      }
    }
    throw new AssertionError(server + " was never restarted");
  }

  @Test
  void anExecutorBuiltForTheFakeRunsOnItsVirtualClockWithoutBeingTold(FakeDeployment fake, VirtualClock clock) {
    RunReport report = Executor.builder(fake).build().run(Planner.create(OPTIONS).plan(fake.topology()));

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(report.startedAt()).isEqualTo(VirtualClock.DEFAULT_START);
    assertThat(report.finishedAt()).isEqualTo(clock.now());
    assertThat(report.duration()).isGreaterThan(Duration.ofHours(5));
  }

  @Test
  void anExecutorRefusesAClockThatContradictsTheFakes(FakeDeployment fake) {
    assertThatThrownBy(() -> Executor.builder(fake).clock(UpgradeClock.system()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the deployment runs on a clock of its own")
        .hasMessageContaining("leave clock(...) out");
    assertThatThrownBy(() -> Executor.builder(fake).clock(VirtualClock.create()))
        .as("another virtual clock is another time too").isInstanceOf(IllegalArgumentException.class);
    assertThat(Executor.builder(fake).clock(fake.clock()).build()).as("its own clock, said aloud").isNotNull();
  }

  @Test
  void aWrapperChangesOneOperationAndKeepsTheFakesClockAndCapabilities(FakeDeployment fake) {
    AtomicBoolean refusedOnce = new AtomicBoolean();
    LyncDeployment accessDeniedOnce = new ForwardingLyncDeployment(fake) {
      @Override
      public void restart(Fqdn server) {
        if (server.equals(Fqdn.of("fe04.contoso.com")) && refusedOnce.compareAndSet(false, true)) {
          throw new DeploymentException("Restart-Computer", server, "Access is denied");
        }
        super.restart(server);
      }
    };
    UpgradePlan plan = Planner.create(OPTIONS).plan(fake.topology());
    Executor executor = Executor.builder(accessDeniedOnce).build();

    RunReport first = executor.run(plan);
    RunReport second = executor.resume(plan);

    assertThat(first.outcome()).isInstanceOfSatisfying(RunOutcome.StepFailed.class, failed ->
        assertThat(failed.reason()).contains("Access is denied"));
    assertThat(first.startedAt()).as("on the fake's clock").isEqualTo(VirtualClock.DEFAULT_START);
    assertThat(second.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().hasEveryServerRunning();
  }

  @Test
  void lookingAtTheFakeDuringARunNeverChangesWhatHappens() {
    int call = 60;
    FakeDeployment looked = FakeDeployment.builder(SampleTopologies.contoso()).faults(Fault.crashAfterCall(call)).build();
    FakeDeployment unseen = FakeDeployment.builder(SampleTopologies.contoso()).faults(Fault.crashAfterCall(call)).build();
    UpgradePlan plan = Planner.create(OPTIONS).plan(looked.topology());

    SimulatedCrash whileLooking = catchThrowableOfType(SimulatedCrash.class, () -> Executor.builder(looked)
        .listener(event -> {
          looked.inspect().state("fe01.contoso.com");
          looked.inspect().isFailedOver("pool01.contoso.com");
          looked.inspect().databaseBuilds("pool01.contoso.com");
          looked.history().calls();
        })
        .build().run(plan));
    SimulatedCrash unlooked = catchThrowableOfType(SimulatedCrash.class, () -> Executor.builder(unseen).build().run(plan));

    assertThat(whileLooking.call()).isEqualTo(call);
    assertThat(whileLooking.operation()).isEqualTo(unlooked.operation());
    assertThat(whileLooking.target()).isEqualTo(unlooked.target());
    assertThat(looked.history().events()).isEqualTo(unseen.history().events());
  }
}
