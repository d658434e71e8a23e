package io.github.lyncupgrade.testkit.gen;

import static io.github.lyncupgrade.testkit.assertions.LyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The planner's properties over random valid topologies and options (PROCEDURE FE-0..FE-3,
 * BE-11), and its refusal of random invalid ones. Seeds are fixed; QuickTheories prints the
 * seed of any failure.
 */
class PlannerPropertiesTest {
  /** Every product and Back End kind: Skype for Business pools are planned server by server. */
  private static TopologyGen topologies() {
    return LyncGens.topologies().withMaxFrontEnds(16).products(ProductVersion.LYNC_SERVER_2013,
            ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015, ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019)
        .backEndKinds(BackEndHighAvailability.STANDALONE, BackEndHighAvailability.MIRRORED,
            BackEndHighAvailability.ALWAYS_ON);
  }

  /** Any options, a mirrored store's update confirmed (CR-5 refusals have their own tests). */
  private static Gen<PlanOptions> planOptions() {
    return LyncGens.planOptions().map(options -> options.toBuilder().confirmMirroredDatabaseUpdate(true).build());
  }

  @Test
  void fe1_fe2_everyFrontEndIsInExactlyOneStopInstallRestartVerifyChainAfterItsGates() {
    Theories.qt(300).forAll(topologies(), planOptions())
        .checkAssert((topology, options) -> assertThat(Planner.create(options).plan(topology))
            .hasEveryFrontEndInExactlyOneChain()
            .respectsItsPrerequisites());
  }

  @Test
  void sdk5_everyServerIsStagedBeforeItsPoolStopsWhenThePlanStagesAhead() {
    Theories.qt(300).forAll(topologies(), planOptions())
        .assuming((topology, options) -> options.stageUpdatesAhead())
        .checkAssert((topology, options) -> assertThat(Planner.create(options).plan(topology))
            .stagesEveryServerBeforeItsPoolStops());
  }

  @Test
  void fe0_fe3_eachDomainIsDoneBeforeTheNextDomainsGate() {
    Theories.qt(300).forAll(topologies(), planOptions())
        .checkAssert((topology, options) -> assertThat(Planner.create(options).plan(topology))
            .upgradesOneDomainAtATime());
  }

  @Test
  void be11_exactlyOneDatabaseUpdatePerPoolWithTheRightVariant() {
    Theories.qt(300).forAll(topologies(), planOptions())
        .checkAssert((topology, options) -> {
          UpgradePlan plan = Planner.create(options).plan(topology);
          assertThat(plan).hasTheRightDatabaseUpdateForEveryPool();
          for (Pool pool : topology.pools()) {
            DatabaseUpdateVariant variant = DatabaseUpdateVariant.forPool(pool);
            assertThat(plan.databaseUpdates()).filteredOn(step -> step.pool().equals(pool.fqdn()))
                .singleElement().satisfies(step -> assertThat(step.command()).isEqualTo(variant.command(pool.databaseTarget())));
          }
        });
  }

  @Test
  void theSameInputGivesTheSamePlanIdsAndOrder() {
    Theories.qt(200).forAll(topologies(), planOptions())
        .checkAssert((topology, options) -> {
          UpgradePlan first = Planner.create(options).plan(topology);
          UpgradePlan second = Planner.create(options).plan(rebuilt(topology));
          assertThat(second.steps().stream().map(Step::id).toList())
              .isEqualTo(first.steps().stream().map(Step::id).toList());
          assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        });
  }

  @Test
  void contingentStepsExistExactlyForPairedPoolsWhenFailoverIsAllowed() {
    Theories.qt(200).forAll(topologies(), planOptions())
        .checkAssert((topology, options) -> {
          UpgradePlan plan = Planner.create(options).plan(topology);
          long paired = topology.pools().stream().filter(pool -> pool.partnerPool().isPresent()).count();
          long failovers = plan.steps().stream().filter(step -> step.kind() == StepKind.FAIL_OVER_POOL).count();
          assertThat(failovers).isEqualTo(options.failoverOnPoolProblem() ? paired : 0);
        });
  }

  @Test
  @Tag("reliability")
  void invalidTopologiesListEveryInjectedProblemAndNoPlanIsMade() {
    AtomicInteger cases = new AtomicInteger();
    Theories.qt(300).forAll(LyncGens.invalidTopologies())
        .checkAssert(invalid -> {
          cases.incrementAndGet();
          InvalidTopologyException e = catchThrowableOfType(InvalidTopologyException.class, invalid.builder()::build);
          assertThat(e).as("building %s must fail", invalid).isNotNull();
          assertThat(e.problems()).hasSameSizeAs(invalid.expectedProblems());
          for (int i = 0; i < e.problems().size(); i++) {
            InvalidTopology.Expected expected = invalid.expectedProblems().get(i);
            assertThat(expected.matches(e.problems().get(i)))
                .as("problem %d: expected %s, got %s", i, expected, e.problems().get(i)).isTrue();
          }
        });
    System.out.printf("RELIABILITY bad input, generated invalid topologies: %d cases, each refused with exactly the"
        + " problems injected, 0 failures%n", cases.get());
    assertThat(cases.get()).isGreaterThanOrEqualTo(200);
  }

  @Test
  void hostileNamesAreNeverFqdns() {
    Theories.qt(100).forAll(LyncGens.hostileNames())
        .checkAssert(name -> assertThat(io.github.lyncupgrade.core.model.Fqdn.problemWith(name)).isPresent());
  }

  @Test
  void generatedTopologiesStayWithinLync2013Limits() {
    Theories.qt(300).forAll(LyncGens.topologies().withPools(1, 6))
        .checkAssert(topology -> {
          assertThat(topology.pools()).hasSizeBetween(1, 6);
          assertThat(topology.pools()).allSatisfy(pool -> assertThat(pool.frontEnds()).hasSizeBetween(1, 12));
        });
  }

  private static Topology rebuilt(Topology topology) {
    Topology.Builder builder = Topology.builder();
    List<Pool> pools = topology.pools();
    pools.forEach(builder::pool);
    return builder.build();
  }

  @Test
  void defaultsPlanTheSameAsExplicitDefaults() {
    Topology topology = io.github.lyncupgrade.testkit.SampleTopologies.contoso();
    assertThat(Planner.create().plan(topology).fingerprint())
        .isEqualTo(Planner.create(PlanOptions.ofDefaults()).plan(topology).fingerprint());
  }
}
