package io.github.lyncupgrade.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.step.StepKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint means what the plan does, never how it is worded: a journal in flight must stay
 * resumable when a description is reworded, and must not resume when a step changes.
 */
class PlanFingerprintTest {
  private static final UpdatePackage UPDATE = UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe",
      "5.0.8308.1001");
  private static final String GOLDEN = "fixture-plan.canonical.txt";
  private static final String GOLDEN_FINGERPRINT = "12b11c574a17d7d589c4129e8956d976aa7baa63fd52128af9ebfd60a779e7cd";

  private static UpgradePlan plan() {
    return PlanFixtures.plan(PlanOptions.builder().updatePackage(UPDATE).build());
  }

  private static String golden() throws IOException {
    try (InputStream in = PlanFingerprintTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as("the golden file %s", GOLDEN).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theCanonicalTextOfWhatThePlanDoesIsPinned() throws IOException {
    UpgradePlan plan = plan();

    assertThat(PlanFingerprint.canonicalText(plan)).as("""
        The canonical text of what a plan does changed (core/src/test/resources/io/github/lyncupgrade/core/plan/%s).
        If what plans do changed (a step, a parameter, an order, an option), bump PlanFingerprint.VERSION, say in the
        CHANGELOG that journals written before cannot be resumed, and update the golden file. If only the wording of
        a step changed, the fingerprint must not change: keep descriptions out of the canonical text.""", GOLDEN)
        .isEqualTo(golden());
    assertThat(plan.fingerprint()).isEqualTo(GOLDEN_FINGERPRINT);
    assertThat(golden()).startsWith("lync-upgrade-plan " + PlanFingerprint.VERSION + "\noptions\nlync-upgrade-plan-options ")
        .doesNotContain(plan.steps().get(0).description());
  }

  @Test
  void rewordingAStepLeavesTheFingerprintAsItIs() {
    UpgradePlan plan = plan();
    PlanExtension drain = PlanExtension.builder()
        .aroundEachServer("lb-drain", "Take {target} out of the load balancer", "lb-restore", "Put {target} back")
        .build();
    PlanExtension reworded = PlanExtension.builder()
        .aroundEachServer("lb-drain", "Drain {target} on the F5", "lb-restore", "Restore {target} on the F5")
        .build();
    PlanExtension anotherAction = PlanExtension.builder()
        .aroundEachServer("f5-drain", "Take {target} out of the load balancer", "lb-restore", "Put {target} back")
        .build();

    assertThat(plan.extend(reworded).fingerprint()).isEqualTo(plan.extend(drain).fingerprint())
        .isNotEqualTo(plan.fingerprint());
    assertThat(plan.extend(anotherAction).fingerprint()).isNotEqualTo(plan.extend(drain).fingerprint());
  }

  @Test
  void theLimitsAndTheExpectedDurationsAreNotPartOfIt() {
    UpgradePlan faster = PlanFixtures.plan(PlanOptions.builder().updatePackage(UPDATE).concurrency(Concurrency.pools(8))
        .stepDurations(StepDurations.defaults().with(StepKind.INSTALL_UPDATE, Duration.ofMinutes(40))).build());

    assertThat(faster.fingerprint()).isEqualTo(plan().fingerprint());
  }
}
