package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.step.CheckAdministratorRole;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;
import io.github.lyncupgrade.core.step.CheckFabricState;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailBackServer;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.InstallUpdate;
import io.github.lyncupgrade.core.step.ManualStep;
import io.github.lyncupgrade.core.step.PublishTopology;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.SettlePool;
import io.github.lyncupgrade.core.step.StageUpdate;
import io.github.lyncupgrade.core.step.StartServices;
import io.github.lyncupgrade.core.step.StartWebService;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepVisitor;
import io.github.lyncupgrade.core.step.StopServices;
import io.github.lyncupgrade.core.step.StopWebService;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a plan does, in a versioned canonical text, and its SHA-256: the plan's fingerprint, which a
 * journal records so that a run is never resumed with another plan. The text holds the options that
 * shape the steps ({@link CanonicalOptions}) and, step by step in plan order, the id, the kind, the
 * rule, the parameters that change what the step does, and the prerequisites; never a description,
 * so rewording a step changes no fingerprint and strands no journal in flight. Version
 * {@value #VERSION}:
 *
 * <pre>
 * lync-upgrade-plan 1
 * options
 * lync-upgrade-plan-options 1
 * backEnd.order=AFTER_FRONT_ENDS
 * ...
 * step pool01.contoso.com/UpgradeDomain1/check-pool-readiness CHECK_POOL_READINESS FE-1
 *   runOn=fe03.contoso.com busyInterval=PT10M maxConsecutiveBusy=3 product=LYNC_SERVER_2013
 *   after pool01.contoso.com/fail-over
 * </pre>
 *
 * A change to what a plan does (a new step type, a parameter, a new meaning) takes a new version;
 * the golden test ({@code PlanFingerprintTest}) says so when the text of the sample plan changes.
 */
final class PlanFingerprint {
  /** The canonical text's version; bump it, and say so in the CHANGELOG, when the text changes. */
  static final int VERSION = 1;

  private PlanFingerprint() {}

  /** The plan's fingerprint: the SHA-256 of {@link #canonicalText}, in hex. */
  static String of(UpgradePlan plan) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonicalText(plan).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** What the plan does, as described in the class comment. */
  static String canonicalText(UpgradePlan plan) {
    StringBuilder text = new StringBuilder("lync-upgrade-plan ").append(VERSION).append('\n');
    text.append("options\n").append(plan.options().canonical().encode());
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      text.append("step ").append(step.id()).append(' ').append(step.kind()).append(' ').append(step.rule().id())
          .append(step.isContingent() ? " contingent" : "").append('\n');
      String parameters = step.accept(PARAMETERS);
      if (!parameters.isEmpty()) {
        text.append("  ").append(parameters).append('\n');
      }
      int[] prerequisites = plan.prerequisitePositions(i);
      if (prerequisites.length > 0) {
        text.append("  after");
        for (int prerequisite : prerequisites) {
          text.append(' ').append(steps.get(prerequisite).id());
        }
        text.append('\n');
      }
    }
    return text.toString();
  }

  /** The parameters beyond the id and the rule that change what a step does, as {@code name=value} words. */
  private static final StepVisitor<String> PARAMETERS = new StepVisitor<>() {
    private String readiness(ReadinessPolicy policy) {
      return "busyInterval=" + policy.busyInterval() + " maxConsecutiveBusy=" + policy.maxConsecutiveBusy();
    }

    @Override
    public String visit(CheckPoolReadiness step) {
      return "runOn=" + step.runOn() + " " + readiness(step.policy()) + " afterADomain=" + step.afterADomain()
          + " product=" + step.product().name();
    }

    @Override
    public String visit(CheckDomainReadiness step) {
      return "runOn=" + step.runOn() + " servers=" + step.upgradeDomain().servers().stream().map(Server::toString)
          .collect(Collectors.joining(","));
    }

    @Override
    public String visit(SettlePool step) {
      return "completed=" + step.completedDomain() + " runOn=" + step.runOn() + " settleTime="
          + step.policy().settleTime() + " pollInterval=" + step.policy().pollInterval() + " giveUpAfter="
          + step.policy().giveUpAfter() + " " + readiness(step.readiness()) + " product=" + step.product().name();
    }

    @Override
    public String visit(FailOverPool step) {
      return "partner=" + step.partner() + " mode=" + step.mode().name() + " beforeUpdate=" + step.beforeUpdate();
    }

    @Override
    public String visit(FailOverCentralManagementStore step) {
      return "partner=" + step.partner() + " backupStore=" + step.backupStore() + " runOn=" + step.runOn() + " mode="
          + step.mode().name() + " beforeUpdate=" + step.beforeUpdate();
    }

    @Override
    public String visit(FailBackPool step) {
      return "partner=" + step.partner();
    }

    @Override
    public String visit(StopServices step) {
      return "graceful=" + step.graceful();
    }

    @Override
    public String visit(InstallUpdate step) {
      return "";
    }

    @Override
    public String visit(RestartServer step) {
      return "";
    }

    @Override
    public String visit(VerifyServer step) {
      return "";
    }

    @Override
    public String visit(StartServices step) {
      return "";
    }

    @Override
    public String visit(CheckAdministratorRole step) {
      return "";
    }

    @Override
    public String visit(StageUpdate step) {
      return "ahead=" + step.ahead();
    }

    @Override
    public String visit(ManualStep step) {
      return "manual";
    }

    @Override
    public String visit(StopWebService step) {
      return "";
    }

    @Override
    public String visit(StartWebService step) {
      return "";
    }

    @Override
    public String visit(UpdateDatabases step) {
      return "variant=" + step.variant().name() + " sqlServer=" + step.sqlServer();
    }

    @Override
    public String visit(VerifyDatabases step) {
      return "sqlServer=" + step.sqlServer();
    }

    @Override
    public String visit(PublishTopology step) {
      return "";
    }

    @Override
    public String visit(CheckFabricState step) {
      return "resetOnMissingReplicas=" + step.resetOnMissingReplicas();
    }

    @Override
    public String visit(FailOverServer step) {
      return "drainingTimeout=" + step.drainingTimeout();
    }

    @Override
    public String visit(FailBackServer step) {
      return "";
    }

    @Override
    public String visit(CustomStep step) {
      return "action=" + step.action() + " anchor=" + step.anchor() + " before=" + step.before();
    }
  };
}
