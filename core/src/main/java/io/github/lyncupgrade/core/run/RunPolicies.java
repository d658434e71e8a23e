package io.github.lyncupgrade.core.run;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.PlanEstimate;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.StepScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready-made {@link RunHooks} that decide whether the run may start the next piece of work:
 * register them with {@code Executor.builder().hook(name, policy)}. They stop only at
 * boundaries, never inside an upgrade domain or a server's procedure.
 */
public final class RunPolicies {
  private RunPolicies() {}

  /**
   * A maintenance window that closes at {@code closesAt} on {@code clock}: no new pool, upgrade
   * domain or Back End procedure starts once it has closed, nor when the plan's estimate says it
   * would not finish before it closes. What has started finishes.
   */
  public static RunHooks maintenanceWindow(UpgradePlan plan, UpgradeClock clock, Instant closesAt) {
    requireNonNull(plan, "plan");
    requireNonNull(clock, "clock");
    requireNonNull(closesAt, "closesAt");
    return new RunHooks() {
      @Override
      public HookDecision beforePool(Fqdn pool) {
        return fits("pool " + pool, Duration.ZERO);
      }

      @Override
      public HookDecision beforeDomain(Fqdn pool, String domain) {
        return fits(domain + " of " + pool, expected(pool, domain));
      }

      @Override
      public HookDecision beforeServer(Fqdn pool, String group, Fqdn server) {
        return StepScope.BACK_END.equals(group) ? fits("the Back End procedure of " + pool, expected(pool, group))
            : HookDecision.proceed();
      }

      private Duration expected(Fqdn pool, String group) {
        return plan.estimate().pool(pool).map(PlanEstimate.PoolWindow::groups).map(groups -> groups.get(group))
            .map(PlanEstimate.Window::length).orElse(Duration.ZERO);
      }

      private HookDecision fits(String what, Duration needs) {
        Instant now = clock.now();
        if (!now.isBefore(closesAt)) {
          return HookDecision.veto("the maintenance window closed at " + closesAt + "; " + what + " waits for the next");
        }
        Duration left = Duration.between(now, closesAt);
        if (needs.compareTo(left) > 0) {
          return HookDecision.veto(what + " needs about " + Durations.format(needs) + " and the maintenance window"
              + " closes in " + Durations.format(left) + " (at " + closesAt + "); it waits for the next");
        }
        return HookDecision.proceed();
      }
    };
  }

  /**
   * A canary: after {@code domains} upgrade domains are done in this run, no new domain or pool
   * starts, so an operator can look before {@code resume} goes on (and counts afresh).
   *
   * @throws IllegalArgumentException if {@code domains} is below 1
   */
  public static RunHooks stopAfterDomains(int domains) {
    checkArgument(domains >= 1, "stop after at least one domain, not %s", domains);
    AtomicInteger done = new AtomicInteger();
    return new RunHooks() {
      @Override
      public HookDecision afterDomain(Fqdn pool, String domain) {
        done.incrementAndGet();
        return HookDecision.proceed();
      }

      @Override
      public HookDecision beforeDomain(Fqdn pool, String domain) {
        return enough().map(HookDecision::veto).orElse(HookDecision.proceed());
      }

      @Override
      public HookDecision beforePool(Fqdn pool) {
        return enough().map(HookDecision::veto).orElse(HookDecision.proceed());
      }

      private Optional<String> enough() {
        return done.get() >= domains
            ? Optional.of("canary: " + done.get() + (done.get() == 1 ? " domain" : " domains")
                + " upgraded in this run; look at them, then resume to go on")
            : Optional.empty();
      }
    };
  }
}
