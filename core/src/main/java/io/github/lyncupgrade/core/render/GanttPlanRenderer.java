package io.github.lyncupgrade.core.render;

import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.plan.BackEndDowntime;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanEstimate;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.StepScope;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The plan's {@linkplain UpgradePlan#estimate() estimate} as a Mermaid Gantt chart: a section
 * for the staging ahead and one per pool in the order they start, a bar per upgrade domain and
 * Back End procedure, and the Back End's downtime, marked critical when it reaches BE-0's 30
 * minutes.
 */
final class GanttPlanRenderer implements PlanRenderer {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final LocalDateTime start;

  GanttPlanRenderer(LocalDateTime start) {
    this.start = start;
  }

  @Override
  public String render(UpgradePlan plan) {
    PlanEstimate estimate = plan.estimate();
    Concurrency limits = plan.options().concurrency();
    StringBuilder out = new StringBuilder("gantt\n");
    out.append("  title Estimated window ").append(Durations.format(estimate.makespan())).append(", ")
        .append(limits.pools()).append(limits.pools() == 1 ? " pool" : " pools").append(" at once\n");
    out.append("  dateFormat YYYY-MM-DD HH:mm:ss\n");
    out.append("  axisFormat %H:%M\n");
    int task = 0;
    if (estimate.staging().isPresent()) {
      out.append("  section Staging ahead (SDK-5)\n");
      for (PlanEstimate.PoolWindow pool : estimate.pools()) {
        if (pool.staging().isPresent()) {
          bar(out, pool.pool().toString(), "", task++, pool.staging().get());
        }
      }
    }
    for (PlanEstimate.PoolWindow pool : estimate.pools()) {
      out.append("  section ").append(label(pool.pool().toString())).append('\n');
      for (Map.Entry<String, PlanEstimate.Window> group : pool.groups().entrySet()) {
        String name = StepScope.BACK_END.equals(group.getKey()) ? "Back End procedure" : group.getKey();
        bar(out, name, "", task++, group.getValue());
      }
      if (pool.backEndDown().isPresent()) {
        PlanEstimate.Window down = pool.backEndDown().get();
        boolean critical = down.length().compareTo(BackEndDowntime.RESILIENCY_THRESHOLD) >= 0;
        bar(out, "Back End down " + Durations.format(down.length()), critical ? "crit, " : "active, ", task++, down);
      }
    }
    return out.toString();
  }

  private void bar(StringBuilder out, String name, String tags, int task, PlanEstimate.Window window) {
    out.append("    ").append(label(name)).append(" :").append(tags).append('t').append(task).append(", ")
        .append(TIME.format(start.plus(window.start()))).append(", ")
        .append(TIME.format(start.plus(window.end()))).append('\n');
  }

  /** Mermaid ends a task's name at a colon and reads {@code #} and {@code ;} specially; names here rarely hold them. */
  private static String label(String text) {
    return text.replace(':', '\u2236').replace(';', ',').replace('#', ' ');
  }
}
