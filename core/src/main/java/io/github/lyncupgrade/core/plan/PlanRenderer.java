package io.github.lyncupgrade.core.plan;

/**
 * Renders an {@link UpgradePlan} for people: a numbered text list, a Markdown table, or a
 * Mermaid flowchart of the step graph. Renderers are stateless and thread-safe.
 */
@FunctionalInterface
public interface PlanRenderer {

  /** The plan as text in this renderer's format. */
  String render(UpgradePlan plan);

  /** Numbered lines grouped by pool, each with its rule, id and description. */
  static PlanRenderer text() {
    return TextPlanRenderer.INSTANCE;
  }

  /** A Markdown table: number, rule, step id, target, what it does, notes. */
  static PlanRenderer markdown() {
    return MarkdownPlanRenderer.INSTANCE;
  }

  /** A Mermaid flowchart of the steps and their prerequisites, one subgraph per pool. */
  static PlanRenderer mermaid() {
    return MermaidPlanRenderer.INSTANCE;
  }
}
