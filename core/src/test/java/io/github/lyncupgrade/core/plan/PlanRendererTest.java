package io.github.lyncupgrade.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanRendererTest {
  private final UpgradePlan plan = PlanFixtures.plan(PlanOptions.ofDefaults());

  @Test
  void textNumbersEveryStepUnderItsPool() {
    String text = PlanRenderer.text().render(plan);

    assertThat(text).startsWith("Upgrade plan: 3 pools, 5 Front End and Standard Edition servers, " + plan.size() + " steps")
        .contains("pool01.contoso.com: Enterprise Edition, 2 upgrade domains, 3 Front End servers,"
            + " Back End sql01.contoso.com (collocated: [ARCHIVING]), disaster-recovery partner pool02.contoso.com")
        .contains(" 4. FE-2a  pool01.contoso.com/UD1/fe01.contoso.com/stop-services\n"
            + "           Stop-CsWindowsService -Graceful -Verbose on fe01.contoso.com")
        .contains("se01.contoso.com: Standard Edition server se01.contoso.com")
        .contains("[contingent]", "[manual: automation runs the cmdlets");
    assertThat(text.lines().filter(line -> line.matches(" *\\d+\\. .*"))).hasSize(plan.size());
  }

  @Test
  void markdownHasOneRowPerStep() {
    String markdown = PlanRenderer.markdown().render(plan);

    assertThat(markdown.lines().filter(line -> line.matches("\\| \\d+ \\|.*"))).hasSize(plan.size());
    assertThat(markdown).contains("| 1 | FE-1c | `pool01.contoso.com/fail-over` | pool02.contoso.com |");
  }

  @Test
  void mermaidDrawsEveryStepAndEveryPrerequisite() {
    String mermaid = PlanRenderer.mermaid().render(plan);
    long edges = plan.steps().stream().mapToLong(step -> plan.prerequisites(step.id()).size()).sum();

    assertThat(mermaid).startsWith("flowchart TD\n").contains("subgraph p0[\"pool01.contoso.com\"]");
    assertThat(mermaid.lines().filter(line -> line.matches(" +s\\d+\\[\".*"))).hasSize(plan.size());
    assertThat(mermaid.lines().filter(line -> line.matches(" +s\\d+ --> s\\d+"))).hasSize((int) edges);
    assertThat(mermaid).contains("s3 --> s4\n").contains("class s0,");
  }
}
