package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.internal.TopologicalOrder;
import io.github.lyncupgrade.core.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Steps and their prerequisites as the planner adds them; ordered once into a plan. */
final class PlanGraph {
  private final List<Step> steps = new ArrayList<>();
  private final List<List<Integer>> prerequisites = new ArrayList<>();

  int add(Step step, int prerequisite) {
    return add(step, List.of(prerequisite));
  }

  int add(Step step, List<Integer> stepPrerequisites) {
    steps.add(step);
    prerequisites.add(List.copyOf(stepPrerequisites));
    return steps.size() - 1;
  }

  UpgradePlan toPlan(Topology topology, PlanOptions options) {
    TopologicalOrder.Result order = TopologicalOrder.order(prerequisites);
    if (!order.isAcyclic()) {
      throw new IllegalStateException("the plan's steps depend on each other in a cycle; these cannot be ordered: "
          + order.unordered().stream().map(i -> steps.get(i).id().value()).collect(Collectors.joining(", ")));
    }
    List<Step> orderedSteps = new ArrayList<>(steps.size());
    List<List<StepId>> orderedPrerequisites = new ArrayList<>(steps.size());
    for (int index : order.ordered()) {
      orderedSteps.add(steps.get(index));
      orderedPrerequisites.add(prerequisites.get(index).stream().map(i -> steps.get(i).id()).toList());
    }
    return new UpgradePlan(topology, options, orderedSteps, orderedPrerequisites);
  }
}
