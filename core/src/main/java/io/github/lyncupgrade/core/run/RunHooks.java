package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.model.Fqdn;

/**
 * Your code at the run's boundaries: before and after each pool, upgrade domain and server's
 * procedure. A hook may act (page someone, drain a load balancer, run synthetic transactions) and
 * may say no ({@link HookDecision#veto}): the run then stops cleanly there, the step it stopped
 * at recorded as failed with the reason, and {@code resume} asks the hook again. A hook that
 * throws or outlasts the executor's hook timeout stops the run with {@link RunOutcome.HookFailed}.
 * A veto after a server or domain (a failed check) stops before anything else starts, and its
 * last step is done again on resume, with the check after it.
 *
 * <p>Register hooks with {@code Executor.builder().hook(name, hooks)}; each method defaults to
 * going on. Hooks are called from the executor's threads, one boundary at a time per server.
 */
public interface RunHooks {

  /** Before the first step of {@code pool} (staging aside). */
  default HookDecision beforePool(Fqdn pool) {
    return HookDecision.proceed();
  }

  /** After the last step of {@code pool}. */
  default HookDecision afterPool(Fqdn pool) {
    return HookDecision.proceed();
  }

  /** Before upgrade domain {@code domain} of {@code pool}: before its readiness check (FE-1). */
  default HookDecision beforeDomain(Fqdn pool, String domain) {
    return HookDecision.proceed();
  }

  /** After every server of upgrade domain {@code domain} of {@code pool} is verified. */
  default HookDecision afterDomain(Fqdn pool, String domain) {
    return HookDecision.proceed();
  }

  /**
   * Before {@code server}'s procedure in {@code group} (an upgrade domain, or {@code back-end})
   * of {@code pool}: before its stop, or BE-1.
   */
  default HookDecision beforeServer(Fqdn pool, String group, Fqdn server) {
    return HookDecision.proceed();
  }

  /** After {@code server}'s procedure: after its verification, or BE-11. */
  default HookDecision afterServer(Fqdn pool, String group, Fqdn server) {
    return HookDecision.proceed();
  }
}
