/**
 * The executor's engine, not exported. Start with {@code Engine} (a run or a resume: it restores what the
 * journal shows and opens a {@code RunSession}, which schedules the plan's steps and hands each to
 * {@code StepPerformer}). {@code StepPerformer} dispatches on the step's type ({@code StepVisitor}) to
 * handlers by concern: {@code ServerWork} and {@code TakeDown} (a server's procedure, FE-2, BE-1..BE-10,
 * CR-3), {@code ReadinessGate} and {@code SettleWait} (FE-1, CR-2, sharing {@code ReadinessJudge}),
 * {@code PoolFailovers} (FE-1c, CR-9, SDK-3), {@code DatabaseSteps} (BE-11, CR-6, CR-7) and
 * {@code CustomSteps} (SDK-6); {@code QuorumGuard} checks FE-0 and CR-1 before every stop,
 * {@code BackEndWatch} rings BE-0 on the clock, {@code StepRecorder} journals every transition.
 * {@code RunContext} carries what they share. Never call the deployment or the clock while holding
 * a lock: a call to PowerShell takes seconds, and virtual time stops while a tracked thread waits.
 */
package io.github.lyncupgrade.core.internal.engine;
