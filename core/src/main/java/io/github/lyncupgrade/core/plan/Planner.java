package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.step.CheckAdministratorRole;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;
import io.github.lyncupgrade.core.step.CheckFabricState;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailBackServer;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.InstallUpdate;
import io.github.lyncupgrade.core.step.ManualStep;
import io.github.lyncupgrade.core.step.PublishTopology;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.SettlePool;
import io.github.lyncupgrade.core.step.StageUpdate;
import io.github.lyncupgrade.core.step.StartServices;
import io.github.lyncupgrade.core.step.StartWebService;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepScope;
import io.github.lyncupgrade.core.step.StopServices;
import io.github.lyncupgrade.core.step.StopWebService;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Topology} into an {@link UpgradePlan}: the ordered, explained steps of the
 * procedure for every pool, each citing its rule. A pure function of the topology and the
 * options: the same input always gives the same steps, ids and order. Immutable and
 * thread-safe; one planner may plan many topologies.
 *
 * <pre>{@code
 * UpgradePlan plan = Planner.create(PlanOptions.ofDefaults()).plan(topology);
 * }</pre>
 */
public final class Planner {
  private final PlanOptions options;

  private Planner(PlanOptions options) {
    this.options = options;
  }

  /** A planner with {@code options}. */
  public static Planner create(PlanOptions options) {
    return new Planner(requireNonNull(options, "options"));
  }

  /** A planner with {@link PlanOptions#ofDefaults()}. */
  public static Planner create() {
    return create(PlanOptions.ofDefaults());
  }

  /** The options this planner plans with. */
  public PlanOptions options() {
    return options;
  }

  /**
   * Plans the upgrade of every pool of {@code topology}: first the update staged on every
   * server (SDK-5, unless turned off), then each pool's procedure. Pools do not depend on each
   * other; the plan's {@link UpgradePlan#poolOrder()} and {@link Concurrency} say which go when
   * (SDK-4): in topology order one at a time; when several run at once, in the order whose
   * estimated night is shortest (see {@link UpgradePlan#poolOrder()}).
   *
   * @throws PlanRefusedException if a planned step would break a rule: a pool below its quorum
   *     (CR-1), mirrored databases nobody confirmed (CR-5), a strategy or update for another product
   */
  public UpgradePlan plan(Topology topology) {
    requireNonNull(topology, "topology");
    PlanChecks.refuseUnsafe(topology, options);
    PlanGraph graph = new PlanGraph(5 * topology.frontEndCount() + 17 * topology.pools().size());
    List<int[]> staged = new ArrayList<>();
    for (Pool pool : topology.pools()) {
      staged.add(options.stageUpdatesAhead() ? stageAhead(graph, pool) : new int[0]);
    }
    for (int i = 0; i < topology.pools().size(); i++) {
      planPool(graph, topology, topology.pools().get(i), staged.get(i));
    }
    UpgradePlan plan = graph.toPlan(topology, options);
    return options.concurrency().pools() > 1 ? plan.withPoolOrder(PoolOrder.shortestNight(plan)) : plan;
  }

  /**
   * SDK-5: a staging step per server of the pool, and the Back End's BE-2 done ahead when its
   * procedure runs the installer.
   */
  private int[] stageAhead(PlanGraph graph, Pool pool) {
    List<StepScope> scopes = new ArrayList<>();
    if (pool instanceof EnterprisePool enterprise) {
      for (UpgradeDomain domain : enterprise.upgradeDomains()) {
        for (Server server : domain.servers()) {
          scopes.add(StepScope.frontEnd(pool.fqdn(), domain.name(), server.fqdn()));
        }
      }
    }
    if (pool instanceof StandardEditionPool || options.backEndServerProcedure()) {
      scopes.add(StepScope.backEnd(pool.fqdn(), pool.backEndHost()));
    }
    int[] staged = new int[scopes.size()];
    for (int i = 0; i < staged.length; i++) {
      staged[i] = graph.add(new StageUpdate(scopes.get(i), true), new int[0]);
    }
    return staged;
  }

  private void planPool(PlanGraph graph, Topology topology, Pool pool, int[] after) {
    boolean beforeUpdate = options.failOverSingleServerPools() && pool.frontEnds().size() == 1
        && pool.partnerPool().isPresent();
    boolean failover = beforeUpdate || (options.failoverOnPoolProblem() && pool.partnerPool().isPresent());
    // a pool failed over for its update still runs: always the planned form
    PoolFailoverMode mode = beforeUpdate ? PoolFailoverMode.PLANNED : options.poolFailoverMode();
    int[] previous = after;
    if (failover && topology.hostsCentralManagementStore(pool.fqdn())) {
      Pool partner = topology.pool(pool.partnerPool().get()).orElseThrow();
      previous = new int[] {graph.add(new FailOverCentralManagementStore(pool.fqdn(), partner.fqdn(),
          storeOf(partner), partner.frontEnds().get(0).fqdn(), mode, beforeUpdate), previous)};
    }
    if (failover) {
      previous = new int[] {graph.add(new FailOverPool(pool.fqdn(), pool.partnerPool().get(), mode, beforeUpdate),
          previous)};
    }
    if (pool instanceof EnterprisePool enterprise) {
      boolean backEndFirst = options.backEndOrder() == BackEndOrder.BEFORE_FRONT_ENDS;
      if (backEndFirst) {
        previous = planBackEnd(graph, pool, previous);
      }
      previous = options.frontEndStrategy(pool) == FrontEndStrategy.SERVER_BY_SERVER
          ? planServerByServer(graph, enterprise, previous)
          : planByDomain(graph, enterprise, previous);
      if (!backEndFirst) {
        previous = planBackEnd(graph, pool, previous);
      }
    } else {
      previous = planBackEnd(graph, pool, previous);
    }
    if (failover) {
      graph.add(new FailBackPool(pool.fqdn(), pool.partnerPool().get()), previous);
    }
  }

  /** The partner's store that takes the Central Management Store: a Standard Edition server's is its RTC instance. */
  private static String storeOf(Pool partner) {
    return partner instanceof EnterprisePool enterprise ? enterprise.backEnd().storeName()
        : partner.backEndHost() + "\\RTC";
  }

  /** FE-3: every domain in turn, with the settle wait (CR-2) between two; returns the last domain's verify steps. */
  private int[] planByDomain(PlanGraph graph, EnterprisePool pool, int[] after) {
    int[] previous = after;
    UpgradeDomain completed = null;
    for (UpgradeDomain domain : pool.upgradeDomains()) {
      if (completed != null && options.settlePolicy().isOn()) {
        previous = new int[] {graph.add(new SettlePool(pool.fqdn(), completed.name(), domain.name(),
            readinessHost(pool, domain), options.settlePolicy(), options.readinessPolicy(), pool.product()), previous)};
      }
      previous = planDomain(graph, pool, domain, previous, completed != null && !options.settlePolicy().isOn());
      completed = domain;
    }
    return previous;
  }

  /**
   * CR-3: one server at a time in topology order, each after a fabric check, failed over,
   * patched, restarted, failed back and verified; returns the last verify step.
   */
  private int[] planServerByServer(PlanGraph graph, EnterprisePool pool, int[] after) {
    int previous = -1;
    for (UpgradeDomain domain : pool.upgradeDomains()) {
      for (Server server : domain.servers()) {
        StepScope scope = StepScope.frontEnd(pool.fqdn(), domain.name(), server.fqdn());
        CheckFabricState gate = new CheckFabricState(scope, options.resetRegistrarStateOnMissingReplicas());
        int step = previous < 0 ? graph.add(gate, after) : graph.add(gate, previous);
        step = graph.add(new FailOverServer(scope, options.drainingTimeout()), step);
        step = graph.add(new InstallUpdate(scope, ProcedureRule.CR_3B), step);
        step = graph.add(new RestartServer(scope, ProcedureRule.CR_3B), step);
        step = graph.add(new FailBackServer(scope), step);
        previous = graph.add(new VerifyServer(scope, ProcedureRule.CR_3C), step);
      }
    }
    return new int[] {previous};
  }

  /** FE-1 and FE-2 for one domain; returns the domain's verify steps. */
  private int[] planDomain(PlanGraph graph, EnterprisePool pool, UpgradeDomain domain, int[] after,
      boolean afterADomain) {
    Fqdn runOn = readinessHost(pool, domain);
    int poolGate = graph.add(new CheckPoolReadiness(pool.fqdn(), domain.name(), runOn, options.readinessPolicy(),
        afterADomain, pool.product()), after);
    int domainGate = graph.add(new CheckDomainReadiness(pool.fqdn(), domain, runOn), poolGate);
    int[] verified = new int[domain.servers().size()];
    for (int i = 0; i < verified.length; i++) {
      Server server = domain.servers().get(i);
      StepScope scope = StepScope.frontEnd(pool.fqdn(), domain.name(), server.fqdn());
      int stop = graph.add(new StopServices(scope, !options.scheduledDowntime(), ProcedureRule.FE_2A), domainGate);
      int install = graph.add(new InstallUpdate(scope, ProcedureRule.FE_2B), stop);
      int restart = graph.add(new RestartServer(scope, ProcedureRule.FE_2C), install);
      verified[i] = graph.add(new VerifyServer(scope, ProcedureRule.FE_2C), restart);
    }
    return verified;
  }

  /**
   * Get-CsPoolUpgradeReadinessState only runs locally on a Front End of the pool: use the first
   * one outside the domain about to go down, so the check never runs on a stopped server.
   */
  private static Fqdn readinessHost(EnterprisePool pool, UpgradeDomain domain) {
    for (UpgradeDomain other : pool.upgradeDomains()) {
      if (other != domain) {
        return other.servers().get(0).fqdn();
      }
    }
    return domain.servers().get(0).fqdn();
  }

  /**
   * BE-1..BE-11 as one chain (BE-2 only when not staged ahead), BE-11 against the AlwaysOn
   * listener where there is one, its check (CR-7), the topology published again for AlwaysOn
   * (CR-6), then SDK-2 for Standard Edition; returns the last step.
   */
  private int[] planBackEnd(PlanGraph graph, Pool pool, int[] after) {
    StepScope scope = StepScope.backEnd(pool.fqdn(), pool.backEndHost());
    boolean standard = pool instanceof StandardEditionPool;
    List<Step> chain = new ArrayList<>();
    if (standard || options.backEndServerProcedure()) {
      chain.add(new CheckAdministratorRole(scope));
      if (!options.stageUpdatesAhead()) {
        chain.add(new StageUpdate(scope, false));
      }
      chain.add(new ManualStep(scope, ProcedureRule.BE_3));
      chain.add(new StopServices(scope, false, ProcedureRule.BE_4));
      chain.add(new StopWebService(scope));
      chain.add(new ManualStep(scope, ProcedureRule.BE_6));
      chain.add(new InstallUpdate(scope, ProcedureRule.BE_7));
      chain.add(new ManualStep(scope, ProcedureRule.BE_8));
      chain.add(new StopServices(scope, false, ProcedureRule.BE_9));
      chain.add(new StartWebService(scope));
    }
    chain.add(new UpdateDatabases(scope, DatabaseUpdateVariant.forPool(pool), pool.databaseTarget()));
    chain.add(new VerifyDatabases(scope, pool.databaseTarget()));
    if (pool instanceof EnterprisePool enterprise
        && enterprise.backEnd().highAvailability() == BackEndHighAvailability.ALWAYS_ON) {
      chain.add(new PublishTopology(scope));
    }
    if (standard) {
      chain.add(new StartServices(scope));
      chain.add(new VerifyServer(scope, ProcedureRule.SDK_2));
    }
    int last = -1;
    for (Step step : chain) {
      last = last < 0 ? graph.add(step, after) : graph.add(step, last);
    }
    return new int[] {last};
  }
}
