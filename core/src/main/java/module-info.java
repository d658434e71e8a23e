/**
 * The lync-upgrade core, package by package, in the order a reader meets them:
 * {@link io.github.lyncupgrade.core.model} (the validated topology), {@link io.github.lyncupgrade.core.procedure}
 * (the procedure's numbered rules and the policies that tune them), {@link io.github.lyncupgrade.core.step} (the
 * steps a plan is made of), {@link io.github.lyncupgrade.core.plan} (the planner, its options, the plan, its
 * schedule and estimate), {@link io.github.lyncupgrade.core.render} (a plan as text, Markdown, Mermaid or a Gantt
 * chart), {@link io.github.lyncupgrade.core.deployment} (what an executor needs from a deployment: the SPI),
 * {@link io.github.lyncupgrade.core.journal} (the durable record of a run) and {@link io.github.lyncupgrade.core.run}
 * (the executor, its events, outcomes and report). The engine behind the executor is not exported.
 */
module io.github.lyncupgrade.core {
  requires com.google.common;
  requires org.slf4j;

  exports io.github.lyncupgrade.core.model;
  exports io.github.lyncupgrade.core.procedure;
  exports io.github.lyncupgrade.core.step;
  exports io.github.lyncupgrade.core.plan;
  exports io.github.lyncupgrade.core.render;
  exports io.github.lyncupgrade.core.deployment;
  exports io.github.lyncupgrade.core.journal;
  exports io.github.lyncupgrade.core.run;
  // Escaping of untrusted text for messages, shared with the command line; not an API.
  exports io.github.lyncupgrade.core.internal to io.github.lyncupgrade.powershell;
}
