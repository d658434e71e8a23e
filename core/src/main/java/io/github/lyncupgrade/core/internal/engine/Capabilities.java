package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.CentralManagementStoreFailover;
import io.github.lyncupgrade.core.deployment.ComputerFailover;
import io.github.lyncupgrade.core.deployment.DatabaseTests;
import io.github.lyncupgrade.core.deployment.DeploymentCapability;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.PoolFabric;
import io.github.lyncupgrade.core.deployment.TopologyPublishing;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@link DeploymentCapability}s a plan's steps need, checked against the deployment before
 * anything runs, and handed to the steps that use them.
 */
final class Capabilities {
  private final LyncDeployment deployment;

  private Capabilities(LyncDeployment deployment) {
    this.deployment = deployment;
  }

  /**
   * The deployment's capabilities, once it is checked to have every one {@code plan} needs.
   *
   * @throws IllegalArgumentException naming each missing capability and the steps that need it
   */
  static Capabilities checked(LyncDeployment deployment, UpgradePlan plan) {
    Map<Class<? extends DeploymentCapability>, List<Step>> missing = new LinkedHashMap<>();
    for (Step step : plan.steps()) {
      requiredBy(step).filter(type -> deployment.capability(type).isEmpty())
          .ifPresent(type -> missing.computeIfAbsent(type, key -> new ArrayList<>()).add(step));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the deployment lacks what the plan's steps need, so nothing ran: "
          + missing.entrySet().stream().map(entry -> entry.getKey().getSimpleName() + " (for "
              + entry.getValue().get(0).id() + (entry.getValue().size() == 1 ? ""
                  : " and " + (entry.getValue().size() - 1) + " more") + ")")
              .collect(Collectors.joining(", "))
          + "; implement it, or plan without those steps");
    }
    return new Capabilities(deployment);
  }

  /** The capability {@code step} needs, if any (CR-2, CR-3, CR-6, CR-7, CR-9). */
  static Optional<Class<? extends DeploymentCapability>> requiredBy(Step step) {
    return switch (step.kind()) {
      case SETTLE_POOL, CHECK_FABRIC_STATE -> Optional.of(PoolFabric.class);
      case FAIL_OVER_SERVER, FAIL_BACK_SERVER -> Optional.of(ComputerFailover.class);
      case VERIFY_DATABASES -> Optional.of(DatabaseTests.class);
      case PUBLISH_TOPOLOGY -> Optional.of(TopologyPublishing.class);
      case FAIL_OVER_CENTRAL_MANAGEMENT_STORE -> Optional.of(CentralManagementStoreFailover.class);
      case CHECK_POOL_READINESS, CHECK_DOMAIN_READINESS, STOP_SERVICES, INSTALL_UPDATE, RESTART_SERVER, VERIFY_SERVER,
          START_SERVICES, FAIL_OVER_POOL, FAIL_BACK_POOL, CHECK_ADMINISTRATOR_ROLE, STAGE_UPDATE, MANUAL,
          STOP_WEB_SERVICE, START_WEB_SERVICE, UPDATE_DATABASES, CUSTOM -> Optional.empty();
    };
  }

  PoolFabric fabric() {
    return get(PoolFabric.class);
  }

  ComputerFailover computerFailover() {
    return get(ComputerFailover.class);
  }

  DatabaseTests databaseTests() {
    return get(DatabaseTests.class);
  }

  TopologyPublishing topologyPublishing() {
    return get(TopologyPublishing.class);
  }

  CentralManagementStoreFailover storeFailover() {
    return get(CentralManagementStoreFailover.class);
  }

  private <T extends DeploymentCapability> T get(Class<T> type) {
    return deployment.capability(type).orElseThrow(() -> new IllegalStateException(
        "the deployment no longer offers " + type.getSimpleName() + ", which it offered when the run began"));
  }
}
