package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.Optional;

/**
 * A step that is a human action in the source procedure: opening the Lync Server Management
 * Shell (BE-3, BE-8) and closing its windows (BE-6). It is kept in the plan, marked manual with
 * the reason, so that a reader of the procedure finds every step; an executor records it
 * without acting.
 *
 * @param scope the Back End or Standard Edition server
 * @param rule BE-3, BE-6 or BE-8
 */
public record ManualStep(StepScope scope, ProcedureRule rule) implements ServerStep {
  /** Rejects nulls and rules this step does not carry out. */
  public ManualStep {
    requireNonNull(scope, "scope");
    RuleCheck.requireOneOf("ManualStep", rule, ProcedureRule.BE_3, ProcedureRule.BE_6, ProcedureRule.BE_8);
  }

  @Override
  public StepKind kind() {
    return StepKind.MANUAL;
  }

  @Override
  public String action() {
    return switch (rule) {
      case BE_3 -> "open-management-shell";
      case BE_6 -> "close-management-shells";
      default -> "reopen-management-shell";
    };
  }

  @Override
  public String description() {
    return switch (rule) {
      case BE_3 -> "Start the Lync Server Management Shell on " + target();
      case BE_6 -> "Close every Lync Server Management Shell window on " + target();
      default -> "Start the Lync Server Management Shell on " + target() + " again";
    };
  }

  @Override
  public Optional<String> manualReason() {
    return Optional.of(switch (rule) {
      case BE_3 -> "automation runs the cmdlets in its own PowerShell session with the Lync module loaded";
      case BE_6 -> "automation holds no Management Shell open while the installer runs;"
          + " close any window an operator left open";
      default -> "automation loads the updated Lync module in a fresh session for the next steps";
    });
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
