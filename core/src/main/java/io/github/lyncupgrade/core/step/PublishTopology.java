package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.procedure.ProcedureRule;

/**
 * CR-6: after the databases of an AlwaysOn availability group are updated through its listener,
 * the topology is published again ({@code Publish-CsTopology} with the current topology, then
 * {@code Enable-CsTopology}).
 *
 * @param scope the Back End procedure of the pool whose store is the availability group
 */
public record PublishTopology(StepScope scope) implements ServerStep {
  /** Rejects nulls. */
  public PublishTopology {
    requireNonNull(scope, "scope");
  }

  @Override
  public StepKind kind() {
    return StepKind.PUBLISH_TOPOLOGY;
  }

  @Override
  public ProcedureRule rule() {
    return ProcedureRule.CR_6;
  }

  @Override
  public String action() {
    return "publish-topology";
  }

  @Override
  public String description() {
    return "Publish the topology again (Publish-CsTopology with Get-CsTopology -AsXml, then Enable-CsTopology)"
        + " after the availability group's databases were updated";
  }

  @Override
  public <R> R accept(StepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
