package io.github.lyncupgrade.testkit.fake;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.Fqdn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A fake deployment's pending faults and the moments they strike: around every call (a lost
 * connection, a crash of the controlling process), in readiness answers, and where the other parts
 * ask ({@link #take}). Each strike is recorded as {@link FakeEvent.FaultFired}. Used under the
 * fake's lock.
 */
final class FaultInjector {
  /** Whether an upgrade domain is next, so that a fault held back for it ({@link Fault#beforeDomain}) is pending. */
  @FunctionalInterface
  interface DomainProgress {
    /**
     * Whether every Front End of the domains before {@code upgradeDomain} of {@code pool} is updated and running;
     * the fake's build has checked that it is an upgrade domain of an Enterprise pool of its topology.
     */
    boolean isNext(Fqdn pool, String upgradeDomain);
  }

  private final List<Fault> pending;
  private final Calls calls;

  FaultInjector(List<Fault> faults, Calls calls) {
    this.pending = new ArrayList<>(faults);
    this.calls = calls;
  }

  /** The faults not yet spent, in the order given. */
  List<Fault> pending() {
    return List.copyOf(pending);
  }

  /**
   * Runs call number {@code call} with its faults: those held back for a domain that is now next
   * become pending; a {@link Fault.CallFails} fails it before or after its effect; a crash fault
   * crashes the controlling process once it took effect (or failed).
   */
  <T> T around(int call, Operation operation, Fqdn target, DomainProgress progress, Supplier<T> body) {
    armHeldBack(progress);
    failIfInjected(call, false, operation, target);
    try {
      T result = body.get();
      failIfInjected(call, true, operation, target);
      return result;
    } finally {
      boolean numbered = take(Fault.CrashAfterCall.class, fault -> fault.call() == call).isPresent();
      if (countDownCrashesAfter(operation, target) || numbered) {
        throw new SimulatedCrash(call, operation, target);
      }
    }
  }

  private void armHeldBack(DomainProgress progress) {
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i) instanceof Fault.BeforeDomain held && progress.isNext(held.pool(), held.upgradeDomain())) {
        pending.set(i, held.fault());
      }
    }
  }

  private void failIfInjected(int call, boolean afterEffect, Operation operation, Fqdn target) {
    if (take(Fault.CallFails.class, fault -> fault.call() == call && fault.afterItsEffect() == afterEffect)
        .isPresent()) {
      throw new DeploymentException(operation.command(), target, "the connection was lost"
          + (afterEffect ? " after the operation took effect; its answer never came" : "; nothing was done"));
    }
  }

  /** Counts this call down on every pending {@link Fault.CrashAfter} it matches; true when one strikes. */
  private boolean countDownCrashesAfter(Operation operation, Fqdn target) {
    boolean strikes = false;
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i) instanceof Fault.CrashAfter crash && crash.operation() == operation
          && crash.target().equals(target)) {
        if (crash.occurrence() > 1) {
          pending.set(i, new Fault.CrashAfter(operation, target, crash.occurrence() - 1));
        } else {
          pending.remove(i--);
          fired(crash);
          strikes = true;
        }
      }
    }
    return strikes;
  }

  /** Spends one check of a pending {@link Fault#insufficientActiveFrontEnds} of {@code pool}; true when it strikes. */
  boolean reportsInsufficientActiveFrontEnds(Fqdn pool) {
    return spendOneCheck(Fault.InsufficientActiveFrontEnds.class, fault -> fault.pool().equals(pool),
        Fault.InsufficientActiveFrontEnds::checks, (fault, left) -> new Fault.InsufficientActiveFrontEnds(pool, left));
  }

  /**
   * Spends one check of a pending {@link Fault#busy} of {@code pool}, or else counts down a
   * {@link Fault#busyLater}; true when one strikes.
   */
  boolean reportsBusy(Fqdn pool) {
    return spendOneCheck(Fault.Busy.class, fault -> fault.pool().equals(pool), Fault.Busy::checks,
        (fault, left) -> new Fault.Busy(pool, left)) || busyLater(pool);
  }

  /** Spends one check of a pending {@link Fault#domainNotReady} of {@code upgradeDomain}; true when it strikes. */
  boolean holdsBack(Fqdn pool, String upgradeDomain) {
    return spendOneCheck(Fault.DomainNotReady.class,
        fault -> fault.pool().equals(pool) && fault.upgradeDomain().equals(upgradeDomain), Fault.DomainNotReady::checks,
        (fault, left) -> new Fault.DomainNotReady(pool, upgradeDomain, left));
  }

  /**
   * Whether a {@link Fault#domainNotReady} of {@code upgradeDomain} is pending (not itself held
   * back): a stop now is a stop while the domain is not ReadyForUpgrade.
   */
  boolean isHoldingBack(Fqdn pool, String upgradeDomain) {
    return pending.stream().anyMatch(fault -> fault instanceof Fault.DomainNotReady held && held.pool().equals(pool)
        && held.upgradeDomain().equals(upgradeDomain));
  }

  private <F extends Fault> boolean spendOneCheck(Class<F> type, Predicate<F> matches, ToIntFunction<F> checks,
      BiFunction<F, Integer, F> withChecks) {
    for (int i = 0; i < pending.size(); i++) {
      if (type.isInstance(pending.get(i)) && matches.test(type.cast(pending.get(i)))) {
        F fault = type.cast(pending.get(i));
        fired(fault);
        int left = checks.applyAsInt(fault) - 1;
        if (left == 0) {
          pending.remove(i);
        } else {
          pending.set(i, withChecks.apply(fault, left));
        }
        return true;
      }
    }
    return false;
  }

  /** Counts one check down on a pending {@link Fault#busyLater}; true when it strikes. */
  private boolean busyLater(Fqdn pool) {
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i) instanceof Fault.BusyLater later && later.pool().equals(pool)) {
        if (later.afterChecks() > 0) {
          pending.set(i, new Fault.BusyLater(pool, later.afterChecks() - 1));
          return false;
        }
        pending.remove(i);
        fired(later);
        return true;
      }
    }
    return false;
  }

  /** Spends the first pending fault of {@code type} that {@code matches}, if any. */
  <F extends Fault> Optional<F> take(Class<F> type, Predicate<F> matches) {
    for (int i = 0; i < pending.size(); i++) {
      Fault fault = pending.get(i);
      if (type.isInstance(fault) && matches.test(type.cast(fault))) {
        pending.remove(i);
        fired(fault);
        return Optional.of(type.cast(fault));
      }
    }
    return Optional.empty();
  }

  /** Whether a {@link Fault#replicasMissing} of {@code pool} is pending: it lasts until the registrar state is reset. */
  boolean replicasMissing(Fqdn pool) {
    return pending.stream()
        .anyMatch(fault -> fault instanceof Fault.ReplicasMissing replicas && replicas.pool().equals(pool));
  }

  /** {@code Reset-CsPoolRegistrarState} ends {@code pool}'s {@link Fault#replicasMissing}. */
  void registrarStateReset(Fqdn pool) {
    pending.removeIf(fault -> fault instanceof Fault.ReplicasMissing missing && missing.pool().equals(pool));
  }

  private void fired(Fault fault) {
    calls.record(new FakeEvent.FaultFired(calls.now(), fault));
  }
}
