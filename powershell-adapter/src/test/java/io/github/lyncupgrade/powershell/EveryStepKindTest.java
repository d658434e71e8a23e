package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.StepDurations;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@link StepKind} through every consumer of steps: the durations of the estimate, the text,
 * Markdown and Mermaid renderings, the runbook, and the executor on the fake deployment. The
 * compiler checks each consumer's dispatch (they are {@code StepVisitor}s or switch expressions);
 * this test checks that the sample plans still hold a step of every kind, so each consumer is tried
 * with each: a new kind with no sample fails here, naming it.
 */
class EveryStepKindTest {
  /** The two samples, the first extended with a step of the user's own (SDK-6), one step at a time. */
  private static List<UpgradePlan> plans() {
    return List.of(plan(SampleTopologies.contoso()).extend(PlanExtension.builder()
            .aroundEachServer("lb-drain", "Take {target} out of the load balancer", "lb-restore", "Put {target} back")
            .build()),
        plan(SampleTopologies.skypeForBusiness2015()));
  }

  private static UpgradePlan plan(Topology topology) {
    return Planner.create(PlanOptions.builder().updatePackage(Simulation.sampleUpdate(topology))
        .concurrency(Concurrency.sequential()).build()).plan(topology);
  }

  @Test
  void theSamplePlansHoldAStepOfEveryKind() {
    Set<StepKind> kinds = plans().stream().flatMap(plan -> plan.steps().stream()).map(Step::kind)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StepKind.class)));

    assertThat(EnumSet.complementOf(EnumSet.copyOf(kinds)))
        .as("kinds no sample plan has a step of: give one of the plans here such a step, so that every consumer"
            + " of steps is tried with it")
        .isEmpty();
  }

  @Test
  void everyConsumerHandlesEveryStepOfThePlans() {
    for (UpgradePlan plan : plans()) {
      String text = PlanRenderer.text().render(plan);
      String markdown = PlanRenderer.markdown().render(plan);
      String mermaid = PlanRenderer.mermaid().render(plan);
      String runbook = RunbookWriter.write(plan);
      for (int i = 0; i < plan.size(); i++) {
        Step step = plan.steps().get(i);
        assertThat(StepDurations.defaults().expected(step)).as("%s's expected duration", step.kind())
            .isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(text).as("the text rendering of %s", step.kind()).contains(step.id().value());
        assertThat(markdown).as("the Markdown rendering of %s", step.kind()).contains(step.id().value());
        assertThat(mermaid).as("the Mermaid rendering of %s", step.kind())
            .contains("s" + i + "[\"" + (i + 1) + ". " + step.rule().id() + " ");
        assertThat(runbook).as("the runbook's region for %s", step.kind())
            .contains("#region " + (i + 1) + ". [" + step.rule().id() + "] " + step.id());
      }
    }
  }

  @Test
  void theExecutorCarriesOutOrRecordsEveryStepOfThePlansOnTheFake() {
    for (UpgradePlan plan : plans()) {
      FakeDeployment fake = FakeDeployment.of(plan.topology());
      Journal journal = Journal.inMemory();

      RunReport report = Executor.builder(fake).clock(fake.clock()).journal(journal)
          .customAction("lb-drain", (step, deployment) -> "drained")
          .customAction("lb-restore", (step, deployment) -> "restored")
          .build().run(plan);

      assertThat(report.outcome().isCompleted()).as(report.outcome().describe()).isTrue();
      Set<String> recorded = journal.open(plan).records().stream().map(JournalRecord::step)
          .map(Object::toString).collect(Collectors.toSet());
      assertThat(plan.steps()).allSatisfy(step -> assertThat(recorded).as("the journal records %s", step.kind())
          .contains(step.id().value()));
    }
  }
}
