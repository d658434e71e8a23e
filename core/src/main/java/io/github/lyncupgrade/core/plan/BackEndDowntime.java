package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.step.ServerStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import java.time.Duration;

/**
 * PROCEDURE BE-0: when a Back End is down, and for how long users can bear it. An Enterprise
 * pool's Back End is down from {@code net stop w3svc} (BE-5) until {@code net start w3svc}
 * (BE-10); a Standard Edition server, which is its pool's only Front End too, from
 * {@code Stop-CsWindowsService} (BE-4) until its services start again (SDK-2). The executor
 * clocks it with these rules and the plan's estimate predicts it with them.
 */
public final class BackEndDowntime {
  /** BE-0: a Back End down this long may put the pool's users into resiliency mode. */
  public static final Duration RESILIENCY_THRESHOLD = Duration.ofMinutes(30);

  private BackEndDowntime() {}

  /** Whether {@code step}, a step of a pool of {@code topology}, takes its pool's Back End down. */
  public static boolean opens(Step step, Topology topology) {
    return onBackEnd(step) && step.kind() == (standard(step, topology) ? StepKind.STOP_SERVICES
        : StepKind.STOP_WEB_SERVICE);
  }

  /** Whether {@code step}, a step of a pool of {@code topology}, brings its pool's Back End back. */
  public static boolean closes(Step step, Topology topology) {
    return onBackEnd(step) && step.kind() == (standard(step, topology) ? StepKind.START_SERVICES
        : StepKind.START_WEB_SERVICE);
  }

  private static boolean onBackEnd(Step step) {
    return step instanceof ServerStep serverStep && serverStep.scope().isBackEnd() && !step.runsAhead();
  }

  private static boolean standard(Step step, Topology topology) {
    requireNonNull(topology, "topology");
    return topology.pool(step.pool()).orElseThrow(
        () -> new IllegalArgumentException(step.pool() + " is not a pool of the topology")) instanceof StandardEditionPool;
  }
}
