package io.github.lyncupgrade.testkit.fake;

/** What the faults' records check and how their descriptions count. */
final class FaultChecks {
  private FaultChecks() {}

  static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  /** "1 readiness check", "3 readiness checks". */
  static String checks(int count) {
    return count + (count == 1 ? " readiness check" : " readiness checks");
  }

  /** "2nd", "3rd", "11th", "21st". */
  static String ordinal(int number) {
    int lastTwo = number % 100;
    String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (number % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return number + suffix;
  }
}
