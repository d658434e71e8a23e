package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.ForwardingLyncDeployment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executor never calls the deployment while holding a lock (see {@code QuorumGuard}): with a
 * {@code Get-CsWindowsService} that takes virtual time, as a remote round trip takes real time, and
 * servers of several pools stopping side by side, the run goes on instead of stopping virtual time.
 */
class DeploymentCallsOutsideLocksTest {
  @ParameterizedTest
  @ValueSource(strings = {"contoso", "skype-2015"})
  void cr1_theQuorumCheckAsksEveryFrontEndWithoutHoldingTheRunBack(String sample) {
    Topology topology = sample.equals("contoso") ? SampleTopologies.contoso() : SampleTopologies.skypeForBusiness2015();
    FakeDeployment fake = FakeDeployment.of(topology);
    AtomicInteger statusChecks = new AtomicInteger();
    ForwardingLyncDeployment slowStatus = new ForwardingLyncDeployment(fake) {
      @Override
      public ServerStatus serverStatus(Fqdn server) {
        statusChecks.incrementAndGet();
        try {
          fake.clock().sleep(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.serverStatus(server);
      }
    };
    UpgradePlan plan = Planner.create(Scenarios.options().updatePackage(Simulation.sampleUpdate(topology))
        .concurrency(new Concurrency(2, 4, 16)).build()).plan(topology);

    RunReport report = Executor.builder(slowStatus).clock(fake.clock()).journal(Journal.inMemory()).build().run(plan);

    assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce().neverLostQuorum().upgradedOneDomainAtATime();
    assertThat(statusChecks.get()).as("the quorum check asked the Front Ends").isGreaterThan(topology.frontEndCount());
  }
}
