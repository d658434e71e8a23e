package io.github.lyncupgrade.powershell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.plan.PlanWarning;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.render.PlanRenderer;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plan}: the plan of a topology, for people or for programs. */
@Command(name = "plan",
    description = "Print the upgrade plan of a topology: every step, its rule, its order; or its estimated night.")
final class PlanCommand implements Callable<Integer> {
  enum Format { text, markdown, mermaid, gantt, estimate, json }

  @Mixin
  TopologyArguments.FileOrSample topology;

  @Mixin
  PlanArguments plan;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown, mermaid (the step graph), gantt (the estimated night as a Mermaid Gantt chart),"
          + " estimate (the window, each pool's part, warnings) or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    UpgradePlan upgradePlan = plan.plan(topology.read(spec.commandLine().getErr()), false, spec.commandLine().getErr());
    // The renderings hold the operator's values (the update's location may carry a direction mark): shown escaped.
    spec.commandLine().getOut().print(switch (format) {
      case text -> Text.safe(PlanRenderer.text().render(upgradePlan), true);
      case markdown -> Text.safe(PlanRenderer.markdown().render(upgradePlan), true);
      case mermaid -> Text.safe(PlanRenderer.mermaid().render(upgradePlan), true);
      case gantt -> Text.safe(PlanRenderer.gantt().render(upgradePlan), true);
      case estimate -> Text.safe(upgradePlan.estimate().toText(), true);
      case json -> json(upgradePlan);
    });
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static String json(UpgradePlan plan) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("fingerprint", plan.fingerprint());
      json.writeArrayFieldStart("warnings");
      for (PlanWarning warning : plan.warnings()) {
        json.writeStartObject();
        json.writeStringField("pool", warning.pool().toString());
        json.writeStringField("rule", warning.rule().id());
        json.writeStringField("message", warning.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("steps");
      for (Step step : plan.steps()) {
        json.writeStartObject();
        json.writeStringField("id", step.id().value());
        json.writeStringField("rule", step.rule().id());
        json.writeStringField("kind", step.kind().name());
        json.writeStringField("pool", step.pool().toString());
        json.writeStringField("target", step.target().toString());
        json.writeStringField("description", step.description());
        json.writeBooleanField("contingent", step.isContingent());
        if (step.isManual()) {
          json.writeStringField("manual", step.manualReason().orElseThrow());
        }
        json.writeArrayFieldStart("prerequisites");
        for (StepId prerequisite : plan.prerequisites(step.id())) {
          json.writeString(prerequisite.value());
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out + System.lineSeparator();
  }
}
