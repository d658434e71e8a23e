package io.github.lyncupgrade.testkit.readme;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.run.Verification;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The two worked examples of docs/custom-automation.md, run against the fake; the page shows exactly these lines. */
class ReadmeCustomAutomationTest {
  private static final Path THIS_FILE =
      Path.of("src/test/java/io/github/lyncupgrade/testkit/readme/ReadmeCustomAutomationTest.java");

  /** A stand-in for a load balancer's API: which Front Ends take traffic, and what was done; other servers are not its members. */
  static final class LoadBalancer {
    final Set<String> members = new TreeSet<>(List.of("fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com",
        "fe04.contoso.com", "fe05.contoso.com", "fe06.contoso.com", "fe11.contoso.com", "fe12.contoso.com",
        "fe13.contoso.com", "fe14.contoso.com"));
    final List<String> log = new ArrayList<>();

    final Set<String> drained = new TreeSet<>();

    String disable(String server) {
      if (!members.remove(server)) {
        return server + " is not behind the load balancer";
      }
      drained.add(server);
      log.add("out " + server);
      return server + " drained from the load balancer";
    }

    String enable(String server) {
      if (!drained.remove(server)) {
        return server + " was not drained";
      }
      members.add(server);
      log.add("in " + server);
      return server + " back in the load balancer";
    }
  }

  @Test
  void aLoadBalancerDrainPairAroundEachServer() {
    FakeDeployment deployment = FakeDeployment.of(SampleTopologies.contoso());
    Journal journal = Journal.inMemory();
    PlanOptions options = PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build();
    LoadBalancer loadBalancer = new LoadBalancer();
    // custom-steps:begin
    UpgradePlan plan = Planner.create(options).plan(deployment.topology()).extend(PlanExtension.builder()
        .aroundEachServer("lb-drain", "Take {target} out of the load balancer",
            "lb-restore", "Put {target} back into the load balancer")
        .build());
    Executor executor = Executor.builder(deployment).clock(deployment.clock()).journal(journal)
        .customAction("lb-drain", (step, servers) -> loadBalancer.disable(step.target().toString()))
        .customAction("lb-restore", (step, servers) -> loadBalancer.enable(step.target().toString()))
        .build();
    RunReport report = executor.run(plan);
    // custom-steps:end

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(loadBalancer.members).hasSize(10);
    assertThat(loadBalancer.log).hasSize(20).startsWith("out fe01.contoso.com", "out fe02.contoso.com");
    assertThat(deployment).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
  }

  @Test
  void syntheticTransactionsBetweenDomains() {
    FakeDeployment deployment = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.syntheticTransactionsFail("pool01.contoso.com")).build();
    Journal journal = Journal.inMemory();
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE).build())
        .plan(deployment.topology());
    // synthetic-check:begin
    Executor executor = Executor.builder(deployment).clock(deployment.clock()).journal(journal)
        .hook("synthetic transactions", Verification.syntheticTransactions(deployment))
        .build();
    RunReport first = executor.run(plan);      // Test-CsIM fails after UpgradeDomain1: Vetoed, UD2 untouched
    RunReport second = executor.resume(plan);  // checked again, then on to the end
    // synthetic-check:end

    assertThat(first.outcome()).isInstanceOf(RunOutcome.Vetoed.class);
    assertThat(first.outcome().describe()).contains("Test-CsIM: Failure");
    assertThat(second.outcome().isCompleted()).isTrue();
    assertThat(deployment).upgradedEveryServerExactlyOnce();
  }

  @Test
  void theReadmeShowsExactlyTheCodeThatRuns() throws IOException {
    for (String example : List.of("custom-steps", "synthetic-check")) {
      assertThat(DocBlocks.block(example)).as(example).isEqualTo(DocBlocks.code(THIS_FILE, example));
    }
  }
}
