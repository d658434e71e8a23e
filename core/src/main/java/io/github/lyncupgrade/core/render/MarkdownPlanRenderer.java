package io.github.lyncupgrade.core.render;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import java.util.List;

/** One Markdown table row per step. */
final class MarkdownPlanRenderer implements PlanRenderer {
  static final MarkdownPlanRenderer INSTANCE = new MarkdownPlanRenderer();

  @Override
  public String render(UpgradePlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("**").append(RenderSupport.summary(plan)).append("** (fingerprint `")
        .append(plan.fingerprint(), 0, 12).append("`)\n\n");
    RenderSupport.warnings(plan).forEach(warning -> out.append("> **").append(warning, 0, warning.indexOf(':'))
        .append("**").append(warning.substring(warning.indexOf(':'))).append("\n>\n"));
    out.append("| # | Rule | Step | Target | What | Notes |\n");
    out.append("|---|---|---|---|---|---|\n");
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      out.append("| ").append(i + 1)
          .append(" | ").append(step.rule().id())
          .append(" | `").append(step.id()).append('`')
          .append(" | ").append(step.target())
          .append(" | ").append(cell(step.description()))
          .append(" | ").append(cell(RenderSupport.notes(step)))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|");
  }
}
