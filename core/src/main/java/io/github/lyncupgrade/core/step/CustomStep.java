package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.util.Optional;

/**
 * SDK-6: a step a plan's user added with a {@link PlanExtension}, before or after a step of the
 * plan (its anchor), carried out by the action registered under {@code action} with the executor.
 * It takes part in the order, the journal, resume and every rendering like the procedure's own
 * steps, marked custom. Its id is the anchor's with {@code /before-<action>} or
 * {@code /after-<action>}: stable as long as the anchor is.
 *
 * @param action the name the executor finds its action under, for example {@code lb-drain}
 * @param description what it does, in a line an operator understands
 * @param anchor the step it goes before or after
 * @param before whether it goes before the anchor (otherwise after)
 * @param pool the anchor's pool
 * @param target the anchor's target: the server it acts on or runs on
 * @param scope the anchor's server procedure, when the anchor is a step of one: a custom step
 *     there is part of that server's procedure (null otherwise; see {@link #serverProcedure()})
 */
public record CustomStep(String action, String description, StepId anchor, boolean before, Fqdn pool, Fqdn target,
    StepScope scope) implements Step {
  /**
   * Rejects nulls (but the scope), an action name that cannot be part of an id, and a
   * description that is blank or holds a line break or another control character (it is
   * written into renderings and the runbook as one line of text).
   */
  public CustomStep {
    requireNonNull(action, "action");
    requireNonNull(description, "description");
    requireNonNull(anchor, "anchor");
    requireNonNull(pool, "pool");
    requireNonNull(target, "target");
    checkAction(action);
    if (description.isBlank()) {
      throw new IllegalArgumentException("a custom step needs a description");
    }
    for (int i = 0; i < description.length(); i++) {
      char c = description.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException(String.format(
            "a custom step's description is one line: it has the character U+%04X at index %d", (int) c, i));
      }
    }
  }

  /** Refuses an action name that cannot be part of a step id. */
  public static void checkAction(String action) {
    if (!action.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("a custom step's action name is 1 to 40 lowercase letters, digits and '-',"
          + " starting with a letter or digit; got '" + action + "'");
    }
  }

  /** The server procedure it belongs to, if its anchor is a step of one. */
  @Override
  public Optional<StepScope> serverProcedure() {
    return Optional.ofNullable(scope);
  }

  @Override
  public Optional<String> group() {
    return serverProcedure().map(StepScope::group);
  }

  @Override
  public StepKind kind() {
    return StepKind.CUSTOM;
  }

  @Override
  public StepId id() {
    return new StepId(anchor.value() + "/" + (before ? "before-" : "after-") + action);
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.SDK_6;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public boolean isCustom() {
    return true;
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
