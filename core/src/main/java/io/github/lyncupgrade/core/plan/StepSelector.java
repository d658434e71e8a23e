package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;

/**
 * Which steps of a plan a {@link PlanExtension} adds its steps to: by kind, pool, upgrade
 * domain or server, combined with {@link #and}. Steps a user added never match, so extensions
 * never anchor on each other.
 */
@FunctionalInterface
public interface StepSelector {

  /** Whether {@code step} is selected. */
  boolean matches(Step step);

  /** Every step of the procedure. */
  static StepSelector all() {
    return step -> !step.isCustom();
  }

  /** The steps of kind {@code kind}. */
  static StepSelector kind(StepKind kind) {
    requireNonNull(kind, "kind");
    return step -> !step.isCustom() && step.kind() == kind;
  }

  /** The steps of pool {@code pool}. */
  static StepSelector pool(String pool) {
    Fqdn fqdn = Fqdn.of(pool);
    return step -> !step.isCustom() && step.pool().equals(fqdn);
  }

  /** The steps of upgrade domain {@code name}, its readiness gates included, in any pool. */
  static StepSelector upgradeDomain(String name) {
    requireNonNull(name, "name");
    return step -> !step.isCustom() && step.group().filter(name::equals).isPresent();
  }

  /** The steps that act or run on {@code server}. */
  static StepSelector server(String server) {
    Fqdn fqdn = Fqdn.of(server);
    return step -> !step.isCustom() && step.target().equals(fqdn);
  }

  /** The steps both this selector and {@code other} select. */
  default StepSelector and(StepSelector other) {
    requireNonNull(other, "other");
    return step -> matches(step) && other.matches(step);
  }
}
