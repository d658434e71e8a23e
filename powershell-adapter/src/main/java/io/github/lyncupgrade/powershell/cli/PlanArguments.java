package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.BackEndOrder;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.PoolFailoverMode;
import io.github.lyncupgrade.core.plan.SettlePolicy;
import io.github.lyncupgrade.core.plan.StepDurations;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.FileJournal;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every command that plans shares: the topology and the plan options. */
final class PlanArguments {
  @Option(names = "--topology", paramLabel = "FILE",
      description = "The topology file (JSON; see the README). Default: the built-in sample deployment.")
  Path topology;

  /** The built-in sample deployments, simulated without Windows. */
  enum Sample {
    contoso, skype_2015;

    Topology topology() {
      return this == contoso ? SampleTopologies.contoso() : SampleTopologies.skypeForBusiness2015();
    }
  }

  @Option(names = "--sample", paramLabel = "NAME", converter = SampleConverter.class,
      description = "The built-in sample when no --topology is given: contoso (Lync Server 2013, the default) or"
          + " skype-2015 (Skype for Business Server 2015: server by server, an AlwaysOn Back End, the Central"
          + " Management Store).")
  Sample sample = Sample.contoso;

  /** Reads {@code skype-2015} as {@link Sample#skype_2015}. */
  static final class SampleConverter implements ITypeConverter<Sample> {
    @Override
    public Sample convert(String value) {
      try {
        return Sample.valueOf(value.replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a sample: contoso or skype-2015");
      }
    }
  }

  @Option(names = "--update", paramLabel = "LOCATION",
      description = "The update installer's path or UNC path. Default for planning and simulating: a sample path.")
  String update;

  @Option(names = "--target-build", paramLabel = "VERSION",
      description = "The build the update brings servers to, like 5.0.8308.1001.")
  String targetBuild;

  @Option(names = "--scheduled-downtime", description = "Stop services at once, without -Graceful (FE-2a).")
  boolean scheduledDowntime;

  @Option(names = "--back-end-first", description = "Update each pool's Back End before its Front Ends (SDK-1).")
  boolean backEndFirst;

  @Option(names = "--no-failover", description = "Stop on a pool problem instead of failing a paired pool over (FE-1c).")
  boolean noFailover;

  @Option(names = "--pool-failover", paramLabel = "MODE", converter = FailoverModeConverter.class,
      description = "How a paired pool with a problem is failed over (FE-1c): planned (the default: the pool still"
          + " runs, Invoke-CsPoolFailOver without -DisasterMode, the Central Management Store moved in its planned"
          + " form) or disaster (-DisasterMode; the store with -BackupSqlServerFqdn -Force).")
  PoolFailoverMode poolFailover = PoolFailoverMode.PLANNED;

  /** Reads {@code planned} and {@code disaster}. */
  static final class FailoverModeConverter implements ITypeConverter<PoolFailoverMode> {
    @Override
    public PoolFailoverMode convert(String value) {
      return switch (value) {
        case "planned" -> PoolFailoverMode.PLANNED;
        case "disaster" -> PoolFailoverMode.DISASTER;
        default -> throw new TypeConversionException("'" + value + "' is not a failover mode: planned or disaster");
      };
    }
  }

  @Option(names = "--databases-only",
      description = "Plan only Install-CsDatabase (BE-11) for Enterprise Back Ends, not BE-1..BE-10.")
  boolean databasesOnly;

  @Option(names = "--pools-at-once", paramLabel = "N",
      description = "Pools (a Standard Edition server counts as one) upgraded at once; never both pools of a"
          + " disaster-recovery pair (SDK-4). Default: ${DEFAULT-VALUE}.")
  int poolsAtOnce = Concurrency.DEFAULT.pools();

  @Option(names = "--servers-at-once", paramLabel = "N",
      description = "Servers of one upgrade domain between stop and verify at once. Default: ${DEFAULT-VALUE}.")
  int serversAtOnce = Concurrency.DEFAULT.serversPerDomain();

  @Option(names = "--staging-copies", paramLabel = "N",
      description = "Servers copying the update at once, ahead of their pool (SDK-5). Default: ${DEFAULT-VALUE}.")
  int stagingCopies = Concurrency.DEFAULT.stagingCopies();

  @Option(names = "--no-staging-ahead",
      description = "Stage the update only at BE-2, inside the Back End procedure, as the seed topic does (SDK-5 off).")
  boolean noStagingAhead;

  @Option(names = "--strategy", paramLabel = "STRATEGY",
      description = "How every pool's Front Ends are patched: BY_UPGRADE_DOMAIN or SERVER_BY_SERVER (Skype for"
          + " Business Server 2015 and 2019 only, CR-3). Default: each pool's product's (2013 by domain, 2015/2019"
          + " server by server).")
  FrontEndStrategy strategy;

  @Option(names = "--draining-timeout", paramLabel = "MINUTES",
      description = "Invoke-CsComputerFailOver's -DrainingTimeout (CR-3a), at most 60. Default: ${DEFAULT-VALUE}.")
  long drainingTimeoutMinutes = PlanOptions.ofDefaults().drainingTimeout().toMinutes();

  @Option(names = "--settle-minutes", paramLabel = "MINUTES",
      description = "How long a pool must stay Ready after a domain before the next (CR-2); 0 turns the wait off."
          + " Default: ${DEFAULT-VALUE}.")
  long settleMinutes = SettlePolicy.ofDefaults().settleTime().toMinutes();

  @Option(names = "--reset-registrar-state",
      description = "When Get-CsPoolFabricState finds replicas missing, run Reset-CsPoolRegistrarState -ResetType"
          + " QuorumLossRecovery instead of stopping (CR-3). Off unless given.")
  boolean resetRegistrarState;

  @Option(names = "--confirm-mirrored-update",
      description = "Confirm that Install-CsDatabase -Update may run against mirrored Back End databases (CR-5);"
          + " without it a plan with a mirrored store is refused.")
  boolean confirmMirroredUpdate;

  @Option(names = "--learn-from", paramLabel = "JOURNAL",
      description = "Estimate with the step durations a previous run of this topology recorded in its journal.")
  Path learnFrom;

  Topology topology() {
    return topology == null ? sample.topology() : TopologyFile.read(topology);
  }

  /**
   * The plan options for {@code topology}; {@code requireUpdate} for live runs, which must name the
   * real update (otherwise the sample update of the topology's product).
   */
  PlanOptions options(Topology topology, boolean requireUpdate) {
    if (requireUpdate && (update == null || targetBuild == null)) {
      throw new IllegalArgumentException("a live run needs the update: --update <installer path> --target-build <build>");
    }
    UpdatePackage sample = update != null && targetBuild != null ? null : Simulation.sampleUpdate(topology);
    UpdatePackage updatePackage = UpdatePackage.of(update == null ? sample.location() : update,
        targetBuild == null ? sample.targetVersion().toString() : targetBuild);
    PlanOptions.Builder options = PlanOptions.builder()
        .updatePackage(updatePackage)
        .scheduledDowntime(scheduledDowntime)
        .backEndOrder(backEndFirst ? BackEndOrder.BEFORE_FRONT_ENDS : BackEndOrder.AFTER_FRONT_ENDS)
        .failoverOnPoolProblem(!noFailover)
        .poolFailoverMode(poolFailover)
        .backEndServerProcedure(!databasesOnly)
        .stageUpdatesAhead(!noStagingAhead)
        .concurrency(new Concurrency(poolsAtOnce, serversAtOnce, stagingCopies))
        .frontEndStrategy(strategy)
        .drainingTimeout(Duration.ofMinutes(drainingTimeoutMinutes))
        .settlePolicy(settlePolicy())
        .resetRegistrarStateOnMissingReplicas(resetRegistrarState)
        .confirmMirroredDatabaseUpdate(confirmMirroredUpdate);
    return options.build();
  }

  /** The settle rule with the operator's minutes; it gives up after the default's two hours, or the settle time if longer. */
  private SettlePolicy settlePolicy() {
    if (settleMinutes == 0) {
      return SettlePolicy.off();
    }
    SettlePolicy defaults = SettlePolicy.ofDefaults();
    Duration settle = Duration.ofMinutes(settleMinutes);
    return new SettlePolicy(settle, defaults.pollInterval(),
        settle.compareTo(defaults.giveUpAfter()) > 0 ? settle : defaults.giveUpAfter());
  }

  /**
   * The plan; with {@code --learn-from}, planned again with the durations the journal's run
   * measured (they order the pools and make the estimate, never the steps).
   */
  UpgradePlan plan(boolean requireUpdate) {
    Topology topology = topology();
    PlanOptions options = options(topology, requireUpdate);
    UpgradePlan plan = Planner.create(options).plan(topology);
    if (learnFrom == null) {
      return plan;
    }
    StepDurations learned = options.stepDurations().withObserved(FileJournal.read(learnFrom).observedDurations(plan));
    return Planner.create(options.toBuilder().stepDurations(learned).build()).plan(topology);
  }
}
