package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a {@link RunHooks} hook says at a boundary: go on, or stop here with a reason (a veto).
 * Immutable.
 */
public final class HookDecision {
  private static final HookDecision PROCEED = new HookDecision(null);

  private final String vetoReason;

  private HookDecision(String vetoReason) {
    this.vetoReason = vetoReason;
  }

  /** Go on. */
  public static HookDecision proceed() {
    return PROCEED;
  }

  /** Stop here: the run ends cleanly with {@link RunOutcome.Vetoed} and {@code reason}; resume asks again. */
  public static HookDecision veto(String reason) {
    requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a veto needs a reason the operator can act on");
    }
    return new HookDecision(reason);
  }

  /** The veto's reason, if this is a veto. */
  public Optional<String> vetoReason() {
    return Optional.ofNullable(vetoReason);
  }

  @Override
  public String toString() {
    return vetoReason == null ? "proceed" : "veto: " + vetoReason;
  }
}
