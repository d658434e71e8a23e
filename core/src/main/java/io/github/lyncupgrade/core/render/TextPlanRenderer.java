package io.github.lyncupgrade.core.render;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import java.util.List;

/** Numbered lines, grouped under a line for the staging ahead and one per pool. */
final class TextPlanRenderer implements PlanRenderer {
  static final TextPlanRenderer INSTANCE = new TextPlanRenderer();

  @Override
  public String render(UpgradePlan plan) {
    StringBuilder out = new StringBuilder();
    out.append(RenderSupport.summary(plan)).append('\n');
    out.append("Fingerprint ").append(plan.fingerprint()).append('\n');
    RenderSupport.warnings(plan).forEach(warning -> out.append(warning).append('\n'));
    int width = String.valueOf(plan.size()).length();
    String currentSection = null;
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (!RenderSupport.section(step).equals(currentSection)) {
        currentSection = RenderSupport.section(step);
        out.append('\n').append(RenderSupport.heading(plan, step)).append('\n');
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
