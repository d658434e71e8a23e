package io.github.lyncupgrade.core.plan;

import static io.github.lyncupgrade.core.plan.PlanFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.core.step.StepScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SDK-6: the steps a plan's user adds, where they go, what they select and what they refuse. */
class PlanExtensionTest {
  private static final PlanOptions SEED = PlanOptions.builder().stageUpdatesAhead(false).build();
  private static final UpgradePlan PLAN = PlanFixtures.plan(SEED);

  private static UpgradePlan extended(PlanExtension.Builder extension) {
    return PLAN.extend(extension.build());
  }

  private static List<String> customIds(UpgradePlan plan) {
    return plan.steps().stream().filter(Step::isCustom).map(step -> step.id().value()).toList();
  }

  private static List<String> ids(UpgradePlan plan, String pool) {
    return plan.stepsOf(Fqdn.of(pool)).stream().map(step -> step.id().value()).toList();
  }

  @Test
  void sdk6_aStepAddedBeforeItsAnchorTakesItsPlaceAndOneAfterIsWaitedForByWhatFollowed() {
    UpgradePlan plan = extended(PlanExtension.builder()
        .before(StepSelector.kind(StepKind.STOP_SERVICES).and(StepSelector.server("fe01.contoso.com")), "lb-drain",
            "Take {target} out of the load balancer")
        .after(StepSelector.kind(StepKind.VERIFY_SERVER).and(StepSelector.server("fe01.contoso.com")), "lb-restore",
            "Put {target} back"));

    String stop = "pool01.contoso.com/UD1/fe01.contoso.com/stop-services";
    String verify = "pool01.contoso.com/UD1/fe01.contoso.com/verify";
    List<String> pool01 = ids(plan, "pool01.contoso.com");
    assertThat(pool01.indexOf(stop + "/before-lb-drain")).isEqualTo(pool01.indexOf(stop) - 1);
    assertThat(pool01.indexOf(verify + "/after-lb-restore")).isEqualTo(pool01.indexOf(verify) + 1);
    assertThat(plan.prerequisites(id(stop))).containsExactly(id(stop + "/before-lb-drain"));
    assertThat(plan.prerequisites(id(stop + "/before-lb-drain")))
        .containsExactly(id("pool01.contoso.com/UD1/check-domain-readiness"));
    assertThat(plan.prerequisites(id("pool01.contoso.com/UD2/settle")))
        .contains(id(verify + "/after-lb-restore"), id("pool01.contoso.com/UD1/fe02.contoso.com/verify"))
        .doesNotContain(id(verify));
    assertThat(plan.size()).isEqualTo(PLAN.size() + 2);
    assertThat(plan.poolOrder()).isEqualTo(PLAN.poolOrder());
    assertThat(plan.fingerprint()).isNotEqualTo(PLAN.fingerprint());

    CustomStep drain = (CustomStep) plan.step(id(stop + "/before-lb-drain")).orElseThrow();
    assertThat(drain.description()).isEqualTo("Take fe01.contoso.com out of the load balancer");
    assertThat(drain.rule()).isEqualTo(ProcedureRule.SDK_6);
    assertThat(drain.kind()).isEqualTo(StepKind.CUSTOM);
    assertThat(drain.target()).isEqualTo(Fqdn.of("fe01.contoso.com"));
    assertThat(drain.pool()).isEqualTo(Fqdn.of("pool01.contoso.com"));
    assertThat(drain.anchor()).isEqualTo(id(stop));
    assertThat(drain.serverProcedure()).contains(StepScope.frontEnd(Fqdn.of("pool01.contoso.com"), "UD1",
        Fqdn.of("fe01.contoso.com")));
    assertThat(drain.group()).contains("UD1");
  }

  @Test
  void sdk6_aroundEachServerWrapsEveryServersProcedureFromItsFirstStepToItsLast() {
    UpgradePlan plan = extended(PlanExtension.builder()
        .aroundEachServer("lb-drain", "Drain {target}", "lb-restore", "Restore {target}"));

    assertThat(customIds(plan)).containsExactly(
        "pool01.contoso.com/UD1/fe01.contoso.com/stop-services/before-lb-drain",
        "pool01.contoso.com/UD1/fe01.contoso.com/verify/after-lb-restore",
        "pool01.contoso.com/UD1/fe02.contoso.com/stop-services/before-lb-drain",
        "pool01.contoso.com/UD1/fe02.contoso.com/verify/after-lb-restore",
        "pool01.contoso.com/UD2/fe03.contoso.com/stop-services/before-lb-drain",
        "pool01.contoso.com/UD2/fe03.contoso.com/verify/after-lb-restore",
        "pool01.contoso.com/UD2/fe04.contoso.com/stop-services/before-lb-drain",
        "pool01.contoso.com/UD2/fe04.contoso.com/verify/after-lb-restore",
        "pool01.contoso.com/back-end/sql01.contoso.com/check-administrator-role/before-lb-drain",
        "pool01.contoso.com/back-end/sql01.contoso.com/verify-databases/after-lb-restore",
        "pool02.contoso.com/UD1/fe11.contoso.com/stop-services/before-lb-drain",
        "pool02.contoso.com/UD1/fe11.contoso.com/verify/after-lb-restore",
        "pool02.contoso.com/back-end/sql02.contoso.com/check-administrator-role/before-lb-drain",
        "pool02.contoso.com/back-end/sql02.contoso.com/verify-databases/after-lb-restore",
        "se01.contoso.com/back-end/se01.contoso.com/check-administrator-role/before-lb-drain",
        "se01.contoso.com/back-end/se01.contoso.com/verify/after-lb-restore");
    assertThat(plan.step(id("pool01.contoso.com/back-end/sql01.contoso.com/verify-databases/after-lb-restore"))
        .orElseThrow().description()).isEqualTo("Restore sql01.contoso.com");
  }

  @Test
  void sdk6_selectorsChooseByPoolDomainServerAndKindAndNeverChooseAddedSteps() {
    PlanExtension.Builder extension = PlanExtension.builder()
        .after(StepSelector.pool("pool02.contoso.com").and(StepSelector.kind(StepKind.RESTART_SERVER)), "a", "a")
        .after(StepSelector.upgradeDomain("UD2").and(StepSelector.kind(StepKind.CHECK_POOL_READINESS)), "b", "b")
        .before(StepSelector.server("sql01.contoso.com").and(StepSelector.kind(StepKind.UPDATE_DATABASES)), "c", "c")
        .after(StepSelector.kind(StepKind.CUSTOM), "never", "never")
        .before(StepSelector.all().and(step -> step.id().value().endsWith("/fail-back")), "d", "d");

    assertThat(customIds(extended(extension))).containsExactly(
        "pool01.contoso.com/UD2/check-pool-readiness/after-b",
        "pool01.contoso.com/back-end/sql01.contoso.com/update-databases/before-c",
        "pool01.contoso.com/fail-back/before-d",
        "pool02.contoso.com/UD1/fe11.contoso.com/restart/after-a",
        "pool02.contoso.com/fail-back/before-d");
  }

  @Test
  void sdk6_aSelectorNeverMatchesAStepAUserAdded() {
    CustomStep added = new CustomStep("lb-drain", "Drain fe01", id("pool01.contoso.com/UD1/fe01.contoso.com/restart"),
        true, Fqdn.of("pool01.contoso.com"), Fqdn.of("fe01.contoso.com"), null);

    for (StepSelector selector : List.of(StepSelector.all(), StepSelector.kind(StepKind.CUSTOM),
        StepSelector.pool("pool01.contoso.com"), StepSelector.server("fe01.contoso.com"))) {
      assertThat(selector.matches(added)).isFalse();
    }
    assertThat(added.serverProcedure()).isEmpty();
    assertThat(added.group()).as("a pool-wide anchor's added step belongs to no domain").isEmpty();
    assertThat(StepSelector.upgradeDomain("UD1").matches(added)).isFalse();
    assertThat(added.id()).isEqualTo(id("pool01.contoso.com/UD1/fe01.contoso.com/restart/before-lb-drain"));
  }

  @Test
  void sdk6_theGatesOfADomainAreItsStepsButPoolWideStepsAreNoDomains() {
    StepSelector ud1 = StepSelector.upgradeDomain("UD1");

    assertThat(PLAN.steps().stream().filter(ud1::matches).map(step -> step.id().value()))
        .contains("pool01.contoso.com/UD1/check-pool-readiness", "pool02.contoso.com/UD1/fe11.contoso.com/verify")
        .doesNotContain("pool01.contoso.com/fail-over", "pool01.contoso.com/UD2/check-pool-readiness");
  }

  @Test
  void sdk6_actionNamesAndDescriptionsThatCannotBeWrittenAsOneStepAreRefused() {
    PlanExtension.Builder builder = PlanExtension.builder();
    for (String action : List.of("", "LB-drain", "-drain", "lb drain", "a".repeat(41), "lb/drain")) {
      assertThatThrownBy(() -> builder.before(StepSelector.all(), action, "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got '" + action + "'");
      assertThatThrownBy(() -> builder.aroundEachServer("ok", "x", action, "x"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> builder.aroundEachServer(action, "x", "ok", "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(extended(builder.before(StepSelector.all(), "a".repeat(40), "x")).size()).isEqualTo(2 * PLAN.size());

    StepId anchor = PLAN.steps().get(0).id();
    Fqdn pool = PLAN.steps().get(0).pool();
    for (String description : List.of(" ", "two\nlines", "tab\there", "para\u2029graph", "line\u2028separator")) {
      assertThatThrownBy(() -> new CustomStep("x", description, anchor, true, pool, pool, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new CustomStep("x", "one\u0007bell", anchor, true, pool, pool, null))
        .hasMessage("a custom step's description is one line: it has the character U+0007 at index 3");
  }
}
