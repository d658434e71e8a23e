package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each server's procedure in a plan: a Front End's stop (or failover) to verify, a Back End's BE-1
 * to BE-11, with the steps a user added to it; the staging ahead (SDK-5) is not part of it.
 */
final class ServerChains {
  private final Map<StepScope, List<Step>> chains = new LinkedHashMap<>();

  ServerChains(UpgradePlan plan) {
    for (Step step : plan.steps()) {
      step.serverProcedure().ifPresent(scope -> chains.computeIfAbsent(scope, key -> new ArrayList<>()).add(step));
    }
  }

  /** The steps of {@code scope}'s procedure, in plan order. */
  List<Step> of(StepScope scope) {
    return chains.getOrDefault(scope, List.of());
  }

  /** Whether {@code step} is part of a server's procedure that {@code recorder} shows begun. */
  boolean isInsideBegunChain(Step step, StepRecorder recorder) {
    Optional<StepScope> scope = step.serverProcedure();
    return scope.isPresent() && of(scope.get()).stream().anyMatch(other -> recorder.status(other.id()).isDone());
  }
}
