package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner checks before it plans (refusals) and tells the operator with the plan
 * (warnings): the quorum of each pool under its strategy (CR-1), mirrored stores (CR-5), the
 * strategy's cmdlets on the pool's product, the update's product, and the Central Management
 * Store's pool (CR-9).
 */
final class PlanChecks {
  private PlanChecks() {}

  /** @throws PlanRefusedException naming every problem, if there is any */
  static void refuseUnsafe(Topology topology, PlanOptions options) {
    List<PlanProblem> problems = new ArrayList<>();
    for (Pool pool : topology.pools()) {
      productOfUpdate(options).filter(product -> product != pool.product()).ifPresent(product ->
          problems.add(new PlanProblem(pool.fqdn(), ProcedureRule.CR_8, "the update brings build "
              + options.updatePackage().orElseThrow().targetVersion() + " (" + product + "), but the pool runs "
              + pool.product() + "; plan its pools with their own product's update")));
      if (pool instanceof EnterprisePool enterprise) {
        checkStrategy(enterprise, options, problems);
        if (enterprise.backEnd().highAvailability() == BackEndHighAvailability.MIRRORED
            && !options.confirmMirroredDatabaseUpdate()) {
          problems.add(new PlanProblem(pool.fqdn(), ProcedureRule.CR_5, "its Back End store "
              + enterprise.backEnd().storeName() + " is mirrored, and Microsoft's reference says Install-CsDatabase"
              + " -Update cannot be used against mirrored databases. Options: remove the mirror in Topology"
              + " Builder, update, then mirror again; plan this pool's Front Ends alone and update its databases"
              + " by hand; or, if you have confirmed that your cumulative update supports it (a 2013 blog says CU2"
              + " lifted the limit), plan with confirmMirroredDatabaseUpdate(true) (CLI: --confirm-mirrored-update)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanRefusedException(problems);
    }
  }

  static List<PlanWarning> warnings(Topology topology, PlanOptions options) {
    List<PlanWarning> warnings = new ArrayList<>();
    topology.centralManagementStorePool().flatMap(topology::pool).ifPresent(pool -> warnings.add(new PlanWarning(
        pool.fqdn(), ProcedureRule.CR_9, "hosts the Central Management Store: while its Back End is updated, clients"
            + " across the deployment may go into limited functionality after about 20 minutes; "
            + (pool.partnerPool().isPresent() && options.failoverOnPoolProblem()
                ? "a failover of this pool moves the store to " + pool.partnerPool().get() + " first, and the store"
                    + " stays there after failback (move it home with Invoke-CsManagementServerFailover)"
                : "it has no failover armed, so a pool problem stops the run"))));
    for (Pool pool : topology.pools()) {
      if (pool instanceof EnterprisePool enterprise && enterprise.frontEnds().size() == 1) {
        warnings.add(singleFrontEnd(enterprise, options));
      }
      if (pool instanceof EnterprisePool enterprise
          && enterprise.backEnd().highAvailability() == BackEndHighAvailability.MIRRORED) {
        warnings.add(new PlanWarning(pool.fqdn(), ProcedureRule.CR_5, "Install-CsDatabase -Update runs against the"
            + " mirrored store " + enterprise.backEnd().storeName() + " on the operator's confirmation;"
            + " Test-CsDatabase checks it afterwards (CR-7)"
            + (pool.product() == ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019
                ? "; Skype for Business Server 2019 no longer supports mirroring" : "")));
      }
    }
    return List.copyOf(warnings);
  }

  /** CR-1 has nothing to keep in a pool of one Front End: its users are down while it is updated, unless it fails over. */
  private static PlanWarning singleFrontEnd(EnterprisePool pool, PlanOptions options) {
    String server = pool.frontEnds().get(0).fqdn().toString();
    String consequence = "has a single Front End, " + server + ", so there is no quorum to keep: its users"
        + " lose service from the moment " + server + " stops until it is verified";
    if (pool.partnerPool().isEmpty()) {
      return new PlanWarning(pool.fqdn(), ProcedureRule.CR_1, consequence + "; it has no disaster-recovery partner"
          + " to take them, so plan it in a maintenance window or add Front Ends");
    }
    if (options.failOverSingleServerPools()) {
      return new PlanWarning(pool.fqdn(), ProcedureRule.SDK_7, "has a single Front End, " + server + ": its users"
          + " are failed over to " + pool.partnerPool().get() + " before its update and back after (SDK-7)");
    }
    return new PlanWarning(pool.fqdn(), ProcedureRule.CR_1, consequence + "; to keep them served, fail it over to "
        + pool.partnerPool().get() + " first: plan with failOverSingleServerPools(true) (CLI:"
        + " --fail-over-single-server-pools)");
  }

  private static Optional<ProductVersion> productOfUpdate(PlanOptions options) {
    return options.updatePackage().map(UpdatePackage::targetVersion).flatMap(ProductVersion::ofBuild);
  }

  /** CR-1 for every unit the strategy takes down at once; and CR-3a needs Skype for Business. */
  private static void checkStrategy(EnterprisePool pool, PlanOptions options, List<PlanProblem> problems) {
    FrontEndStrategy strategy = options.frontEndStrategy(pool);
    if (strategy == FrontEndStrategy.SERVER_BY_SERVER && !pool.product().hasComputerFailover()) {
      problems.add(new PlanProblem(pool.fqdn(), ProcedureRule.CR_3A, pool.product() + " has no"
          + " Invoke-CsComputerFailOver; patch it by upgrade domain (FrontEndStrategy.BY_UPGRADE_DOMAIN)"));
      return;
    }
    if (pool.frontEnds().size() < 2) {
      return;
    }
    PoolQuorum quorum = PoolQuorum.of(pool);
    List<List<Server>> units = strategy == FrontEndStrategy.BY_UPGRADE_DOMAIN
        ? pool.upgradeDomains().stream().map(UpgradeDomain::servers).toList()
        : pool.frontEnds().stream().map(List::of).toList();
    int first = 0;
    for (List<Server> down : units) {
      // a unit is a contiguous run of the pool's Front Ends in topology order: count without copying sets
      int downAmongFirst = Math.max(0, Math.min(first + down.size(), quorum.amongFirst()) - first);
      first += down.size();
      if (Math.min(pool.frontEnds().size(), quorum.amongFirst()) - downAmongFirst < quorum.required()) {
        Set<Server> running = new HashSet<>(pool.frontEnds());
        down.forEach(running::remove);
        problems.add(new PlanProblem(pool.fqdn(), ProcedureRule.CR_1, quorumMessage(pool, strategy, down, quorum,
            running)));
      }
    }
  }

  private static String quorumMessage(EnterprisePool pool, FrontEndStrategy strategy, List<Server> down,
      PoolQuorum quorum, Set<Server> running) {
    String unit = strategy == FrontEndStrategy.BY_UPGRADE_DOMAIN
        ? "upgrade domain " + pool.upgradeDomains().stream().filter(d -> d.servers().equals(down)).findFirst()
            .orElseThrow().name() + " (" + down.size() + " of " + pool.frontEnds().size() + " Front Ends)"
        : "server " + down.get(0);
    return "taking down " + unit + " would leave " + quorum.countedAmong(pool.frontEnds(), running)
        + " of the first " + quorum.amongFirst() + " running, and the pool needs " + quorum
        + " (Microsoft's quorum table): its remaining Front Ends would stop their services. Options: split the"
        + " domains in Topology Builder so that no domain holds so many of the first " + quorum.amongFirst()
        + (pool.product().hasComputerFailover() ? "; or patch server by server (FrontEndStrategy.SERVER_BY_SERVER)"
            : "") + "; or plan a downtime with the whole pool stopped by hand";
  }
}
