package io.github.lyncupgrade.core.step;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Durations;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.time.Duration;

/**
 * CR-3a: {@code Invoke-CsComputerFailOver -ComputerName <fe> -DrainingTimeout <TimeSpan>} moves the
 * server's users and routing groups to the pool's other servers, then stops and disables its
 * services. The cmdlet has no default draining timeout, so the plan always passes one.
 *
 * @param scope the Front End
 * @param drainingTimeout how long the cmdlet may drain before it stops the services
 */
public record FailOverServer(StepScope scope, Duration drainingTimeout) implements ServerStep {
  /** Rejects nulls and a non-positive timeout. */
  public FailOverServer {
    requireNonNull(scope, "scope");
    requireNonNull(drainingTimeout, "drainingTimeout");
    checkArgument(Durations.isPositive(drainingTimeout), "drainingTimeout must be positive, was %s", drainingTimeout);
  }

  @Override
  public StepKind kind() {
    return StepKind.FAIL_OVER_SERVER;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_3A;
  }

  @Override
  public boolean takesAFrontEndDown() {
    return true;
  }

  @Override
  public String action() {
    return "fail-over-server";
  }

  @Override
  public String description() {
    return "Invoke-CsComputerFailOver -ComputerName " + target() + " -DrainingTimeout (New-TimeSpan -Seconds "
        + drainingTimeout.toSeconds() + "): drain it (at most " + drainingTimeout.toMinutes()
        + " min), then stop and disable its services";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
