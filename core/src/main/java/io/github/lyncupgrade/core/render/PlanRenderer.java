package io.github.lyncupgrade.core.render;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Renders an {@link UpgradePlan} for people: a numbered text list, a Markdown table, a Mermaid
 * flowchart of the step graph, or a Mermaid Gantt chart of the estimated night. Renderers are
 * immutable and thread-safe.
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

  /**
   * A Mermaid Gantt chart of the plan's {@linkplain UpgradePlan#estimate() estimate}: the
   * staging, each pool's upgrade domains and Back End procedure, each Back End's downtime;
   * times from midnight.
   */
  static PlanRenderer gantt() {
    return gantt(LocalDateTime.of(2000, 1, 1, 0, 0));
  }

  /** {@link #gantt()} with the run starting at {@code start}, for example tonight at 22:00. */
  static PlanRenderer gantt(LocalDateTime start) {
    return new GanttPlanRenderer(Objects.requireNonNull(start, "start"));
  }
}
