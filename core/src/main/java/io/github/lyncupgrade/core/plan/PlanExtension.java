package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps a user adds to a plan (SDK-6): before or after every step a {@link StepSelector}
 * selects, or around each server's procedure (before its first step, after its last). Apply it
 * with {@link UpgradePlan#extend}; the executor carries each added step out with the action
 * registered under its name.
 *
 * <pre>{@code
 * UpgradePlan plan = Planner.create(options).plan(topology).extend(PlanExtension.builder()
 *     .aroundEachServer("lb-drain", "Take {target} out of the load balancer",
 *         "lb-restore", "Put {target} back into the load balancer")
 *     .build());
 * }</pre>
 *
 * {@code {target}} in a description stands for the anchor's server. Immutable and thread-safe.
 */
public final class PlanExtension {
  private record Addition(StepSelector selector, String action, String description, boolean before) {}

  private record Wrap(String beforeAction, String beforeDescription, String afterAction, String afterDescription) {}

  private final List<Addition> additions;
  private final List<Wrap> wraps;

  private PlanExtension(Builder builder) {
    this.additions = List.copyOf(builder.additions);
    this.wraps = List.copyOf(builder.wraps);
  }

  /** A builder of an extension that adds nothing yet. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The steps to add before ({@code before}) or after {@code step}, in the order they were
   * declared; {@code edgeOfServer} says whether {@code step} is the first (before) or last
   * (after) step of a server's procedure.
   */
  List<CustomStep> around(Step step, boolean before, boolean edgeOfServer) {
    List<CustomStep> added = new ArrayList<>();
    StepScope scope = step.serverProcedure().orElse(null);
    if (edgeOfServer) {
      for (Wrap wrap : wraps) {
        added.add(custom(step, scope, before ? wrap.beforeAction() : wrap.afterAction(),
            before ? wrap.beforeDescription() : wrap.afterDescription(), before));
      }
    }
    for (Addition addition : additions) {
      if (addition.before() == before && addition.selector().matches(step)) {
        added.add(custom(step, scope, addition.action(), addition.description(), before));
      }
    }
    return added;
  }

  private static CustomStep custom(Step anchor, StepScope scope, String action, String description, boolean before) {
    return new CustomStep(action, description.replace("{target}", anchor.target().toString()), anchor.id(), before,
        anchor.pool(), anchor.target(), scope);
  }

  /** Builds a {@link PlanExtension}; not thread-safe. */
  public static final class Builder {
    private final List<Addition> additions = new ArrayList<>();
    private final List<Wrap> wraps = new ArrayList<>();

    private Builder() {}

    /** A step {@code action} before every step {@code selector} selects. */
    public Builder before(StepSelector selector, String action, String description) {
      additions.add(checked(selector, action, description, true));
      return this;
    }

    /** A step {@code action} after every step {@code selector} selects. */
    public Builder after(StepSelector selector, String action, String description) {
      additions.add(checked(selector, action, description, false));
      return this;
    }

    /**
     * A step {@code beforeAction} before each server's procedure (before its stop, or BE-1) and
     * {@code afterAction} after it (after its verification, or BE-11): both part of the
     * server's procedure, so a run never stops between them without saying so.
     */
    public Builder aroundEachServer(String beforeAction, String beforeDescription, String afterAction,
        String afterDescription) {
      checked(StepSelector.all(), beforeAction, beforeDescription, true);
      checked(StepSelector.all(), afterAction, afterDescription, false);
      wraps.add(new Wrap(beforeAction, beforeDescription, afterAction, afterDescription));
      return this;
    }

    private static Addition checked(StepSelector selector, String action, String description, boolean before) {
      requireNonNull(selector, "selector");
      requireNonNull(action, "action");
      requireNonNull(description, "description");
      CustomStep.checkAction(action);
      return new Addition(selector, action, description, before);
    }

    /** The extension; the builder may be used again. */
    public PlanExtension build() {
      return new PlanExtension(this);
    }
  }
}
