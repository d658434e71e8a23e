package io.github.lyncupgrade.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanEstimate;
import io.github.lyncupgrade.core.plan.PlanFixtures;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PlanRendererTest {
  private final UpgradePlan plan = PlanFixtures.plan(PlanOptions.ofDefaults());

  @Test
  void textNumbersEveryStepUnderItsPool() {
    String text = PlanRenderer.text().render(plan);

    assertThat(text).startsWith("Upgrade plan: 3 pools, 6 Front End and Standard Edition servers, " + plan.size() + " steps")
        .contains("pool01.contoso.com: Lync Server 2013 Enterprise Edition, 2 upgrade domains, 4 Front End servers"
            + " patched by upgrade domain, Back End sql01.contoso.com (collocated: [ARCHIVING]), disaster-recovery"
            + " partner pool02.contoso.com")
        .contains("Staging ahead (SDK-5): the update copied to every server before any service of its pool stops\n"
            + " 1. SDK-5  pool01.contoso.com/UD1/fe01.contoso.com/stage-update\n")
        .contains("12. FE-2a  pool01.contoso.com/UD1/fe01.contoso.com/stop-services\n"
            + "           Stop-CsWindowsService -Graceful -Verbose on fe01.contoso.com")
        .contains("se01.contoso.com: Lync Server 2013 Standard Edition server se01.contoso.com")
        .contains("[contingent]", "[manual: automation runs the cmdlets");
    assertThat(text.lines().filter(line -> line.matches(" *\\d+\\. .*"))).hasSize(plan.size());
  }

  @Test
  void markdownHasOneRowPerStep() {
    String markdown = PlanRenderer.markdown().render(plan);

    assertThat(markdown.lines().filter(line -> line.matches("\\| \\d+ \\|.*"))).hasSize(plan.size());
    assertThat(markdown).contains("| 9 | FE-1c | `pool01.contoso.com/fail-over` | pool02.contoso.com |");
  }

  @Test
  void mermaidDrawsEveryStepAndEveryPrerequisite() {
    String mermaid = PlanRenderer.mermaid().render(plan);
    long edges = plan.steps().stream().mapToLong(step -> plan.prerequisites(step.id()).size()).sum();

    assertThat(mermaid).startsWith("flowchart TD\n").contains("subgraph p0[\"staging ahead\"]")
        .contains("subgraph p1[\"pool01.contoso.com\"]");
    assertThat(mermaid.lines().filter(line -> line.matches(" +s\\d+\\[\".*"))).hasSize(plan.size());
    assertThat(mermaid.lines().filter(line -> line.matches(" +s\\d+ --> s\\d+"))).hasSize((int) edges);
    assertThat(mermaid).contains("s11 --> s12\n").contains("class s8,");
  }

  @Test
  void ganttShowsTheEstimatedNightPoolByPool() {
    UpgradePlan fleet = PlanFixtures.plan(PlanOptions.builder().concurrency(Concurrency.pools(2)).build());
    PlanEstimate estimate = fleet.estimate();

    String gantt = PlanRenderer.gantt(LocalDateTime.of(2026, 11, 28, 22, 0)).render(fleet);

    assertThat(gantt).startsWith("gantt\n  title Estimated window " + estimate.makespan().toMinutes() / 60 + "h")
        .contains("  dateFormat YYYY-MM-DD HH:mm:ss\n", "  section Staging ahead (SDK-5)\n",
            "  section pool01.contoso.com\n", "  section se01.contoso.com\n")
        .contains("    UD1 :t3, 2026-11-28 22:05:00, ")
        .contains("    Back End down 31m 10s :crit, ");
    long bars = gantt.lines().filter(line -> line.matches(" {4}.+ :(crit, |active, )?t\\d+, .*")).count();
    long expected = estimate.pools().size()
        + estimate.pools().stream().mapToLong(pool -> pool.groups().size() + (pool.backEndDown().isPresent() ? 1 : 0)).sum();
    assertThat(bars).isEqualTo(expected);
  }
}
