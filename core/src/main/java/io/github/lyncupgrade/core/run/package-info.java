/**
 * Running a plan. Start with {@link io.github.lyncupgrade.core.run.Executor}:
 * {@code Executor.builder(deployment).journal(journal).build().run(plan)}, which enforces the procedure's safety
 * rules whatever the plan says, and {@code resume(plan)} after any stop. It tells
 * {@link io.github.lyncupgrade.core.run.RunListener}s each {@link io.github.lyncupgrade.core.run.RunEvent}, ends with a
 * typed {@link io.github.lyncupgrade.core.run.RunOutcome} in a {@link io.github.lyncupgrade.core.run.RunReport}, and
 * asks your {@link io.github.lyncupgrade.core.run.RunHooks}, {@link io.github.lyncupgrade.core.run.CustomAction}s and
 * {@link io.github.lyncupgrade.core.run.RunPolicies}. {@link io.github.lyncupgrade.core.run.Progress} says where a
 * run stands, live or from a journal.
 */
package io.github.lyncupgrade.core.run;
