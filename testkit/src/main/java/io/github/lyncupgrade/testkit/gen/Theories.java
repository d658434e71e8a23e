package io.github.lyncupgrade.testkit.gen;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories set up for deterministic runs: a fixed seed (QuickTheories prints it with any
 * failure), overridable with {@code -Dlyncupgrade.seed=N}, and the number of examples from
 * {@code -Dlyncupgrade.examples=N}.
 */
public final class Theories {
  /** The seed used unless {@code lyncupgrade.seed} is set. */
  public static final long DEFAULT_SEED = 20_261_123L;

  private Theories() {}

  /** A theory with the fixed seed and {@code defaultExamples} examples unless overridden. */
  public static QuickTheory qt(int defaultExamples) {
    return QuickTheory.qt()
        .withFixedSeed(Long.getLong("lyncupgrade.seed", DEFAULT_SEED))
        .withExamples(examples(defaultExamples));
  }

  /**
   * How many examples a theory given {@code defaultExamples} runs: {@code lyncupgrade.examples} when
   * set (the mutation profile runs fewer), for a test that checks enough distinct cases ran.
   */
  public static int examples(int defaultExamples) {
    return Integer.getInteger("lyncupgrade.examples", defaultExamples);
  }
}
