package io.github.lyncupgrade.core.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.FrontEndStrategy;
import io.github.lyncupgrade.core.plan.PlanExtension;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.StepSelector;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of step a plan holds, as an operator reads it: its kind, the rule it carries out,
 * the command its description names, and whether it takes a Front End down (FE-0, CR-1).
 */
class EveryStepTest {
  /** A plan with a step of every kind: by domain, server by server (CR-3), AlwaysOn (CR-6), CMS (CR-9), SE, SDK-6. */
  private static final UpgradePlan PLAN = Planner.create(PlanOptions.builder()
          .frontEndStrategy("pool02.contoso.com", FrontEndStrategy.SERVER_BY_SERVER).build())
      .plan(Topology.builder()
          .centralManagementStore("pool01.contoso.com")
          .pool(Pool.enterprise("pool01.contoso.com").upgradeDomain("UD1", "fe01.contoso.com", "fe02.contoso.com")
              .upgradeDomain("UD2", "fe03.contoso.com", "fe04.contoso.com").backEnd("sql01.contoso.com")
              .alwaysOnListener("ag01.contoso.com").partnerPool("pool03.contoso.com"))
          .pool(Pool.enterprise("pool02.contoso.com").product(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015)
              .upgradeDomain("UD1", "fe11.contoso.com", "fe12.contoso.com").backEnd("sql02.contoso.com"))
          .pool(Pool.enterprise("pool03.contoso.com").upgradeDomain("UD1", "fe21.contoso.com").upgradeDomain("UD3", "fe22.contoso.com")
              .upgradeDomain("UD2", "fe23.contoso.com").backEnd("sql03.contoso.com").partnerPool("pool01.contoso.com"))
          .pool(Pool.standard("se01.contoso.com"))
          .build())
      .extend(PlanExtension.builder().before(StepSelector.kind(StepKind.RESTART_SERVER), "lb-drain", "Drain {target}")
          .build());

  /** What each kind's description must name: the cmdlet or action the operator runs or checks. */
  private static final Map<StepKind, String> NAMES = Map.ofEntries(
      Map.entry(StepKind.CHECK_POOL_READINESS, "Get-CsPoolUpgradeReadinessState"),
      Map.entry(StepKind.CHECK_DOMAIN_READINESS, "ReadyForUpgrade"),
      Map.entry(StepKind.SETTLE_POOL, "Get-CsPoolFabricState"),
      Map.entry(StepKind.FAIL_OVER_POOL, "Invoke-CsPoolFailOver"),
      Map.entry(StepKind.FAIL_OVER_CENTRAL_MANAGEMENT_STORE, "Invoke-CsManagementServerFailover"),
      Map.entry(StepKind.FAIL_BACK_POOL, "Invoke-CsPoolFailBack"),
      Map.entry(StepKind.STOP_SERVICES, "Stop-CsWindowsService"),
      Map.entry(StepKind.INSTALL_UPDATE, "/silentmode"),
      Map.entry(StepKind.RESTART_SERVER, "Restart"),
      Map.entry(StepKind.VERIFY_SERVER, "Get-CsWindowsService"),
      Map.entry(StepKind.START_SERVICES, "Start-CsWindowsService"),
      Map.entry(StepKind.CHECK_ADMINISTRATOR_ROLE, "CsAdministrator"),
      Map.entry(StepKind.STAGE_UPDATE, "update"),
      Map.entry(StepKind.MANUAL, "Management Shell"),
      Map.entry(StepKind.STOP_WEB_SERVICE, "net stop w3svc"),
      Map.entry(StepKind.START_WEB_SERVICE, "net start w3svc"),
      Map.entry(StepKind.UPDATE_DATABASES, "Install-CsDatabase -Update"),
      Map.entry(StepKind.VERIFY_DATABASES, "Test-CsDatabase"),
      Map.entry(StepKind.PUBLISH_TOPOLOGY, "Publish-CsTopology"),
      Map.entry(StepKind.CHECK_FABRIC_STATE, "Get-CsPoolFabricState"),
      Map.entry(StepKind.FAIL_OVER_SERVER, "Invoke-CsComputerFailOver"),
      Map.entry(StepKind.FAIL_BACK_SERVER, "Invoke-CsComputerFailBack"),
      Map.entry(StepKind.CUSTOM, "Drain "));

  /** A visitor that answers with the type of the step it was handed. */
  @SuppressWarnings("unchecked")
  private static final StepVisitor<Class<?>> TYPE = (StepVisitor<Class<?>>) Proxy.newProxyInstance(
      StepVisitor.class.getClassLoader(), new Class<?>[] {StepVisitor.class},
      (InvocationHandler) (proxy, method, args) -> method.getParameterTypes()[0]);

  @Test
  void thePlanHoldsAStepOfEveryKind() {
    Set<StepKind> kinds = EnumSet.noneOf(StepKind.class);
    PLAN.steps().forEach(step -> kinds.add(step.kind()));

    assertThat(kinds).containsExactlyInAnyOrder(StepKind.values());
  }

  @Test
  void everyStepNamesWhatTheOperatorRunsAndIsHandedToTheVisitorForItsType() {
    for (Step step : PLAN.steps()) {
      assertThat(step.description()).as("%s", step.id()).contains(NAMES.get(step.kind()));
      assertThat(step.accept(TYPE)).as("%s", step.id()).isEqualTo(step.getClass());
      assertThat(step.rule()).as("%s", step.id()).isNotNull();
      assertThat(step.isCustom()).as("%s", step.id()).isEqualTo(step.kind() == StepKind.CUSTOM);
      assertThat(step.target()).as("%s", step.id()).isNotNull();
    }
  }

  private static Step step(String id) {
    return PLAN.step(new StepId(id)).orElseThrow(() -> new AssertionError("no step " + id));
  }

  @Test
  void eachStepCarriesOutItsRule() {
    assertThat(step("pool02.contoso.com/UD1/fe11.contoso.com/check-fabric-state").rule()).isEqualTo(ProcedureRule.CR_3);
    assertThat(step("pool02.contoso.com/UD1/fe11.contoso.com/fail-over-server").rule()).isEqualTo(ProcedureRule.CR_3A);
    assertThat(step("pool02.contoso.com/UD1/fe11.contoso.com/install-update").rule()).isEqualTo(ProcedureRule.CR_3B);
    assertThat(step("pool02.contoso.com/UD1/fe11.contoso.com/fail-back-server").rule()).isEqualTo(ProcedureRule.CR_3C);
    assertThat(step("pool02.contoso.com/UD1/fe11.contoso.com/verify").rule()).isEqualTo(ProcedureRule.CR_3C);
    assertThat(step("pool01.contoso.com/back-end/sql01.contoso.com/publish-topology").rule())
        .isEqualTo(ProcedureRule.CR_6);
    assertThat(step("pool01.contoso.com/fail-over-central-management-store").rule()).isEqualTo(ProcedureRule.CR_9);
    assertThat(step("pool01.contoso.com/back-end/sql01.contoso.com/stop-web-service").rule())
        .isEqualTo(ProcedureRule.BE_5);
    assertThat(step("pool01.contoso.com/back-end/sql01.contoso.com/stop-services-again").rule())
        .isEqualTo(ProcedureRule.BE_9);
    assertThat(step("se01.contoso.com/back-end/se01.contoso.com/verify").rule()).isEqualTo(ProcedureRule.SDK_2);
    assertThat(step("pool01.contoso.com/UD2/settle").rule()).isEqualTo(ProcedureRule.CR_2);
  }

  @Test
  void fe0_cr1_onlyAFrontEndsStopOrFailoverTakesItDown() {
    for (Step step : PLAN.steps()) {
      boolean down = step instanceof ServerStep server && server.takesAFrontEndDown();
      boolean expected = (step.kind() == StepKind.STOP_SERVICES && step.rule() == ProcedureRule.FE_2A)
          || step.kind() == StepKind.FAIL_OVER_SERVER;
      assertThat(down).as("%s takes a Front End down", step.id()).isEqualTo(expected);
    }
  }

  @Test
  void theStoreFailsOverOnlyWithItsPoolAndOnItsPartner() {
    FailOverCentralManagementStore store = (FailOverCentralManagementStore)
        step("pool01.contoso.com/fail-over-central-management-store");

    assertThat(store.isContingent()).as("only on a pool problem (FE-1c)").isTrue();
    assertThat(store.target()).isEqualTo(Fqdn.of("pool03.contoso.com"));
    assertThat(store.description()).startsWith("Only if pool01.contoso.com must fail over (FE-1c)");
    assertThat(store.id()).isEqualTo(FailOverCentralManagementStore.idOf(Fqdn.of("pool01.contoso.com")));
  }

  @Test
  void aServersVerifyStepIsFoundFromItsScopeAndBackEndStepsBelongToNoDomain() {
    StepScope fe01 = StepScope.frontEnd(Fqdn.of("pool01.contoso.com"), "UD1", Fqdn.of("fe01.contoso.com"));
    StepScope backEnd = StepScope.backEnd(Fqdn.of("pool01.contoso.com"), Fqdn.of("sql01.contoso.com"));

    assertThat(step(VerifyServer.idOf(fe01).value()).kind()).isEqualTo(StepKind.VERIFY_SERVER);
    assertThat(fe01.upgradeDomain()).contains("UD1");
    assertThat(backEnd.upgradeDomain()).isEmpty();
    assertThat(backEnd.isBackEnd()).isTrue();
    assertThat(step("pool02.contoso.com/UD1/settle".replace("settle", "fe12.contoso.com/fail-back-server")).kind())
        .isEqualTo(StepKind.FAIL_BACK_SERVER);
  }

  @Test
  void stepsRefuseRulesTheyDoNotCarryOutAndDrainsThatNeverEnd() {
    StepScope fe01 = StepScope.frontEnd(Fqdn.of("pool01.contoso.com"), "UD1", Fqdn.of("fe01.contoso.com"));
    assertThatThrownBy(() -> new InstallUpdate(fe01, ProcedureRule.FE_1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VerifyServer(fe01, ProcedureRule.BE_7)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ManualStep(fe01, ProcedureRule.BE_7)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StopServices(fe01, true, ProcedureRule.BE_5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FailOverServer(fe01, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(new FailOverServer(fe01, Duration.ofMinutes(30)).description()))
        .singleElement().asString().contains("fe01.contoso.com");
  }
}
