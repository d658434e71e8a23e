/**
 * The procedure's numbered rules and the policies that tune them. Start with
 * {@link io.github.lyncupgrade.core.procedure.ProcedureRule}: every rule of {@code PROCEDURE.md} (FE-*, BE-*), the
 * facts from Microsoft's reference numbered CR-*, and the SDK's own decisions (SDK-*), which every step cites.
 * {@link io.github.lyncupgrade.core.procedure.ReadinessPolicy} (FE-1a, FE-1b),
 * {@link io.github.lyncupgrade.core.procedure.SettlePolicy} (CR-2),
 * {@link io.github.lyncupgrade.core.procedure.PoolFailoverMode} (FE-1c) and
 * {@link io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant} (BE-11a, b, c) are the choices the steps
 * carry.
 */
package io.github.lyncupgrade.core.procedure;
