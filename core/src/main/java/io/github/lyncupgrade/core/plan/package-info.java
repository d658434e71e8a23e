/**
 * Planning. Start with {@link io.github.lyncupgrade.core.plan.Planner}:
 * {@code Planner.create(options).plan(topology)} gives an {@link io.github.lyncupgrade.core.plan.UpgradePlan}, the
 * ordered, explained steps with their prerequisites and a fingerprint of what they do, or
 * {@link io.github.lyncupgrade.core.plan.PlanRefusedException} naming every problem.
 * {@link io.github.lyncupgrade.core.plan.PlanOptions} (with {@link io.github.lyncupgrade.core.plan.Concurrency}
 * and {@link io.github.lyncupgrade.core.plan.StepDurations}) tunes it; {@link io.github.lyncupgrade.core.plan.PlanExtension}
 * adds your own steps (SDK-6); {@link io.github.lyncupgrade.core.plan.StepScheduler} decides what may start
 * (SDK-4, SDK-5) for the executor, the estimate and your own automation; {@link io.github.lyncupgrade.core.plan.PlanEstimate}
 * is the night's expected window.
 */
package io.github.lyncupgrade.core.plan;
