/**
 * The steps a plan is made of: a closed family. Start with {@link io.github.lyncupgrade.core.step.Step}
 * and {@link io.github.lyncupgrade.core.step.StepVisitor}, which handles every step type with a method the
 * compiler checks; {@link io.github.lyncupgrade.core.step.StepKind} names the types for a {@code switch}. Each
 * record is one rule of the procedure ({@code CheckPoolReadiness} FE-1, {@code StopServices} FE-2a, BE-4, BE-9,
 * {@code UpdateDatabases} BE-11, ...), with a stable {@link io.github.lyncupgrade.core.step.StepId} made by one
 * factory, so that a journal can match the steps of the next run. The family stays in one package (29 types):
 * it is sealed, and splitting it would scatter the procedure a reader looks for here.
 */
package io.github.lyncupgrade.core.step;
