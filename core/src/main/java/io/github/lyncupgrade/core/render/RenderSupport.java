package io.github.lyncupgrade.core.render;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.Step;
import java.util.List;

/** What the renderers say alike about steps and pools. */
final class RenderSupport {
  private RenderSupport() {}

  /** "contingent", "manual: why", or empty. */
  static String notes(Step step) {
    if (step.isContingent()) {
      return "contingent";
    }
    if (step instanceof CustomStep custom) {
      return "custom: " + custom.action();
    }
    return step.manualReason().map(reason -> "manual: " + reason).orElse("");
  }

  /** The step's id without its pool, for example {@code UD1/fe01.contoso.com/restart}. */
  static String idWithinPool(Step step) {
    return step.id().value().substring(step.pool().toString().length() + 1);
  }

  /** The section a step is listed under: the staging ahead (SDK-5), or its pool. */
  static String section(Step step) {
    return step.runsAhead() ? STAGING : step.pool().toString();
  }

  /** A section's heading line. */
  static String heading(UpgradePlan plan, Step first) {
    return first.runsAhead() ? STAGING_HEADING : describe(plan, plan.topology().pool(first.pool()).orElseThrow());
  }

  static final String STAGING = "staging ahead";
  private static final String STAGING_HEADING = "Staging ahead (SDK-5): the update copied to every server before any"
      + " service of its pool stops";

  static String describe(UpgradePlan plan, Pool pool) {
    String partner = pool.partnerPool().map(fqdn -> ", disaster-recovery partner " + fqdn).orElse("")
        + (plan.topology().hostsCentralManagementStore(pool.fqdn()) ? ", hosts the Central Management Store" : "");
    if (pool instanceof EnterprisePool enterprise) {
      String strategy = plan.options().frontEndStrategy(pool) == FrontEndStrategy.SERVER_BY_SERVER
          ? "patched server by server" : "patched by upgrade domain";
      return pool.fqdn() + ": " + pool.product() + " Enterprise Edition, " + enterprise.upgradeDomains().size()
          + " upgrade domains, " + pool.frontEnds().size() + " Front End servers " + strategy + ", Back End "
          + enterprise.backEnd() + partner;
    }
    return pool.fqdn() + ": " + pool.product() + " Standard Edition server " + ((StandardEditionPool) pool).server()
        + partner;
  }

  /** One line per {@linkplain UpgradePlan#warnings() warning} of the plan. */
  static List<String> warnings(UpgradePlan plan) {
    return plan.warnings().stream()
        .map(warning -> "WARNING " + warning.rule().id() + ": " + warning.pool() + " " + warning.message())
        .toList();
  }

  static String summary(UpgradePlan plan) {
    int servers = plan.topology().frontEndCount();
    return "Upgrade plan: " + Text.count(plan.topology().pools().size(), "pool") + ", " + servers
        + (servers == 1 ? " Front End or Standard Edition server, " : " Front End and Standard Edition servers, ")
        + Text.count(plan.size(), "step");
  }
}
