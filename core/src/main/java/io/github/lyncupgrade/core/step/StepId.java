package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

/**
 * A step's stable id, for example {@code pool01.contoso.com/UD2/fe03.contoso.com/install-update}.
 * The same topology and options always give the same ids, so a journal written by one run can
 * be matched against the plan of the next.
 *
 * @param value the id's text: the pool, then the upgrade domain (or {@code back-end}), then the
 *     server, then the action, separated by {@code /}; pool-wide steps have only pool and action
 */
public record StepId(String value) implements Comparable<StepId> {
  /** Rejects a null or blank value. */
  public StepId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a step id must not be blank");
    }
  }

  @Override
  public int compareTo(StepId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
