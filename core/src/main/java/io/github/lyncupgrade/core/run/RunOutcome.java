package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.step.StepId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a run ended. A closed family; switch over {@link #kind()}. Immutable.
 */
public sealed interface RunOutcome {

  /** The kinds of outcome. */
  enum Kind {
    /** Every step is done. */
    COMPLETED,
    /** {@link Executor#cancel()} stopped the run at a safe point. */
    CANCELLED,
    /** A step failed; the run stopped. */
    STEP_FAILED,
    /** A pool had a problem (FE-1b, or the settle wait of CR-2 gave up) and was not failed over. */
    POOL_PROBLEM,
    /** An upgrade domain was not ReadyForUpgrade when its turn came (FE-2). */
    DOMAIN_NOT_READY,
    /** Going on would have broken a safety rule, whatever the plan said. */
    SAFETY_STOP,
    /** The journal could not be written, so nothing more was done. */
    JOURNAL_FAILURE,
    /** A hook or run policy said no (a veto), at a pool, domain or server boundary. */
    VETOED,
    /** A hook threw or took longer than its timeout. */
    HOOK_FAILED,
    /** The pool's routing groups moved while it settled between two domains (CR-2). */
    ROUTING_GROUPS_MOVED
  }

  /** The kind, for exhaustive {@code switch}. */
  Kind kind();

  /** What happened, in a sentence or two an operator can act on. */
  String describe();

  /** Whether every step is done. */
  default boolean isCompleted() {
    return kind() == Kind.COMPLETED;
  }

  /** Every step is done. */
  record Completed() implements RunOutcome {
    @Override
    public Kind kind() {
      return Kind.COMPLETED;
    }

    @Override
    public String describe() {
      return "Every step is done.";
    }
  }

  /**
   * The run was cancelled: at a safe point ({@link Executor#cancel()}), or before the next step
   * whatever it was ({@link Executor#cancelNow()}), which may leave a server part-way through its
   * procedure.
   *
   * @param pendingSteps how many steps are left
   * @param atSafePoint whether it stopped at a safe point
   */
  record Cancelled(int pendingSteps, boolean atSafePoint) implements RunOutcome {
    /** Cancelled at a safe point. */
    public Cancelled(int pendingSteps) {
      this(pendingSteps, true);
    }

    @Override
    public Kind kind() {
      return Kind.CANCELLED;
    }

    @Override
    public String describe() {
      return (atSafePoint ? "Cancelled at a safe point with " : "Cancelled before the next step with ")
          + pendingSteps + " steps left; resume to go on.";
    }
  }

  /**
   * A step failed.
   *
   * @param step the step
   * @param target the server or pool it acted on
   * @param reason why it failed
   */
  record StepFailed(StepId step, Fqdn target, String reason) implements RunOutcome {
    /** Rejects nulls. */
    public StepFailed {
      requireNonNull(step, "step");
      requireNonNull(target, "target");
      requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.STEP_FAILED;
    }

    @Override
    public String describe() {
      return "Step " + step + " failed on " + target + ": " + reason
          + ". Fix the cause, then resume: the step is checked again before it is redone.";
    }
  }

  /**
   * A pool had a problem and was not failed over: found by FE-1b and the pool has no partner,
   * failover is not allowed, or its partner cannot take its users; or the settle wait gave up
   * (CR-2), which the run never fails over.
   *
   * @param pool the pool
   * @param rule the rule that found the problem: FE-1b or CR-2
   * @param reason what the problem was and why there was no failover
   * @param evidence every readiness answer of the check or wait, with its time
   */
  record PoolProblem(Fqdn pool, ProcedureRule rule, String reason, List<ReadinessObservation> evidence)
      implements RunOutcome {
    /** Rejects nulls; copies the evidence. */
    public PoolProblem {
      requireNonNull(pool, "pool");
      requireNonNull(rule, "rule");
      requireNonNull(reason, "reason");
      evidence = List.copyOf(evidence);
    }

    @Override
    public Kind kind() {
      return Kind.POOL_PROBLEM;
    }

    @Override
    public String describe() {
      return "Pool " + pool + " has a problem (" + rule + "): " + reason + ". Readiness checks:\n"
          + evidence.stream().map(observation -> "  " + observation).collect(Collectors.joining("\n"));
    }
  }

  /**
   * An upgrade domain was not ReadyForUpgrade right before its servers were to be stopped.
   *
   * @param pool the pool
   * @param upgradeDomain the domain
   * @param evidence the readiness answer
   */
  record DomainNotReady(Fqdn pool, String upgradeDomain, ReadinessObservation evidence) implements RunOutcome {
    /** Rejects nulls. */
    public DomainNotReady {
      requireNonNull(pool, "pool");
      requireNonNull(upgradeDomain, "upgradeDomain");
      requireNonNull(evidence, "evidence");
    }

    @Override
    public Kind kind() {
      return Kind.DOMAIN_NOT_READY;
    }

    @Override
    public String describe() {
      return "Upgrade domain " + upgradeDomain + " of " + pool + " was not ReadyForUpgrade (FE-2) at " + evidence
          + "; none of its servers was stopped.";
    }
  }

  /**
   * Going on would have broken a safety rule.
   *
   * @param step the step that was not started
   * @param reason the rule and what would have broken it
   */
  record SafetyStop(StepId step, String reason) implements RunOutcome {
    /** Rejects nulls. */
    public SafetyStop {
      requireNonNull(step, "step");
      requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.SAFETY_STOP;
    }

    @Override
    public String describe() {
      return "Stopped before " + step + ": " + reason;
    }
  }

  /**
   * The journal could not be written.
   *
   * @param reason why
   */
  record JournalFailure(String reason) implements RunOutcome {
    /** Rejects null. */
    public JournalFailure {
      requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.JOURNAL_FAILURE;
    }

    @Override
    public String describe() {
      return "The journal could not be written, so the run stopped before the next step: " + reason;
    }
  }

  /**
   * A hook or run policy vetoed going on, at a boundary; the step it stopped at is recorded as
   * failed with the reason, so {@code resume} asks again there.
   *
   * @param hook the hook's name
   * @param reason why, in its words
   * @param step the step the run stopped at
   */
  record Vetoed(String hook, String reason, StepId step) implements RunOutcome {
    /** Rejects nulls. */
    public Vetoed {
      requireNonNull(hook, "hook");
      requireNonNull(reason, "reason");
      requireNonNull(step, "step");
    }

    @Override
    public Kind kind() {
      return Kind.VETOED;
    }

    @Override
    public String describe() {
      return "Stopped at " + step + ": " + hook + " said no: " + reason + ". Resume when it may go on.";
    }
  }

  /**
   * A hook threw, or did not answer within its timeout.
   *
   * @param hook the hook's name
   * @param problem what went wrong
   * @param step the step the run stopped at
   */
  record HookFailed(String hook, String problem, StepId step) implements RunOutcome {
    /** Rejects nulls. */
    public HookFailed {
      requireNonNull(hook, "hook");
      requireNonNull(problem, "problem");
      requireNonNull(step, "step");
    }

    @Override
    public Kind kind() {
      return Kind.HOOK_FAILED;
    }

    @Override
    public String describe() {
      return "Stopped at " + step + ": the hook " + hook + " failed: " + problem + ". Fix it, then resume.";
    }
  }

  /**
   * The routing groups' primaries or secondaries changed while the pool settled between two
   * upgrade domains (CR-2), so the next domain was not started.
   *
   * @param step the settle step
   * @param pool the pool
   * @param before {@code Get-CsPoolFabricState} when the pool first reported Ready
   * @param after {@code Get-CsPoolFabricState} at the end of the wait
   */
  record RoutingGroupsMoved(StepId step, Fqdn pool, PoolFabricState before, PoolFabricState after)
      implements RunOutcome {
    /** Rejects nulls. */
    public RoutingGroupsMoved {
      requireNonNull(step, "step");
      requireNonNull(pool, "pool");
      requireNonNull(before, "before");
      requireNonNull(after, "after");
    }

    @Override
    public Kind kind() {
      return Kind.ROUTING_GROUPS_MOVED;
    }

    @Override
    public String describe() {
      return "Stopped at " + step + ": the routing groups of " + pool + " moved while it settled (CR-2): "
          + String.join("; ", after.changesSince(before))
          + ". Check the pool (Get-CsPoolFabricState) before resuming";
    }
  }
}
