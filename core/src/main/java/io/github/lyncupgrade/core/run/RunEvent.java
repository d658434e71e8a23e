package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.PoolUpgradeState;
import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.step.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Something a run tells its {@link RunListener}s. Immutable records, each with the time on the
 * run's clock.
 */
public sealed interface RunEvent {

  /** When it happened, on the run's clock. */
  Instant at();

  /**
   * The event in one line for an operator, led by a word in a fixed-width column:
   * {@code done     pool01.contoso.com/UD1/fe01.contoso.com/restart: restarted and back}.
   */
  String describe();

  /**
   * The run started (or resumed).
   *
   * @param at when
   * @param planFingerprint the plan's fingerprint
   * @param steps how many steps the plan has
   * @param alreadyDone how many the journal records as done
   */
  record RunStarted(Instant at, String planFingerprint, int steps, int alreadyDone) implements RunEvent {
    @Override
    public String describe() {
      return "run      " + steps + " steps, " + alreadyDone + " already done (plan " + planFingerprint.substring(0, 12) + ")";
    }
  }

  /**
   * A step started.
   *
   * @param at when
   * @param step the step
   */
  record StepStarted(Instant at, Step step) implements RunEvent {
    @Override
    public String describe() {
      return "started  " + step.id();
    }
  }

  /**
   * A step succeeded.
   *
   * @param at when
   * @param step the step
   * @param detail what it found or did
   */
  record StepSucceeded(Instant at, Step step, String detail) implements RunEvent {
    @Override
    public String describe() {
      return "done     " + step.id() + ": " + detail;
    }
  }

  /**
   * A step failed.
   *
   * @param at when
   * @param step the step
   * @param reason why
   */
  record StepFailed(Instant at, Step step, String reason) implements RunEvent {
    @Override
    public String describe() {
      return "FAILED   " + step.id() + ": " + reason;
    }
  }

  /**
   * A step was not needed.
   *
   * @param at when
   * @param step the step
   * @param reason why: a manual step, an unneeded contingency, a server already updated
   */
  record StepSkipped(Instant at, Step step, String reason) implements RunEvent {
    @Override
    public String describe() {
      return "skipped  " + step.id() + ": " + reason;
    }
  }

  /**
   * The run waits.
   *
   * @param at when the wait started
   * @param pool the pool it waits for
   * @param rule the rule that makes it wait: FE-1a (the pool answered Busy) or CR-2 (the pool is
   *     Ready and settles before the next domain)
   * @param reason why, for example "PoolUpgradeState Busy (FE-1a), 1 of 3 in a row"
   * @param until when it checks again
   */
  record Waiting(Instant at, Fqdn pool, ProcedureRule rule, String reason, Instant until) implements RunEvent {
    /** Rejects nulls. */
    public Waiting {
      requireNonNull(at, "at");
      requireNonNull(pool, "pool");
      requireNonNull(rule, "rule");
      requireNonNull(reason, "reason");
      requireNonNull(until, "until");
    }

    @Override
    public String describe() {
      return "waiting  " + pool + ": " + reason + ", until " + until;
    }
  }

  /**
   * A pool that was settling between two domains (CR-2) answered Not Ready, so its settle wait
   * starts again from the next Ready answer.
   *
   * @param at when
   * @param pool the pool
   * @param state what it answered
   * @param readySince when the wait that was restarted began
   */
  record SettleRestarted(Instant at, Fqdn pool, PoolUpgradeState state, Instant readySince) implements RunEvent {
    @Override
    public String describe() {
      return "settle   " + pool + ": " + state + " after Ready since " + readySince
          + "; the settle wait starts again (CR-2)";
    }
  }

  /**
   * A pool has a problem, before any of its upgrade domains: page someone on this event.
   *
   * @param at when
   * @param pool the pool
   * @param rule the rule that found it: FE-1b (Busy too often in a row, or InsufficientActiveFrontEnds),
   *     or CR-2 (the settle wait gave up: the pool never stayed Ready for the settle time)
   * @param reason what
   * @param evidence every readiness answer of the check or wait that found it
   * @param failingOver whether the pool is being failed over to its partner (FE-1c)
   */
  record PoolProblemFound(Instant at, Fqdn pool, ProcedureRule rule, String reason,
      List<ReadinessObservation> evidence, boolean failingOver) implements RunEvent {
    /** Rejects nulls; copies the evidence. */
    public PoolProblemFound {
      requireNonNull(at, "at");
      requireNonNull(pool, "pool");
      requireNonNull(rule, "rule");
      requireNonNull(reason, "reason");
      evidence = List.copyOf(evidence);
    }

    @Override
    public String describe() {
      return "PROBLEM  " + pool + ": " + reason + (failingOver ? "; failing over (FE-1c)" : "");
    }
  }

  /**
   * A pool was failed over to its partner (FE-1c).
   *
   * @param at when
   * @param pool the pool
   * @param partner the partner that took its users
   */
  record PoolFailedOver(Instant at, Fqdn pool, Fqdn partner) implements RunEvent {
    @Override
    public String describe() {
      return "FAILOVER " + pool + ": its users are on " + partner;
    }
  }

  /**
   * A failed-over pool was failed back: its users are home again (SDK-3).
   *
   * @param at when
   * @param pool the pool
   * @param partner the partner its users were on
   */
  record PoolFailedBack(Instant at, Fqdn pool, Fqdn partner) implements RunEvent {
    @Override
    public String describe() {
      return "FAILBACK " + pool + ": its users are back from " + partner;
    }
  }

  /**
   * A Back End has been down longer than the warning threshold (BE-0).
   *
   * @param at when
   * @param pool the pool
   * @param downtime how long so far
   * @param threshold the warning threshold
   */
  record BackEndDowntimeWarning(Instant at, Fqdn pool, Duration downtime, Duration threshold) implements RunEvent {
    @Override
    public String describe() {
      return "WARNING  " + pool + ": Back End down for " + Durations.format(downtime) + " (warning at "
          + Durations.format(threshold) + ")";
    }
  }

  /**
   * A Back End has been down 30 minutes or more: users may be in resiliency mode (BE-0).
   *
   * @param at when
   * @param pool the pool
   * @param downtime how long so far
   */
  record BackEndDowntimeExceeded(Instant at, Fqdn pool, Duration downtime) implements RunEvent {
    @Override
    public String describe() {
      return "BE-0     " + pool + ": Back End down for " + Durations.format(downtime)
          + "; users may be in resiliency mode";
    }
  }

  /**
   * The journal's last record was torn by a crash and is ignored.
   *
   * @param at when it was found
   * @param description what was ignored
   */
  record JournalTailIgnored(Instant at, String description) implements RunEvent {
    @Override
    public String describe() {
      return "JOURNAL  " + description;
    }
  }

  /**
   * The run ended.
   *
   * @param at when
   * @param outcome how
   */
  record RunFinished(Instant at, RunOutcome outcome) implements RunEvent {
    @Override
    public String describe() {
      return "finished " + outcome.kind();
    }
  }
}
