package io.github.lyncupgrade.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.procedure.ReadinessPolicy;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import io.github.lyncupgrade.core.step.StepKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The plan options as canonical key=value pairs: what a journal records and compares. */
class CanonicalOptionsTest {
  private static final UpdatePackage UPDATE =
      UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe", "5.0.8308.1001");

  @Test
  void theDefaultsEncodeToThisTextExactly() {
    String encoded = PlanOptions.builder().updatePackage(UPDATE).build().canonical().encode();

    assertThat(encoded).isEqualTo("""
        lync-upgrade-plan-options 1
        backEnd.order=AFTER_FRONT_ENDS
        backEnd.serverProcedure=true
        confirmMirroredDatabaseUpdate=false
        failOverSingleServerPools=false
        failoverOnPoolProblem=true
        frontEnd.drainingTimeout=PT30M
        frontEnd.strategy=PRODUCT_DEFAULT
        pool.failoverMode=PLANNED
        readiness.busyInterval=PT10M
        readiness.maxConsecutiveBusy=3
        resetRegistrarStateOnMissingReplicas=false
        scheduledDowntime=false
        settle.giveUpAfter=PT2H
        settle.pollInterval=PT5M
        settle.time=PT20M
        stageUpdatesAhead=true
        update.location=\\\\\\\\files.contoso.com\\\\cu\\\\LyncServerUpdateInstaller.exe
        update.targetBuild=5.0.8308.1001
        """);
  }

  /** Each option that shapes the steps, changed from its default. */
  private static final Map<String, UnaryOperator<PlanOptions.Builder>> EVERY_STEP_OPTION = new LinkedHashMap<>();

  static {
    EVERY_STEP_OPTION.put("scheduledDowntime", options -> options.scheduledDowntime(true));
    EVERY_STEP_OPTION.put("readiness.busyInterval", options -> options.readinessPolicy(
        new ReadinessPolicy(Duration.ofMinutes(5), 3)));
    EVERY_STEP_OPTION.put("readiness.maxConsecutiveBusy", options -> options.readinessPolicy(
        new ReadinessPolicy(Duration.ofMinutes(10), 4)));
    EVERY_STEP_OPTION.put("update.location", options -> options.updatePackage(UpdatePackage.of("D:\\cu.exe",
        "5.0.8308.1001")));
    EVERY_STEP_OPTION.put("update.targetBuild", options -> options.updatePackage(UpdatePackage.of(UPDATE.location(),
        "5.0.8308.1002")));
    EVERY_STEP_OPTION.put("backEnd.serverProcedure", options -> options.backEndServerProcedure(false));
    EVERY_STEP_OPTION.put("backEnd.order", options -> options.backEndOrder(BackEndOrder.BEFORE_FRONT_ENDS));
    EVERY_STEP_OPTION.put("failoverOnPoolProblem", options -> options.failoverOnPoolProblem(false));
    EVERY_STEP_OPTION.put("stageUpdatesAhead", options -> options.stageUpdatesAhead(false));
    EVERY_STEP_OPTION.put("frontEnd.strategy", options -> options.frontEndStrategy(FrontEndStrategy.BY_UPGRADE_DOMAIN));
    EVERY_STEP_OPTION.put("frontEnd.strategy.pool01.contoso.com", options -> options.frontEndStrategy(
        "pool01.contoso.com", FrontEndStrategy.BY_UPGRADE_DOMAIN));
    EVERY_STEP_OPTION.put("frontEnd.drainingTimeout", options -> options.drainingTimeout(Duration.ofMinutes(45)));
    EVERY_STEP_OPTION.put("settle.time", options -> options.settlePolicy(new SettlePolicy(Duration.ofMinutes(30),
        Duration.ofMinutes(5), Duration.ofHours(2))));
    EVERY_STEP_OPTION.put("settle.pollInterval", options -> options.settlePolicy(new SettlePolicy(Duration.ofMinutes(20),
        Duration.ofMinutes(1), Duration.ofHours(2))));
    EVERY_STEP_OPTION.put("settle.giveUpAfter", options -> options.settlePolicy(new SettlePolicy(Duration.ofMinutes(20),
        Duration.ofMinutes(5), Duration.ofHours(3))));
    EVERY_STEP_OPTION.put("resetRegistrarStateOnMissingReplicas", options -> options.resetRegistrarStateOnMissingReplicas(true));
    EVERY_STEP_OPTION.put("confirmMirroredDatabaseUpdate", options -> options.confirmMirroredDatabaseUpdate(true));
    EVERY_STEP_OPTION.put("failOverSingleServerPools", options -> options.failOverSingleServerPools(true));
    EVERY_STEP_OPTION.put("pool.failoverMode", options -> options.poolFailoverMode(PoolFailoverMode.DISASTER));
  }

  @Test
  void everyOptionThatShapesTheStepsChangesExactlyItsOwnKey() {
    PlanOptions defaults = PlanOptions.builder().updatePackage(UPDATE).build();

    EVERY_STEP_OPTION.forEach((key, change) -> {
      PlanOptions changed = change.apply(defaults.toBuilder()).build();

      assertThat(changed.canonical().changesSince(defaults.canonical())).as(key)
          .extracting(CanonicalOptions.Change::key).containsExactly(key);
      assertThat(PlanFixtures.plan(changed).fingerprint()).as("%s is part of the fingerprint too", key)
          .isNotEqualTo(PlanFixtures.plan(defaults).fingerprint());
    });
    assertThat(EVERY_STEP_OPTION.keySet()).as("every key of the encoding is covered")
        .containsAll(defaults.toBuilder().frontEndStrategy("pool01.contoso.com", FrontEndStrategy.SERVER_BY_SERVER).build()
            .canonical().entries().keySet());
  }

  @Test
  void theLimitsAndDurationsAreNotPartOfIt() {
    PlanOptions defaults = PlanOptions.builder().updatePackage(UPDATE).build();
    PlanOptions faster = defaults.toBuilder().concurrency(Concurrency.pools(8))
        .stepDurations(StepDurations.defaults().with(StepKind.INSTALL_UPDATE, Duration.ofMinutes(40))).build();

    assertThat(faster.canonical()).isEqualTo(defaults.canonical());
  }

  @Test
  void anyValueReadsBackUnchanged() {
    for (String location : List.of("C:\\a\\b.exe", "\\\\share\\n\\r\\\\", "x=y=z", "new\nline", "cr\rreturn", "tab\there",
        "trailing\\", "é中文")) {
      CanonicalOptions options = CanonicalOptions.of(Map.of("update.location", location, "a", "1"));

      assertThat(CanonicalOptions.decode(options.encode())).as(location).contains(options);
      assertThat(options.encode().lines()).as(location).hasSize(3);
    }
  }

  @Test
  void textInAnotherShapeIsNotReadAsIt() {
    assertThat(CanonicalOptions.decode("PlanOptions[scheduledDowntime=false, ...]")).isEmpty();
    assertThatThrownBy(() -> CanonicalOptions.decode("lync-upgrade-plan-options 2\na=1\n"))
        .hasMessageContaining("encoding '2'");
    assertThatThrownBy(() -> CanonicalOptions.decode("lync-upgrade-plan-options 1\nb=1\na=1\n"))
        .hasMessageContaining("out of order");
    assertThatThrownBy(() -> CanonicalOptions.decode("lync-upgrade-plan-options 1\nno equals sign\n"))
        .hasMessageContaining("is not key=value");
    assertThatThrownBy(() -> CanonicalOptions.decode("lync-upgrade-plan-options 1\na=\\q\n"))
        .hasMessageContaining("unknown escape");
    assertThatThrownBy(() -> CanonicalOptions.of(Map.of("bad key", "1"))).hasMessageContaining("not an option key");
  }

  @Test
  void changesNameEachDifferingKeyWithBothValues() {
    CanonicalOptions before = CanonicalOptions.of(Map.of("a", "1", "b", "2", "c", "3"));
    CanonicalOptions after = CanonicalOptions.of(Map.of("a", "1", "b", "20", "d", "4"));

    assertThat(after.changesSince(before)).containsExactly(
        new CanonicalOptions.Change("b", Optional.of("2"), Optional.of("20")),
        new CanonicalOptions.Change("c", Optional.of("3"), Optional.empty()),
        new CanonicalOptions.Change("d", Optional.empty(), Optional.of("4")));
    assertThat(after.changesSince(after)).isEmpty();
  }
}
