package io.github.lyncupgrade.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a run's progress reads (the status command prints it). */
class ProgressTest {
  @Test
  void columnsNeverRunTogetherAndAServerInProgressSaysHowManyOfItsStepsAreDone() {
    UpgradePlan plan = Planner.create().plan(Topology.builder()
        .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UpgradeDomain1", "fe01.contoso.com", "fe02.contoso.com")
            .upgradeDomain("UD2", "fe03.contoso.com", "fe04.contoso.com").backEnd("sql01.contoso.com"))
        .build());
    Map<StepId, StepStatus> statuses = new LinkedHashMap<>();
    for (Step step : plan.steps()) {
      statuses.put(step.id(), StepStatus.SUCCEEDED);
      if (step.id().value().equals("pool01.contoso.com/UD2/fe03.contoso.com/stop-services")) {
        break;
      }
    }

    String text = Progress.of(plan, statuses).toText();

    assertThat(text).startsWith(statuses.size() + " of " + plan.size() + " steps done (succeeded or skipped)\n")
        .contains("\n  UpgradeDomain1  DONE         fe01 DONE, fe02 DONE\n")
        .containsPattern("\n  UD2             IN_PROGRESS  fe03 IN_PROGRESS \\(\\d of \\d steps done\\), fe04 PENDING\n");
    assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
  }
}
