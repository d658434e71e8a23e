package io.github.lyncupgrade.testkit.bench;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Planning time for fleets of Enterprise pools of 12 Front Ends in 4 upgrade domains. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {
  @Param({"1", "10", "100", "1000"})
  public int pools;

  private Topology topology;
  private final Planner planner = Planner.create();
  private final Planner fleetPlanner = Planner.create(PlanOptions.builder().concurrency(Concurrency.pools(8)).build());

  @Setup
  public void buildTopology() {
    topology = SampleTopologies.uniform(pools, 12, 4, false);
  }

  @Benchmark
  public UpgradePlan plan() {
    return planner.plan(topology);
  }

  /** Planning plus the estimate of the night (two runs of the plan in expected time). */
  @Benchmark
  public Duration planAndEstimate() {
    return planner.plan(topology).estimate().makespan();
  }

  /** Planning 8 pools at once: the pool order is chosen by simulating candidate orders. */
  @Benchmark
  public UpgradePlan planEightPoolsAtOnce() {
    return fleetPlanner.plan(topology);
  }

  /** Planning plus the first lookup by id, which builds the plan's id index (as an executor does). */
  @Benchmark
  public int planAndLookUp() {
    UpgradePlan plan = planner.plan(topology);
    return plan.positionOf(plan.steps().get(plan.size() - 1).id());
  }
}
