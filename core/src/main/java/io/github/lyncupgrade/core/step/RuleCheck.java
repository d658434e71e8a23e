package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.Arrays;

/** Guards step records against citing a rule they do not carry out. */
final class RuleCheck {
  private RuleCheck() {}

  static void requireOneOf(String stepType, ProcedureRule rule, ProcedureRule... allowed) {
    requireNonNull(rule, "rule");
    if (!Arrays.asList(allowed).contains(rule)) {
      throw new IllegalArgumentException(stepType + " carries out " + Arrays.toString(allowed) + ", not " + rule);
    }
  }
}
