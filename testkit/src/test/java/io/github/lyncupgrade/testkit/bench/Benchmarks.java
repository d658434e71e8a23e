package io.github.lyncupgrade.testkit.bench;

import org.openjdk.jmh.runner.RunnerException;

/**
 * The figures of docs/figures.md, all with one command:
 * {@code mvn -B -ntp -q install -DskipTests && mvn -B -ntp -q -pl testkit exec:exec@bench}
 * (about five minutes on two cores). {@code -Dbench=planner} or {@code -Dbench=fleet} runs one part.
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws RunnerException {
    String which = System.getProperty("bench", "all");
    if (!which.equals("fleet")) {
      PlannerBench.run();
    }
    if (!which.equals("planner")) {
      FleetBench.run();
    }
  }
}
