package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.run.ReadinessObservation;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;

/** PROCEDURE FE-2: right before its servers stop, the upgrade domain must report {@code ReadyForUpgrade}. */
final class DomainGate {
  private final RunContext run;

  DomainGate(RunContext run) {
    this.run = run;
  }

  StepResult check(CheckDomainReadiness step) {
    String domain = step.upgradeDomain().name();
    PoolReadiness answer = run.readiness().ask(step.pool(), step.runOn(), domain);
    if (answer.isReadyForUpgrade(domain)) {
      return new StepResult.Done(domain + " is ReadyForUpgrade");
    }
    ReadinessObservation evidence = ReadinessObservation.of(run.clock().now(), answer);
    return new StepResult.Failed(domain + " is not ReadyForUpgrade (" + answer.state() + ")",
        new RunOutcome.DomainNotReady(step.pool(), domain, evidence));
  }
}
