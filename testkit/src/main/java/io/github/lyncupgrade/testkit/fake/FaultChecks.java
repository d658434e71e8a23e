package io.github.lyncupgrade.testkit.fake;

final class FaultChecks {
  private FaultChecks() {}

  static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
