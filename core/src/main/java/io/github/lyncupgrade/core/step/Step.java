package io.github.lyncupgrade.core.step;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.Optional;

/**
 * One step of an {@link UpgradePlan}. The family is closed: pool and domain gates
 * ({@link CheckPoolReadiness}, {@link CheckDomainReadiness}), contingent pool failover and
 * failback ({@link FailOverPool}, {@link FailBackPool}), the {@link ServerStep}s, and the
 * steps a plan's user adds ({@link CustomStep}, SDK-6). Handle them with a {@link StepVisitor}
 * ({@link #accept}), which the compiler checks for every type, or switch over {@link #kind()}.
 *
 * <p>Steps are immutable records; two equal steps have the same id.
 */
public sealed interface Step
    permits ServerStep, CheckPoolReadiness, CheckDomainReadiness, FailOverPool, FailBackPool, CustomStep, SettlePool,
        FailOverCentralManagementStore {

  /** The step's kind, for exhaustive {@code switch}. */
  StepKind kind();

  /** Hands this step to the {@code visitor} method for its type; see {@link StepVisitor}. */
  <R> R accept(StepVisitor<R> visitor);

  /** The stable id; see {@link StepId}. */
  StepId id();

  /** The procedure rule this step carries out. */
  ProcedureRule rule();

  /** The pool the step belongs to. */
  Fqdn pool();

  /** The server the step acts on or runs on. */
  Fqdn target();

  /** What the step does, in one line an operator understands. */
  String description();

  /**
   * Why the step needs no automation, for steps that are human actions in the source (opening
   * and closing the Management Shell). They stay in the plan so that a reader of the procedure
   * finds every step, and an executor records them without acting.
   */
  default Optional<String> manualReason() {
    return Optional.empty();
  }

  /** Whether this step is a human action that automation does not carry out. */
  default boolean isManual() {
    return manualReason().isPresent();
  }

  /**
   * Whether this step runs only when something goes wrong (a pool problem, FE-1b), rather than
   * on every run.
   */
  default boolean isContingent() {
    return false;
  }

  /**
   * Whether this step only prepares a server, touching nothing users see, and so runs ahead of
   * its pool in the fleet's preparation lane (SDK-5) rather than inside the pool's procedure.
   */
  default boolean runsAhead() {
    return false;
  }

  /**
   * The part of its pool's procedure this step belongs to: an upgrade domain (its readiness
   * gates included) or {@value StepScope#BACK_END}; empty for pool-wide steps such as failover.
   */
  default Optional<String> group() {
    return Optional.empty();
  }

  /**
   * The server procedure this step is part of (a server's stop to verify, or its Back End
   * procedure, with the steps a user added there); empty for gates, pool-wide steps and the
   * staging ahead (SDK-5), which is not part of a procedure.
   */
  default Optional<StepScope> serverProcedure() {
    return Optional.empty();
  }

  /** Whether the plan's user added this step (SDK-6), rather than the procedure. */
  default boolean isCustom() {
    return false;
  }
}
