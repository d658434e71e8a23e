package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.List;

/** Numbered lines, grouped under a line per pool. */
final class TextPlanRenderer implements PlanRenderer {
  static final TextPlanRenderer INSTANCE = new TextPlanRenderer();

  @Override
  public String render(UpgradePlan plan) {
    StringBuilder out = new StringBuilder();
    out.append(RenderSupport.summary(plan)).append('\n');
    out.append("Fingerprint ").append(plan.fingerprint()).append('\n');
    int width = String.valueOf(plan.size()).length();
    Fqdn currentPool = null;
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (!step.pool().equals(currentPool)) {
        currentPool = step.pool();
        out.append('\n').append(RenderSupport.describe(plan.topology().pool(currentPool).orElseThrow())).append('\n');
      }
      out.append(String.format("%" + width + "d. %-6s %s%n", i + 1, step.rule().id(), step.id()));
      out.append(" ".repeat(width + 9)).append(step.description());
      String notes = RenderSupport.notes(step);
      if (!notes.isEmpty()) {
        out.append(" [").append(notes).append(']');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
