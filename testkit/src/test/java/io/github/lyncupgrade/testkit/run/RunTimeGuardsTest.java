package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static io.github.lyncupgrade.testkit.run.Scenarios.executor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.ForwardingLyncDeployment;
import io.github.lyncupgrade.testkit.fake.Operation;
import io.github.lyncupgrade.testkit.fake.ServerState;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The executor's own checks before it takes a Front End down, which hold whatever the plan or the
 * journal says: never two upgrade domains of a pool down (FE-0), and never below the pool's quorum
 * (CR-1) counting what the deployment answers now. The schedule already keeps a plan inside both;
 * these scenarios reach the run-time checks the schedule cannot: a server down for another reason, a
 * status that cannot be read, servers of a domain stopping side by side, a journal that disagrees.
 */
class RunTimeGuardsTest {
  private static final Fqdn POOL09 = Fqdn.of("pool09.contoso.com");

  private final Scenarios.Events events = new Scenarios.Events();

  /** Scenarios.lonePool: UD1 fe91 fe92, UD2 fe93 fe94; CR-1 needs any 2 of the 4. */
  private static Topology lonePool() {
    return Scenarios.lonePool();
  }

  private static UpgradePlan plan(Topology topology, Concurrency concurrency) {
    return Planner.create(Scenarios.options().concurrency(concurrency).build()).plan(topology);
  }

  /**
   * The fake, whose readiness answers see every Front End up, but whose {@code Get-CsWindowsService}
   * answers change once {@code domain}'s gate has passed: a server that failed just then, or that
   * cannot be reached, which only the executor's own check before each stop can notice.
   */
  private abstract static class AfterTheGate extends ForwardingLyncDeployment {
    private final String domain;
    private final AtomicBoolean gatePassed = new AtomicBoolean();

    AfterTheGate(FakeDeployment fake, String domain) {
      super(fake);
      this.domain = domain;
    }

    abstract ServerStatus statusAfterTheGate(ServerStatus status);

    @Override
    public ServerStatus serverStatus(Fqdn server) {
      ServerStatus status = super.serverStatus(server);
      return gatePassed.get() ? statusAfterTheGate(status) : status;
    }

    void watch(RunEvent event) {
      if (event instanceof RunEvent.StepSucceeded done && done.step() instanceof CheckDomainReadiness gate
          && gate.upgradeDomain().name().equals(domain)) {
        gatePassed.set(true);
      }
    }

    static ServerStatus stopped(ServerStatus status) {
      return new ServerStatus(status.server(), false, status.webServiceRunning(), status.installedVersion());
    }
  }

  /** Runs {@code plan} on {@code deployment}, on the wrapped fake's clock. */
  private RunReport run(AfterTheGate deployment, UpgradePlan plan) {
    return Executor.builder(deployment).journal(Journal.inMemory()).listener(events.all::add)
        .listener(deployment::watch).build().run(plan);
  }

  @Test
  void cr1_aFrontEndWhoseStatusCannotBeReadCountsAsNotRunning() {
    FakeDeployment fake = FakeDeployment.of(lonePool());
    AfterTheGate deployment = new AfterTheGate(fake, "UD1") {
      @Override
      ServerStatus statusAfterTheGate(ServerStatus status) {
        return switch (status.server().toString()) {
          case "fe93.contoso.com" -> throw new DeploymentException("Get-CsWindowsService", status.server(),
              "The WinRM client cannot process the request");
          case "fe94.contoso.com" -> stopped(status);
          default -> status;
        };
      }
    };

    RunReport report = run(deployment, plan(lonePool(), Concurrency.sequential()));

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> {
      assertThat(stop.step().value()).isEqualTo(POOL09 + "/UD1/fe91.contoso.com/stop-services");
      assertThat(stop.reason()).contains("would leave 1 of the first 4 Front Ends of " + POOL09
          + " running, and the pool needs any 2 of the first 4 (CR-1)", "running now: [fe92.contoso.com]");
    });
    assertThat(fake.inspect().state("fe91.contoso.com")).as("fe93 may be down: fe91 keeps running")
        .isEqualTo(ServerState.RUNNING);
  }

  @Test
  void cr1_aPoolOfTwoFrontEndsIsCheckedToo_oneMustRun() {
    Topology twoFrontEnds = Topology.builder()
        .pool(Pool.enterprise("pool08.contoso.com")
            .upgradeDomain("UD1", "fe81.contoso.com")
            .upgradeDomain("UD2", "fe82.contoso.com")
            .backEnd("sql08.contoso.com", CollocatedDatabase.ARCHIVING))
        .build();
    FakeDeployment fake = FakeDeployment.of(twoFrontEnds);
    AfterTheGate fe82Stopped = new AfterTheGate(fake, "UD1") {
      @Override
      ServerStatus statusAfterTheGate(ServerStatus status) {
        return status.server().toString().equals("fe82.contoso.com") ? stopped(status) : status;
      }
    };

    RunReport report = run(fe82Stopped, plan(twoFrontEnds, Concurrency.sequential()));

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> {
      assertThat(stop.step().value()).isEqualTo("pool08.contoso.com/UD1/fe81.contoso.com/stop-services");
      assertThat(stop.reason()).contains("would leave 0 of the first 2 Front Ends", "needs any 1 of the first 2 (CR-1)");
    });
    assertThat(fake.inspect().state("fe81.contoso.com")).isEqualTo(ServerState.RUNNING);
  }

  @Test
  void cr1_fe0_twoServersOfADomainStoppingSideBySideEachCountTheOtherAsDown() {
    FakeDeployment fake = FakeDeployment.of(lonePool());
    AfterTheGate slowStatusAndFe94Stopped = new AfterTheGate(fake, "UD1") {
      @Override
      public ServerStatus serverStatus(Fqdn server) {
        try {
          fake.clock().sleep(Duration.ofSeconds(20)); // a remote round trip: both servers of UD1 ask at once
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.serverStatus(server);
      }

      @Override
      ServerStatus statusAfterTheGate(ServerStatus status) {
        return status.server().toString().equals("fe94.contoso.com") ? stopped(status) : status;
      }
    };

    RunReport report = run(slowStatusAndFe94Stopped, plan(lonePool(), new Concurrency(1, 2, 16)));

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> {
      assertThat(stop.step().value()).matches("pool09\\.contoso\\.com/UD1/fe9[12]\\.contoso\\.com/stop-services");
      assertThat(stop.reason()).contains("would leave 1 of the first 4 Front Ends", "(CR-1)");
    });
    assertThat(List.of(fake.inspect().state("fe91.contoso.com"), fake.inspect().state("fe92.contoso.com")))
        .as("one of UD1's servers was stopped, never both").containsExactlyInAnyOrder(ServerState.STOPPED,
            ServerState.RUNNING);
  }

  @Test
  void fe0_aJournalThatSaysALaterDomainsGatePassedWhileAServerOfAnEarlierOneIsDownStopsNoSecondDomain() {
    Topology topology = lonePool();
    FakeDeployment fake = FakeDeployment.builder(topology)
        .faults(Fault.crashAfter(Operation.STOP_SERVICES, "fe91.contoso.com")).build();
    UpgradePlan plan = plan(topology, new Concurrency(1, 1, 16)); // one server per domain at once
    Journal journal = Journal.inMemory();
    assertThatThrownBy(() -> executor(fake, events, journal).build().run(plan)).isInstanceOf(SimulatedCrash.class);
    Step ud2Gate = plan.steps().stream()
        .filter(step -> step instanceof CheckDomainReadiness gate && gate.upgradeDomain().name().equals("UD2"))
        .findFirst().orElseThrow();
    long next = journal.open(plan).records().size() + 1;
    journal.append(new JournalRecord(next, fake.clock().now(), ud2Gate.id(), StepStatus.STARTED, ""));
    journal.append(new JournalRecord(next + 1, fake.clock().now(), ud2Gate.id(), StepStatus.SUCCEEDED, "Ready"));

    RunReport resumed = executor(fake, events, journal).build().resume(plan);

    assertThat(resumed.outcome()).isInstanceOfSatisfying(RunOutcome.SafetyStop.class, stop -> {
      assertThat(stop.step().value()).matches("pool09\\.contoso\\.com/UD2/fe9[34]\\.contoso\\.com/stop-services");
      assertThat(stop.reason()).contains("upgrade domain UD1 of " + POOL09 + " still has [fe91.contoso.com] down",
          "would put two domains down at once (FE-0)");
    });
    assertThat(fake).upgradedOneDomainAtATime();
    assertThat(fake.inspect().state("fe93.contoso.com")).isEqualTo(ServerState.RUNNING);
    assertThat(fake.inspect().state("fe94.contoso.com")).isEqualTo(ServerState.RUNNING);
  }
}
