package io.github.lyncupgrade.testkit.assertions;

import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StepScope;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link UpgradePlan}, with failures that name pools, domains and servers. */
public final class UpgradePlanAssert extends AbstractAssert<UpgradePlanAssert, UpgradePlan> {
  private static final List<String> FRONT_END_CHAIN = List.of("stop-services", "install-update", "restart", "verify");
  private static final List<String> SERVER_BY_SERVER_CHAIN = List.of("check-fabric-state", "fail-over-server",
      "install-update", "restart", "fail-back-server", "verify");

  UpgradePlanAssert(UpgradePlan actual) {
    super(actual, UpgradePlanAssert.class);
  }

  /** The plan has a step with this id. */
  public UpgradePlanAssert hasStep(String id) {
    isNotNull();
    if (actual.step(new StepId(id)).isEmpty()) {
      failWithMessage("Expected the plan to have step %s, but it has none; its steps:%n%s", id, ids(actual.steps()));
    }
    return this;
  }

  /** Every step comes after all its prerequisites in the plan's linear order. */
  public UpgradePlanAssert respectsItsPrerequisites() {
    isNotNull();
    for (Step step : actual.steps()) {
      for (StepId prerequisite : actual.prerequisites(step.id())) {
        if (actual.positionOf(prerequisite) > actual.positionOf(step.id())) {
          failWithMessage("Expected %s to come after its prerequisite %s, but it comes before it", step.id(), prerequisite);
        }
      }
    }
    return this;
  }

  /**
   * FE-0, FE-3: in every Enterprise pool, each upgrade domain's steps all come before the next
   * domain's first step (its settle wait or readiness check; server by server, its first server's
   * fabric check), which waits (directly, or through other steps) for every server of the domain
   * to be verified.
   */
  public UpgradePlanAssert upgradesOneDomainAtATime() {
    isNotNull();
    for (Pool pool : actual.topology().pools()) {
      if (!(pool instanceof EnterprisePool enterprise)) {
        continue;
      }
      List<UpgradeDomain> domains = enterprise.upgradeDomains();
      for (int i = 0; i + 1 < domains.size(); i++) {
        StepId nextGate = firstStepOf(pool.fqdn(), domains.get(i + 1));
        List<StepId> gatePrerequisites = actual.prerequisites(nextGate);
        for (Step step : domainSteps(pool.fqdn(), domains.get(i))) {
          if (actual.positionOf(step.id()) > actual.positionOf(nextGate)) {
            failWithMessage("Expected %s to be done before %s starts, but step %s comes after its readiness check",
                domains.get(i).name(), domains.get(i + 1).name(), step.id());
          }
        }
        for (Server server : domains.get(i).servers()) {
          StepId verify = StepScope.frontEnd(pool.fqdn(), domains.get(i).name(), server.fqdn()).stepId("verify");
          if (!waitsFor(nextGate, verify)) {
            failWithMessage("Expected %s's readiness check in %s to wait for %s of %s to be verified, but it waits for %s",
                domains.get(i + 1).name(), pool.fqdn(), server, domains.get(i).name(), gatePrerequisites);
          }
        }
      }
    }
    return this;
  }

  /**
   * FE-1, FE-2: every Front End of every Enterprise pool appears in exactly one chain stop,
   * install, restart, verify, in that order, after its domain's pool and domain readiness checks;
   * or, in a pool patched server by server (CR-3), in exactly one chain fabric check, failover,
   * install, restart, failback, verify.
   */
  public UpgradePlanAssert hasEveryFrontEndInExactlyOneChain() {
    isNotNull();
    for (Pool pool : actual.topology().pools()) {
      if (!(pool instanceof EnterprisePool enterprise)) {
        continue;
      }
      if (actual.options().frontEndStrategy(pool) == FrontEndStrategy.SERVER_BY_SERVER) {
        for (UpgradeDomain domain : enterprise.upgradeDomains()) {
          for (Server server : domain.servers()) {
            checkChain(pool.fqdn(), domain, server, SERVER_BY_SERVER_CHAIN);
          }
        }
        continue;
      }
      for (UpgradeDomain domain : enterprise.upgradeDomains()) {
        StepId poolGate = poolGate(pool.fqdn(), domain);
        StepId domainGate = new StepId(pool.fqdn() + "/" + domain.name() + "/check-domain-readiness");
        requirePrerequisite(domainGate, poolGate, "the domain check (FE-2) waits for the pool check (FE-1)");
        for (Server server : domain.servers()) {
          List<Step> chain = checkChain(pool.fqdn(), domain, server, FRONT_END_CHAIN);
          requirePrerequisite(chain.get(0).id(), domainGate, server + " is stopped only after " + domain.name()
              + " reports ReadyForUpgrade (FE-2)");
        }
      }
    }
    return this;
  }

  /** The server's chain, checked to be {@code expected} once each, each step after the one before. */
  private List<Step> checkChain(Fqdn pool, UpgradeDomain domain, Server server, List<String> expected) {
    List<Step> chain = actual.steps().stream()
        .filter(step -> step instanceof ServerStep serverStep && !serverStep.scope().isBackEnd()
            && !step.runsAhead() && serverStep.target().equals(server.fqdn()))
        .toList();
    List<String> actions = chain.stream().map(step -> ((ServerStep) step).action()).toList();
    if (!actions.equals(expected)) {
      failWithMessage("Expected %s of %s in %s to go through %s once each, in that order, but its steps are %s",
          server, domain.name(), pool, expected, actions);
    }
    for (int i = 1; i < chain.size(); i++) {
      requirePrerequisite(chain.get(i).id(), chain.get(i - 1).id(),
          server + " does " + actions.get(i) + " only after " + actions.get(i - 1));
    }
    return chain;
  }

  /**
   * SDK-5: every server the plan installs the update on has it staged ahead, once, and each
   * pool's first steps wait for all of its pool's staging.
   */
  public UpgradePlanAssert stagesEveryServerBeforeItsPoolStops() {
    isNotNull();
    for (Pool pool : actual.topology().pools()) {
      List<Step> steps = actual.stepsOf(pool.fqdn());
      List<StepId> staged = steps.stream().filter(Step::runsAhead).map(Step::id).toList();
      for (Step install : steps) {
        if (install.kind() != StepKind.INSTALL_UPDATE) {
          continue;
        }
        StepId stage = ((ServerStep) install).scope().stepId("stage-update");
        if (!staged.contains(stage)) {
          failWithMessage("Expected %s to be staged ahead of %s (SDK-5), but the plan has no %s; its staging: %s",
              install.target(), pool.fqdn(), stage, staged);
        }
      }
      steps.stream()
          .filter(step -> !step.runsAhead() && actual.prerequisites(step.id()).stream()
              .allMatch(prerequisite -> actual.step(prerequisite).orElseThrow().runsAhead()))
          .forEach(first -> {
            if (!actual.prerequisites(first.id()).containsAll(staged)) {
              failWithMessage("Expected %s, a first step of %s, to wait for all the pool's staging %s (SDK-5),"
                  + " but it waits for %s", first.id(), pool.fqdn(), staged, actual.prerequisites(first.id()));
            }
          });
    }
    return this;
  }

  /** Whether {@code step} waits for {@code prerequisite}, directly or through other steps. */
  private boolean waitsFor(StepId step, StepId prerequisite) {
    Deque<StepId> toVisit = new ArrayDeque<>(actual.prerequisites(step));
    Set<StepId> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      StepId next = toVisit.pop();
      if (next.equals(prerequisite)) {
        return true;
      }
      if (seen.add(next)) {
        toVisit.addAll(actual.prerequisites(next));
      }
    }
    return false;
  }

  private void requirePrerequisite(StepId step, StepId prerequisite, String rule) {
    if (!actual.prerequisites(step).contains(prerequisite)) {
      failWithMessage("Expected that %s: %s should list %s among its prerequisites, but it lists %s",
          rule, step, prerequisite, actual.prerequisites(step));
    }
  }

  /** BE-11: exactly one {@code Install-CsDatabase} per pool, with the variant the pool needs. */
  public UpgradePlanAssert hasTheRightDatabaseUpdateForEveryPool() {
    isNotNull();
    for (Pool pool : actual.topology().pools()) {
      usesDatabaseVariant(pool.fqdn(), DatabaseUpdateVariant.forPool(pool));
    }
    return this;
  }

  /** BE-11: pool {@code pool} is updated with exactly one {@code Install-CsDatabase}, of {@code variant}. */
  public UpgradePlanAssert usesDatabaseVariant(String pool, DatabaseUpdateVariant variant) {
    return usesDatabaseVariant(Fqdn.of(pool), variant);
  }

  /** See {@link #usesDatabaseVariant(String, DatabaseUpdateVariant)}. */
  public UpgradePlanAssert usesDatabaseVariant(Fqdn pool, DatabaseUpdateVariant variant) {
    isNotNull();
    List<DatabaseUpdateVariant> used = actual.databaseUpdates().stream()
        .filter(step -> step.pool().equals(pool))
        .map(UpdateDatabases::variant)
        .toList();
    if (!used.equals(List.of(variant))) {
      failWithMessage("Expected %s to be updated once with %s (%s), but the plan uses %s",
          pool, variant.command(pool).replace(" " + pool, " <sql>"), variant.rule(), used);
    }
    return this;
  }

  private StepId poolGate(Fqdn pool, UpgradeDomain domain) {
    return new StepId(pool + "/" + domain.name() + "/check-pool-readiness");
  }

  /** The first step, in the plan's order, of {@code domain}'s part of the pool's procedure. */
  private StepId firstStepOf(Fqdn pool, UpgradeDomain domain) {
    return actual.stepsOf(pool).stream()
        .filter(step -> !step.runsAhead() && step.group().equals(Optional.of(domain.name())))
        .findFirst().orElseThrow().id();
  }

  private List<Step> domainSteps(Fqdn pool, UpgradeDomain domain) {
    String prefix = pool + "/" + domain.name() + "/";
    return actual.steps().stream().filter(step -> step.id().value().startsWith(prefix)).toList();
  }

  private static String ids(List<Step> steps) {
    return steps.stream().filter(step -> step.kind() != StepKind.MANUAL)
        .map(step -> "  " + step.id()).collect(Collectors.joining("\n"));
  }
}
