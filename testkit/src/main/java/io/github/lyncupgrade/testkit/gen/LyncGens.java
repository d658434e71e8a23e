package io.github.lyncupgrade.testkit.gen;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Edition;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.BackEndOrder;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import java.time.Duration;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for Lync topologies, plan options and fault schedules. Values are
 * valid unless the generator's name says otherwise, and shrink toward small, readable cases.
 *
 * <pre>{@code
 * Theories.qt(200).forAll(LyncGens.topologies().withPools(1, 3))
 *     .checkAssert(topology -> assertThat(Planner.create().plan(topology)).upgradesOneDomainAtATime());
 * }</pre>
 */
public final class LyncGens {
  private LyncGens() {}

  /** Valid topologies of 1 to 4 pools of either edition, Enterprise pools of up to 12 Front Ends, some paired. */
  public static TopologyGen topologies() {
    return new TopologyGen(1, 4, 12, List.of(Edition.ENTERPRISE, Edition.STANDARD), true);
  }

  /** Topology builders holding one to four known problems each, with the list of problems. */
  public static Gen<InvalidTopology> invalidTopologies() {
    return new InvalidTopologyGen();
  }

  /** Strings that must never reach PowerShell as code: quotes, separators, {@code $()}, controls, look-alikes. */
  public static Gen<String> hostileNames() {
    return Generate.pick(InvalidTopologyGen.HOSTILE_NAMES);
  }

  /**
   * Any plan options: graceful or not, either Back End order, with or without BE-1..BE-10,
   * failover or not, the settle wait on or off, any draining timeout, with or without the
   * registrar reset and the confirmation of mirrored updates.
   */
  public static Gen<PlanOptions> planOptions() {
    return in -> PlanOptions.builder()
        .scheduledDowntime(Generate.booleans().generate(in))
        .backEndOrder(Generate.enumValues(BackEndOrder.class).generate(in))
        .backEndServerProcedure(!Generate.booleans().generate(in))
        .failoverOnPoolProblem(!Generate.booleans().generate(in))
        .readinessPolicy(new ReadinessPolicy(Duration.ofMinutes(Generate.range(1, 30, 10).generate(in)),
            Generate.range(1, 5, 3).generate(in)))
        .stageUpdatesAhead(!Generate.booleans().generate(in))
        .concurrency(concurrency().generate(in))
        .settlePolicy(Generate.booleans().generate(in) ? SettlePolicy.ofDefaults() : SettlePolicy.off())
        .drainingTimeout(Duration.ofMinutes(Generate.range(1, 60, 30).generate(in)))
        .resetRegistrarStateOnMissingReplicas(Generate.booleans().generate(in))
        .confirmMirroredDatabaseUpdate(Generate.booleans().generate(in))
        .build();
  }

  /** Concurrency limits: 1 to 4 pools, 1 to 4 servers of a domain, 1 to 8 copies; shrinks toward one at a time. */
  public static Gen<Concurrency> concurrency() {
    return in -> new Concurrency(Generate.range(1, 4, 1).generate(in), Generate.range(1, 4, 1).generate(in),
        Generate.range(1, 8, 1).generate(in));
  }

  /**
   * Fault schedules for {@code topology}: zero to three faults of any kind, a crash after one of
   * the first {@code maxCall} calls among them (see {@link FaultSchedule#drawn}). Shrinks toward no fault.
   */
  public static Gen<FaultSchedule> faultSchedules(Topology topology, int maxCall) {
    requireNonNull(topology, "topology");
    return in -> FaultSchedule.drawn(topology, maxCall, (min, max) -> Generate.range(min, max).generate(in));
  }
}
