package io.github.lyncupgrade.testkit.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PlannerBenchmark} with JMH and prints microseconds per pool for each fleet size,
 * and how planning time grows from 100 to 1,000 pools (near-linear means well under 12x).
 * {@link Benchmarks} runs it.
 */
public final class PlannerBench {
  private PlannerBench() {}

  static void run() throws RunnerException {
    Options options = new OptionsBuilder()
        .include(PlannerBenchmark.class.getSimpleName())
        .forks(2)
        // A fixed, pre-touched heap: otherwise the kernel's page faults while the heap grows
        // dominate the larger fleets on a small machine and measure the OS, not the planner.
        .jvmArgsAppend("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch")
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(8)
        .measurementTime(TimeValue.seconds(1))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<Integer, double[]>> byBenchmark = new TreeMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark().replaceAll(".*\\.", "");
      int pools = Integer.parseInt(result.getParams().getParam("pools"));
      byBenchmark.computeIfAbsent(benchmark, name -> new TreeMap<>()).put(pools,
          new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
    }
    System.out.println();
    System.out.println("Pools of 12 Front Ends in 4 upgrade domains (JMH average time, " + System.getProperty("java.vm.name")
        + " " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores):");
    byBenchmark.forEach((benchmark, byPools) -> {
      System.out.printf("%n%s%n%8s %20s %14s%n", benchmark, "pools", "us per plan", "us per pool");
      byPools.forEach((pools, score) -> System.out.printf("%8d %12.1f +- %-7.1f %10.2f%n",
          pools, score[0], score[1], score[0] / pools));
      if (byPools.containsKey(100) && byPools.containsKey(1000)) {
        System.out.printf("1,000 pools take %.1fx the time of 100 pools (near-linear: under 12x)%n",
            byPools.get(1000)[0] / byPools.get(100)[0]);
      }
    });
  }
}
