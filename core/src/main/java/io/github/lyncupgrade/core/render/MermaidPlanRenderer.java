package io.github.lyncupgrade.core.render;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.util.ArrayList;
import java.util.List;

/** A top-down flowchart: a node per step, an edge per prerequisite, a subgraph per pool. */
final class MermaidPlanRenderer implements PlanRenderer {
  static final MermaidPlanRenderer INSTANCE = new MermaidPlanRenderer();

  @Override
  public String render(UpgradePlan plan) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    List<Step> steps = plan.steps();
    List<String> contingent = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    List<String> custom = new ArrayList<>();
    String currentSection = null;
    int subgraphs = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (!RenderSupport.section(step).equals(currentSection)) {
        if (currentSection != null) {
          out.append("  end\n");
        }
        currentSection = RenderSupport.section(step);
        out.append("  subgraph p").append(subgraphs++).append("[\"").append(currentSection).append("\"]\n");
      }
      String name = step.runsAhead() ? step.id().value() : RenderSupport.idWithinPool(step);
      out.append("    s").append(i).append("[\"").append(i + 1).append(". ").append(step.rule().id()).append(' ')
          .append(label(name)).append("\"]\n");
      if (step.isContingent()) {
        contingent.add("s" + i);
      } else if (step.isManual()) {
        manual.add("s" + i);
      } else if (step.isCustom()) {
        custom.add("s" + i);
      }
    }
    if (currentSection != null) {
      out.append("  end\n");
    }
    for (int i = 0; i < steps.size(); i++) {
      for (StepId prerequisite : plan.prerequisites(steps.get(i).id())) {
        out.append("  s").append(plan.positionOf(prerequisite)).append(" --> s").append(i).append('\n');
      }
    }
    out.append("  classDef contingent stroke-dasharray: 5 5\n");
    out.append("  classDef manual fill:#eeeeee,color:#555555\n");
    out.append("  classDef custom fill:#e8f0fe,stroke:#1a73e8\n");
    appendClass(out, contingent, "contingent");
    appendClass(out, manual, "manual");
    appendClass(out, custom, "custom");
    return out.toString();
  }

  private static void appendClass(StringBuilder out, List<String> nodes, String className) {
    if (!nodes.isEmpty()) {
      out.append("  class ").append(String.join(",", nodes)).append(' ').append(className).append('\n');
    }
  }

  /** Mermaid labels are quoted; ids hold no quotes, but render any defensively. */
  private static String label(String text) {
    return text.replace("\"", "#quot;").replace("/", " / ");
  }
}
