package io.github.lyncupgrade.testkit.run;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.run.CustomAction;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.HookDecision;
import io.github.lyncupgrade.core.run.RunHooks;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunPolicies;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.run.Verification;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeTimings;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import io.github.lyncupgrade.testkit.gen.LyncGens;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: steps of the user's own (SDK-6), hooks with vetoes, checks and run policies. */
class CustomAutomationTest {
  private static final PlanExtension LOAD_BALANCER = PlanExtension.builder()
      .aroundEachServer("lb-drain", "Take {target} out of the load balancer",
          "lb-restore", "Put {target} back into the load balancer")
      .build();

  @TempDir
  Path directory;

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  private CustomAction recording() {
    return (step, deployment) -> {
      calls.add(step.action() + " " + step.target());
      return step.action() + " done on " + step.target();
    };
  }

  private Executor.Builder executor(FakeDeployment fake, Journal journal) {
    return Scenarios.executor(fake, new Scenarios.Events(), journal)
        .customAction("lb-drain", recording()).customAction("lb-restore", recording());
  }

  @Test
  void sdk6_customStepsSitAroundEveryServersProcedureForRandomTopologies() {
    Theories.qt(200).forAll(LyncGens.topologies(), LyncGens.planOptions()).checkAssert((topology, options) -> {
      UpgradePlan original = Planner.create(options).plan(topology);
      UpgradePlan plan = original.extend(LOAD_BALANCER);
      assertThat(plan).respectsItsPrerequisites().upgradesOneDomainAtATime();
      assertThat(plan.size()).isGreaterThan(original.size());
      Map<String, List<Step>> byServerAndGroup = plan.steps().stream()
          .filter(step -> step.isCustom() && step.serverProcedure().isPresent())
          .collect(Collectors.groupingBy(step -> step.serverProcedure().orElseThrow().toString()));
      long procedures = original.steps().stream().map(Step::serverProcedure).flatMap(Optional::stream)
          .distinct().count();
      assertThat(byServerAndGroup).hasSize((int) procedures);
      for (List<Step> pair : byServerAndGroup.values()) {
        CustomStep drain = (CustomStep) pair.get(0);
        CustomStep restore = (CustomStep) pair.get(1);
        assertThat(drain.action()).isEqualTo("lb-drain");
        assertThat(restore.action()).isEqualTo("lb-restore");
        assertThat(plan.prerequisites(drain.anchor())).containsExactly(drain.id());
        assertThat(plan.prerequisites(drain.id())).as("the drain waits for what %s waited for", drain.anchor())
            .isEqualTo(original.prerequisites(drain.anchor()).stream().map(before -> plan.step(
                new StepId(before.value() + "/after-lb-restore")).map(Step::id).orElse(before)).toList());
        assertThat(plan.prerequisites(restore.id())).containsExactly(restore.anchor());
        assertThat(plan.steps().stream().filter(step -> plan.prerequisites(step.id()).contains(restore.anchor())))
            .as("all that waited for %s waits for the restore after it", restore.anchor()).containsOnly(restore);
        assertThat(drain.description()).isEqualTo("Take " + drain.target() + " out of the load balancer");
      }
      assertThat(plan.extend(PlanExtension.builder().build()).steps()).isEqualTo(plan.steps());
    });
  }

  @Test
  void sdk6_customStepsShowInEveryRenderingMarkedCustom() {
    UpgradePlan plan = Scenarios.plan(SampleTopologies.contoso()).extend(LOAD_BALANCER);
    long custom = plan.steps().stream().filter(Step::isCustom).count();

    assertThat(PlanRenderer.text().render(plan))
        .contains("SDK-6  pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/stop-services/before-lb-drain\n")
        .contains("Take fe01.contoso.com out of the load balancer [custom: lb-drain]\n");
    assertThat(PlanRenderer.markdown().render(plan).lines().filter(line -> line.contains("custom: lb-"))).hasSize((int) custom);
    assertThat(PlanRenderer.mermaid().render(plan)).contains("classDef custom");
    assertThat(custom).as("a drain and a restore around each of the 13 server procedures").isEqualTo(2 * 13);
  }

  @Test
  void sdk6_customStepsRunInPlaceAndAnUnregisteredActionIsRefusedBeforeAnythingRuns() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Scenarios.plan(fake.topology()).extend(LOAD_BALANCER);

    assertThatThrownBy(() -> Scenarios.executor(fake, new Scenarios.Events(), Journal.inMemory()).build().run(plan))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[lb-drain, lb-restore]");
    assertThat(fake.history().callCount()).isZero();

    RunReport report = executor(fake, Journal.inMemory()).build().run(plan);

    assertThat(report.outcome().isCompleted()).isTrue();
    assertThat(calls).hasSize(26).startsWith("lb-drain fe01.contoso.com", "lb-restore fe01.contoso.com",
        "lb-drain fe02.contoso.com");
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
  }

  @Test
  void aVetoStopsTheRunCleanlyAndResumeGoesOnFromThere() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Path path = directory.resolve("veto.journal");
    RunHooks noSecondDomain = new RunHooks() {
      @Override
      public HookDecision beforeDomain(Fqdn pool, String domain) {
        return domain.equals("UpgradeDomain2") ? HookDecision.veto("the change board has not approved UD2 yet")
            : HookDecision.proceed();
      }
    };

    RunReport vetoed;
    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      vetoed = Scenarios.executor(fake, new Scenarios.Events(), journal).hook("change board", noSecondDomain).build()
          .run(plan);
    }

    assertThat(vetoed.outcome()).isEqualTo(new RunOutcome.Vetoed("change board",
        "the change board has not approved UD2 yet", new StepId("pool01.contoso.com/UpgradeDomain2/settle")));
    JournalContents journal = FileJournal.read(path);
    assertThat(journal.latestStatuses().get(new StepId("pool01.contoso.com/UpgradeDomain2/settle")))
        .isEqualTo(StepStatus.FAILED);
    assertThat(fake.history().timesUpdated(Fqdn.of("fe03.contoso.com"))).isZero();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe01.contoso.com"))).isOne();

    RunReport resumed;
    try (Journal again = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      resumed = Scenarios.executor(fake, new Scenarios.Events(), again).build().resume(plan);
    }
    assertThat(resumed.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce();
  }

  @Test
  void aVetoInsideADomainBringsBackTheServersAlreadyBegunLikeACancel() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Planner.create(Scenarios.options().concurrency(Concurrency.DEFAULT).build())
        .plan(fake.topology()).extend(LOAD_BALANCER);
    RunHooks notFe02 = new RunHooks() {
      @Override
      public HookDecision beforeServer(Fqdn pool, String group, Fqdn server) {
        return server.equals(Fqdn.of("fe02.contoso.com")) ? HookDecision.veto("fe02 hosts a conference until midnight")
            : HookDecision.proceed();
      }
    };

    RunReport report = executor(fake, Journal.inMemory()).hook("conference check", notFe02).build().run(plan);

    assertThat(report.outcome()).isInstanceOf(RunOutcome.Vetoed.class);
    assertThat(fake).hasEveryServerRunning();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe01.contoso.com"))).as("begun: brought back, updated").isOne();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe02.contoso.com"))).isZero();
    assertThat(calls).contains("lb-drain fe01.contoso.com", "lb-restore fe01.contoso.com")
        .doesNotContain("lb-drain fe02.contoso.com");
  }

  @Test
  void aCustomStepInterruptedByACrashIsResumedLikeABuiltInOne() {
    UpgradePlan plan = Scenarios.plan(SampleTopologies.contoso()).extend(LOAD_BALANCER);
    int[] firstDrainCall = {0};
    FakeDeployment clean = FakeDeployment.builder(SampleTopologies.contoso()).timings(FakeTimings.instant()).build();
    executor(clean, Journal.inMemory()).customAction("lb-drain", (step, deployment) -> {
      deployment.serverStatus(step.target());
      if (firstDrainCall[0] == 0) {
        firstDrainCall[0] = clean.history().callCount();
      }
      return "drained";
    }).build().run(plan);
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso()).timings(FakeTimings.instant())
        .faults(Fault.crashAfterCall(firstDrainCall[0])).build();
    CustomAction drainThroughTheDeployment = (step, deployment) -> {
      deployment.serverStatus(step.target());
      return "drained";
    };
    Path path = directory.resolve("crash.journal");

    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      assertThatThrownBy(() -> executor(fake, journal).customAction("lb-drain", drainThroughTheDeployment).build()
          .run(plan)).isInstanceOf(SimulatedCrash.class);
    }
    JournalContents crashed = FileJournal.read(path);
    StepId interrupted = crashed.records().get(crashed.records().size() - 1).step();
    assertThat(interrupted.value()).endsWith("/before-lb-drain");
    assertThat(crashed.latestStatuses().get(interrupted)).isEqualTo(StepStatus.STARTED);

    RunReport resumed;
    try (Journal journal = FileJournal.open(path, FileJournal.Durability.FLUSH)) {
      resumed = executor(fake, journal).customAction("lb-drain", drainThroughTheDeployment).build().resume(plan);
    }
    assertThat(resumed.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce();
    List<JournalRecord> endings = FileJournal.read(path).records().stream()
        .filter(record -> record.step().equals(interrupted) && record.status().isDone()).toList();
    assertThat(endings).hasSize(1);
  }

  @Test
  void aClosingMaintenanceWindowStopsBeforeTheNextDomainNeverInsideOne() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Planner.create(Scenarios.options().concurrency(Concurrency.DEFAULT).build())
        .plan(fake.topology());
    // Staged by +5 min, UD1 done by about +41, UD2 (its settle wait first, CR-2) by about +103;
    // UD3 would need about 62 more.
    Instant closesAt = fake.clock().now().plus(Duration.ofMinutes(130));

    RunReport report = Scenarios.executor(fake, new Scenarios.Events(), Journal.inMemory())
        .hook("maintenance window", RunPolicies.maintenanceWindow(plan, fake.clock(), closesAt)).build().run(plan);

    assertThat(report.outcome()).isInstanceOfSatisfying(RunOutcome.Vetoed.class, vetoed -> {
      assertThat(vetoed.step().value()).isEqualTo("pool01.contoso.com/UpgradeDomain3/settle");
      assertThat(vetoed.reason()).contains("UpgradeDomain3 of pool01.contoso.com needs about", "window closes in");
    });
    assertThat(fake).hasEveryServerRunning().upgradedOneDomainAtATime();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe04.contoso.com"))).isOne();
    assertThat(fake.history().timesUpdated(Fqdn.of("fe05.contoso.com"))).isZero();
  }

  @Test
  void aCanaryStopsAfterOneDomainAndEachResumeDoesOneMore() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = Journal.inMemory();
    List<RunOutcome.Kind> outcomes = new ArrayList<>();

    RunReport report = Scenarios.executor(fake, new Scenarios.Events(), journal)
        .hook("canary", RunPolicies.stopAfterDomains(1)).build().run(plan);
    outcomes.add(report.outcome().kind());
    assertThat(fake.history().timesUpdated(Fqdn.of("fe03.contoso.com"))).isZero();
    while (!report.outcome().isCompleted()) {
      report = Scenarios.executor(fake, new Scenarios.Events(), journal)
          .hook("canary", RunPolicies.stopAfterDomains(1)).build().resume(plan);
      outcomes.add(report.outcome().kind());
    }

    // pool01's three domains, pool02's two, then se01 (a pool: a canary stops before a new pool too)
    assertThat(outcomes).containsExactly(RunOutcome.Kind.VETOED, RunOutcome.Kind.VETOED, RunOutcome.Kind.VETOED,
        RunOutcome.Kind.VETOED, RunOutcome.Kind.VETOED, RunOutcome.Kind.COMPLETED);
    assertThat(fake).upgradedEveryServerExactlyOnce().upgradedOneDomainAtATime();
  }

  @Test
  void failingSyntheticTransactionsStopBeforeTheNextDomainAndResumeChecksAgain() {
    FakeDeployment fake = FakeDeployment.builder(SampleTopologies.contoso())
        .faults(Fault.syntheticTransactionsFail("pool01.contoso.com")).build();
    UpgradePlan plan = Scenarios.plan(fake.topology());
    Journal journal = Journal.inMemory();

    RunReport failed = Scenarios.executor(fake, new Scenarios.Events(), journal)
        .hook("synthetic transactions", Verification.syntheticTransactions(fake)).build().run(plan);

    assertThat(failed.outcome()).isInstanceOfSatisfying(RunOutcome.Vetoed.class, vetoed -> {
      assertThat(vetoed.reason()).contains("after UpgradeDomain1", "Test-CsIM: Failure");
      assertThat(vetoed.step().value()).isEqualTo("pool01.contoso.com/UpgradeDomain1/fe02.contoso.com/verify");
    });
    assertThat(fake.history().timesUpdated(Fqdn.of("fe03.contoso.com"))).isZero();

    RunReport resumed = Scenarios.executor(fake, new Scenarios.Events(), journal)
        .hook("synthetic transactions", Verification.syntheticTransactions(fake)).build().resume(plan);
    assertThat(resumed.outcome().isCompleted()).isTrue();
    assertThat(fake).upgradedEveryServerExactlyOnce();
  }

  @Test
  void aHookThatThrowsOrHangsIsATypedOutcomeNamingIt() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    UpgradePlan plan = Scenarios.plan(fake.topology());
    RunHooks throwing = new RunHooks() {
      @Override
      public HookDecision beforePool(Fqdn pool) {
        throw new IllegalStateException("the pager service is down");
      }
    };
    CountDownLatch never = new CountDownLatch(1);
    RunHooks hanging = new RunHooks() {
      @Override
      public HookDecision afterServer(Fqdn pool, String group, Fqdn server) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return HookDecision.proceed();
      }
    };

    RunReport thrown = Scenarios.executor(fake, new Scenarios.Events(), Journal.inMemory()).hook("pager", throwing)
        .build().run(plan);
    RunReport hung = Scenarios.executor(FakeDeployment.of(fake.topology()), new Scenarios.Events(), Journal.inMemory())
        .hook("slow check", hanging).hookTimeout(Duration.ofMillis(200)).build().run(plan);

    assertThat(thrown.outcome()).isInstanceOfSatisfying(RunOutcome.HookFailed.class, failed -> {
      assertThat(failed.hook()).isEqualTo("pager");
      assertThat(failed.problem()).contains("the pager service is down");
    });
    assertThat(fake.history().events(io.github.lyncupgrade.testkit.fake.FakeEvent.ServicesStopped.class))
        .as("no service stopped before the pool's hook").isEmpty();
    assertThat(hung.outcome()).isInstanceOfSatisfying(RunOutcome.HookFailed.class, failed -> {
      assertThat(failed.hook()).isEqualTo("slow check");
      assertThat(failed.problem()).contains("within PT0.2S");
    });
  }
}
