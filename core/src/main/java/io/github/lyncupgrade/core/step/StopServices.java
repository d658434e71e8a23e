package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * {@code Stop-CsWindowsService}: FE-2a on a Front End ({@code -Graceful -Verbose}, or without
 * {@code -Graceful} in a scheduled downtime), BE-4 and BE-9 in the Back End procedure.
 *
 * @param scope the server
 * @param graceful whether the server finishes existing connections first ({@code -Graceful})
 * @param rule FE-2a, BE-4 or BE-9
 */
public record StopServices(StepScope scope, boolean graceful, ProcedureRule rule) implements ServerStep {
  /** Rejects nulls and rules this step does not carry out. */
  public StopServices {
    requireNonNull(scope, "scope");
    RuleCheck.requireOneOf("StopServices", rule, ProcedureRule.FE_2A, ProcedureRule.BE_4, ProcedureRule.BE_9);
  }

  @Override
  public StepKind kind() {
    return StepKind.STOP_SERVICES;
  }

  @Override
  public boolean takesAFrontEndDown() {
    return scope.upgradeDomain().isPresent();
  }

  @Override
  public String action() {
    return rule == ProcedureRule.BE_9 ? "stop-services-again" : "stop-services";
  }

  /** The cmdlet as an operator would type it. */
  public String command() {
    return graceful ? "Stop-CsWindowsService -Graceful -Verbose" : "Stop-CsWindowsService -Verbose";
  }

  @Override
  public String description() {
    return switch (rule) {
      case FE_2A -> graceful
          ? command() + " on " + target() + ": finish existing connections, take no new ones"
          : command() + " on " + target() + " (scheduled downtime: services stop at once)";
      case BE_9 -> command() + " again on " + target() + ", to catch the Global Assembly Cache (GAC) -d assemblies";
      default -> command() + " on " + target() + ": stop the Lync Server services";
    };
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
