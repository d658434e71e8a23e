package io.github.lyncupgrade.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalContentsTest {
  private static final Instant T0 = Instant.parse("2026-01-10T22:00:00Z");
  private static final UpgradePlan PLAN = Planner.create(PlanOptions.ofDefaults()).plan(Topology.builder()
      .pool(Pool.enterprise("pool09.contoso.com").upgradeDomain("UD1", "fe91.contoso.com").backEnd("sql09.contoso.com"))
      .build());

  private static Step step(String id) {
    return PLAN.step(new StepId(id)).orElseThrow();
  }

  private static JournalRecord record(long sequence, long minute, String step, StepStatus status) {
    return new JournalRecord(sequence, T0.plus(Duration.ofMinutes(minute)), new StepId(step), status, "");
  }

  @Test
  void observedDurationsRunFromTheLastStartToTheSuccessOfStepsThePlanHolds() {
    String restart = "pool09.contoso.com/UD1/fe91.contoso.com/restart";
    String install = "pool09.contoso.com/UD1/fe91.contoso.com/install-update";
    String manual = "pool09.contoso.com/back-end/sql09.contoso.com/open-management-shell";
    JournalContents journal = new JournalContents(PLAN.fingerprint(), "", List.of(
        record(1, 0, install, StepStatus.STARTED),
        record(2, 15, install, StepStatus.SUCCEEDED),
        record(3, 15, restart, StepStatus.STARTED),
        record(4, 20, restart, StepStatus.FAILED),
        record(5, 30, restart, StepStatus.STARTED),
        record(6, 44, restart, StepStatus.SUCCEEDED),
        record(7, 44, manual, StepStatus.SKIPPED),
        record(8, 45, "pool77.contoso.com/UD1/fe77.contoso.com/restart", StepStatus.STARTED),
        record(9, 50, "pool77.contoso.com/UD1/fe77.contoso.com/restart", StepStatus.SUCCEEDED)), Optional.empty());

    assertThat(journal.observedDurations(PLAN)).containsOnly(
        Map.entry(step(install), Duration.ofMinutes(15)),
        Map.entry(step(restart), Duration.ofMinutes(14)));
  }
}
