package io.github.lyncupgrade.testkit;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import io.github.lyncupgrade.testkit.fake.SimulatedCrash;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Plans a topology and runs the plan against a {@link FakeDeployment} in virtual time, writing
 * the plan, a line per step as it happens, and the final report: what an operator would see,
 * hours of procedure in milliseconds, no Windows needed.
 *
 * <pre>{@code
 * Simulation.of(SampleTopologies.contoso()).run(new PrintWriter(System.out, true));
 * }</pre>
 *
 * Immutable; each {@code with...} returns a new simulation.
 */
public final class Simulation {
  /** The update the simulation installs in a Lync Server 2013 deployment unless the options name one. */
  public static final UpdatePackage SAMPLE_UPDATE =
      UpdatePackage.of("\\\\files.contoso.com\\updates\\LyncServerUpdateInstaller.exe", "5.0.8308.1001");

  /** A sample update for {@code product}: {@link #SAMPLE_UPDATE} for Lync Server 2013, a Skype for Business one otherwise. */
  public static UpdatePackage sampleUpdate(ProductVersion product) {
    return switch (product) {
      case LYNC_SERVER_2013 -> SAMPLE_UPDATE;
      case SKYPE_FOR_BUSINESS_SERVER_2015 ->
          UpdatePackage.of("\\\\files.contoso.com\\updates\\2015\\SkypeServerUpdateInstaller.exe", "6.0.9319.1001");
      case SKYPE_FOR_BUSINESS_SERVER_2019 ->
          UpdatePackage.of("\\\\files.contoso.com\\updates\\2019\\SkypeServerUpdateInstaller.exe", "7.0.2046.1001");
    };
  }

  /**
   * The sample update for the one product every pool of {@code topology} runs.
   *
   * @throws IllegalArgumentException if its pools run different products: a cumulative update is for one
   */
  public static UpdatePackage sampleUpdate(Topology topology) {
    List<ProductVersion> products = topology.pools().stream().map(Pool::product).distinct().toList();
    if (products.size() != 1) {
      throw new IllegalArgumentException("the topology's pools run " + products + "; a cumulative update is for one"
          + " product, so plan each product's pools with their own update");
    }
    return sampleUpdate(products.get(0));
  }

  private final Topology topology;
  private final PlanOptions options;
  private final FaultSchedule faults;

  private Simulation(Topology topology, PlanOptions options, FaultSchedule faults) {
    this.topology = topology;
    this.options = options;
    this.faults = faults;
  }

  /** A simulation of {@code topology} with default options, its {@link #sampleUpdate(Topology)} and no faults. */
  public static Simulation of(Topology topology) {
    return new Simulation(requireNonNull(topology, "topology"),
        PlanOptions.builder().updatePackage(sampleUpdate(topology)).build(), FaultSchedule.none());
  }

  /** This simulation planned with {@code options}; the topology's sample update is used if they name none. */
  public Simulation withOptions(PlanOptions options) {
    requireNonNull(options, "options");
    PlanOptions withUpdate = options.updatePackage().isPresent() ? options
        : options.toBuilder().updatePackage(sampleUpdate(topology)).build();
    return new Simulation(topology, withUpdate, faults);
  }

  /** This simulation with {@code faults} injected into the fake. */
  public Simulation withFaults(FaultSchedule faults) {
    return new Simulation(topology, options, requireNonNull(faults, "faults"));
  }

  /**
   * Plans, prints the plan, runs it on a fresh fake while printing progress, prints the report.
   * When a {@link Fault#crashAfterCall} fault "crashes" the run, it says so and resumes from the
   * run's journal, as an operator would after a real crash. Faults the run never met (a crash
   * after a call it never made, a pool it never checked) are named after the report.
   */
  public RunReport run(PrintWriter out) {
    requireNonNull(out, "out");
    UpgradePlan plan = Planner.create(options).plan(topology);
    out.println(PlanRenderer.text().render(plan));
    out.println(plan.estimate().toText());
    FakeDeployment fake = FakeDeployment.builder(topology).faults(faults).build();
    Instant start = fake.clock().now();
    out.println("Simulating on a fake deployment in virtual time (" + faults + "):");
    Journal journal = Journal.inMemory();
    RunReport report = null;
    while (report == null) {
      Executor executor = Executor.builder(fake)
          .clock(fake.clock())
          .journal(journal)
          .listener(event -> progressLine(event, start).ifPresent(out::println))
          .build();
      try {
        report = journal.open(plan).records().isEmpty() ? executor.run(plan) : executor.resume(plan);
      } catch (SimulatedCrash crash) {
        out.println("[+" + elapsed(start, fake.clock().now()) + "] CRASH    " + crash.getMessage()
            + "; resuming from the journal");
      }
    }
    out.println();
    out.println(report.toText());
    List<Fault> unspent = fake.pendingFaults();
    if (!unspent.isEmpty()) {
      out.println("Faults that did not strike (or not in full) before the run ended, after "
          + fake.history().callCount() + " calls: " + FaultSchedule.of(unspent));
    }
    out.flush();
    return report;
  }

  /** Every event but the run's start, end and each step's start, which the plan and report already show. */
  private static java.util.Optional<String> progressLine(RunEvent event, Instant start) {
    if (event instanceof RunEvent.RunStarted || event instanceof RunEvent.RunFinished
        || event instanceof RunEvent.StepStarted) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("[+" + elapsed(start, event.at()) + "] " + event.describe());
  }

  private static String elapsed(Instant start, Instant at) {
    Duration elapsed = Duration.between(start, at);
    return String.format("%02d:%02d:%02d", elapsed.toHours(), elapsed.toMinutesPart(), elapsed.toSecondsPart());
  }
}
