/**
 * A plan for people to read. Start with {@link io.github.lyncupgrade.core.render.PlanRenderer}:
 * {@code text()}, {@code markdown()} (a table), {@code mermaid()} (the step graph) and {@code gantt()} (the
 * estimated night). The PowerShell runbook is written by the adapter's {@code RunbookWriter}.
 */
package io.github.lyncupgrade.core.render;
