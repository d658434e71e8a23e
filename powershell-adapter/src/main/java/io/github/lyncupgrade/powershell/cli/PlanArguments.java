package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.BackEndOrder;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.StepDurations;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.testkit.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every command that plans shares: the update and the plan options. The topology
 * comes from {@link TopologyArguments}.
 */
final class PlanArguments {
  @Option(names = "--update", paramLabel = "LOCATION",
      description = "The update installer's path or UNC path. Required by run, resume and status; plan, runbook and"
          + " simulate use a sample path without it.")
  String update;

  @Option(names = "--target-build", paramLabel = "VERSION",
      description = "The build the update brings servers to, like 5.0.8308.1001. Required by run, resume and status;"
          + " plan, runbook and simulate use the sample update's without it.")
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

  @Option(names = "--pools-at-once", paramLabel = "N", converter = Bounded.PoolsAtOnce.class,
      description = "Pools (a Standard Edition server counts as one) upgraded at once, 1 to " + Bounded.MAX_POOLS_AT_ONCE
          + "; never both pools of a disaster-recovery pair (SDK-4). Default: ${DEFAULT-VALUE}.")
  int poolsAtOnce = Concurrency.DEFAULT.pools();

  @Option(names = "--servers-at-once", paramLabel = "N", converter = Bounded.ServersAtOnce.class,
      description = "Servers of one upgrade domain between stop and verify at once, 1 to " + Bounded.MAX_SERVERS_AT_ONCE
          + ". Default: ${DEFAULT-VALUE}.")
  int serversAtOnce = Concurrency.DEFAULT.serversPerDomain();

  @Option(names = "--staging-copies", paramLabel = "N", converter = Bounded.StagingCopies.class,
      description = "Servers copying the update at once, ahead of their pool (SDK-5), 1 to " + Bounded.MAX_STAGING_COPIES
          + ". Default: ${DEFAULT-VALUE}.")
  int stagingCopies = Concurrency.DEFAULT.stagingCopies();

  @Option(names = "--no-staging-ahead",
      description = "Stage the update only at BE-2, inside the Back End procedure, as the seed topic does (SDK-5 off).")
  boolean noStagingAhead;

  @Option(names = "--strategy", paramLabel = "STRATEGY",
      description = "How every pool's Front Ends are patched: BY_UPGRADE_DOMAIN or SERVER_BY_SERVER (Skype for"
          + " Business Server 2015 and 2019 only, CR-3). Default: each pool's product's (2013 by domain, 2015/2019"
          + " server by server).")
  FrontEndStrategy strategy;

  @Option(names = "--draining-timeout", paramLabel = "MINUTES", converter = Bounded.DrainingMinutes.class,
      description = "Invoke-CsComputerFailOver's -DrainingTimeout (CR-3a), 1 to " + Bounded.MAX_DRAINING_MINUTES
          + " minutes. Default: ${DEFAULT-VALUE}.")
  int drainingTimeoutMinutes = (int) PlanOptions.ofDefaults().drainingTimeout().toMinutes();

  @Option(names = "--settle-minutes", paramLabel = "MINUTES", converter = Bounded.SettleMinutes.class,
      description = "How long a pool must stay Ready after a domain before the next (CR-2), 0 to "
          + Bounded.MAX_SETTLE_MINUTES + "; 0 turns the wait off. Default: ${DEFAULT-VALUE}.")
  int settleMinutes = (int) SettlePolicy.ofDefaults().settleTime().toMinutes();

  @Option(names = "--reset-registrar-state",
      description = "When Get-CsPoolFabricState finds replicas missing, run Reset-CsPoolRegistrarState -ResetType"
          + " QuorumLossRecovery instead of stopping (CR-3). Off unless given.")
  boolean resetRegistrarState;

  @Option(names = "--confirm-mirrored-update",
      description = "Confirm that Install-CsDatabase -Update may run against mirrored Back End databases (CR-5);"
          + " without it a plan with a mirrored store is refused.")
  boolean confirmMirroredUpdate;

  @Option(names = "--fail-over-single-server-pools",
      description = "Fail a paired pool of one Front End, or a paired Standard Edition server, over to its partner"
          + " before its update and back after, so its users stay served (SDK-7). Off unless given.")
  boolean failOverSingleServerPools;

  @Option(names = "--learn-from", paramLabel = "JOURNAL",
      description = "Estimate (and order pools) with the step durations a previous run of this deployment"
          + " recorded in its journal.")
  Path learnFrom;

  /** The files these options read, which an output must not overwrite. */
  List<Path> inputs() {
    return learnFrom == null ? List.of() : List.of(learnFrom);
  }

  /**
   * The plan options for {@code topology}; {@code requireUpdate} for live runs, which must name the
   * real update (otherwise the sample update of the topology's product).
   */
  PlanOptions options(Topology topology, boolean requireUpdate) {
    if (requireUpdate && (update == null || targetBuild == null)) {
      throw new BadInputException("a live command needs the update it installs: --update <installer path>"
          + " --target-build <build>");
    }
    PlanOptions.Builder options = PlanOptions.builder()
        .updatePackage(updatePackage(topology))
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
        .confirmMirroredDatabaseUpdate(confirmMirroredUpdate)
        .failOverSingleServerPools(failOverSingleServerPools);
    return options.build();
  }

  /** The operator's update; for planning and simulating, the topology's sample update where they name none. */
  private UpdatePackage updatePackage(Topology topology) {
    UpdatePackage sample = null;
    if (update == null || targetBuild == null) {
      try {
        sample = Simulation.sampleUpdate(topology);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage() + ": name it with --update and --target-build");
      }
    }
    BuildVersion build;
    try {
      build = targetBuild == null ? sample.targetVersion() : BuildVersion.parse(targetBuild);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--target-build: " + e.getMessage());
    }
    try {
      return new UpdatePackage(update == null ? sample.location() : update, build);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--update: " + e.getMessage());
    }
  }

  /** The settle rule with the operator's minutes; a Ready stretch under way always finishes, whatever its length. */
  private SettlePolicy settlePolicy() {
    return SettlePolicy.ofDefaults().withSettleTime(Duration.ofMinutes(settleMinutes));
  }

  /**
   * The plan of {@code topology}; with {@code --learn-from}, planned again with the durations the
   * journal's run measured (they order the pools and make the estimate, never the steps).
   */
  UpgradePlan plan(Topology topology, boolean requireUpdate, PrintWriter err) {
    PlanOptions options = options(topology, requireUpdate);
    UpgradePlan plan = Planner.create(options).plan(topology);
    if (learnFrom == null) {
      return plan;
    }
    Map<Step, Duration> observed = JournalFiles.durationsToLearn(learnFrom, plan, err);
    StepDurations learned = options.stepDurations().withObserved(observed);
    return Planner.create(options.toBuilder().stepDurations(learned).build()).plan(topology);
  }
}
