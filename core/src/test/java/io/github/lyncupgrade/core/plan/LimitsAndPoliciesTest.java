package io.github.lyncupgrade.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.procedure.ProcedureRule;
import io.github.lyncupgrade.core.procedure.SettlePolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits, policies, products and names the planner takes as given: each bound where it is. */
class LimitsAndPoliciesTest {

  @Test
  void sdk4_everyLimitIsAtLeastOneAndOnlyAllOnesIsSequential() {
    assertThat(Concurrency.sequential().isSequential()).isTrue();
    for (Concurrency notSequential : List.of(Concurrency.sequential().withPools(2),
        Concurrency.sequential().withServersPerDomain(2), Concurrency.sequential().withStagingCopies(2))) {
      assertThat(notSequential.isSequential()).as("%s", notSequential).isFalse();
    }
    assertThat(Concurrency.DEFAULT.withServersPerDomain(2)).isEqualTo(new Concurrency(1, 2, 16));
    assertThat(Concurrency.DEFAULT.withStagingCopies(3)).isEqualTo(new Concurrency(1, 4, 3));
    assertThat(Concurrency.pools(5)).isEqualTo(new Concurrency(5, 4, 16));
    assertThat(new Concurrency(1, 1, 1)).isEqualTo(Concurrency.sequential());
    assertThatThrownBy(() -> new Concurrency(0, 1, 1)).hasMessage("pools must be at least 1, was 0");
    assertThatThrownBy(() -> new Concurrency(1, 0, 1)).hasMessage("serversPerDomain must be at least 1, was 0");
    assertThatThrownBy(() -> new Concurrency(1, 1, 0)).hasMessage("stagingCopies must be at least 1, was 0");
  }

  @Test
  void cr2_aSettleTimeFromNoneToADayAndAGiveUpFromNoneToADay() {
    Duration day = Duration.ofHours(24);
    Duration poll = Duration.ofMinutes(5);
    assertThat(new SettlePolicy(day, poll, day).settleTime()).isEqualTo(day);
    assertThat(new SettlePolicy(Duration.ZERO, poll, Duration.ZERO).isOn()).isFalse();
    assertThatThrownBy(() -> new SettlePolicy(day.plusSeconds(1), poll, day)).hasMessageContaining("settleTime");
    assertThatThrownBy(() -> new SettlePolicy(Duration.ofSeconds(-1), poll, day)).hasMessageContaining("settleTime");
    assertThatThrownBy(() -> new SettlePolicy(day, Duration.ZERO, day)).hasMessageContaining("pollInterval");
    assertThatThrownBy(() -> new SettlePolicy(day, poll, day.plusSeconds(1))).hasMessageContaining("giveUpAfter");
    assertThatThrownBy(() -> new SettlePolicy(day, poll, Duration.ofSeconds(-1))).hasMessageContaining("giveUpAfter");
  }

  @Test
  void cr3a_cr4_eachProductNamesItsInstallerAndReadinessCmdletAndOnlySkypeFailsComputersOver() {
    assertThat(ProductVersion.LYNC_SERVER_2013.hasComputerFailover()).isFalse();
    assertThat(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015.hasComputerFailover()).isTrue();
    assertThat(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019.hasComputerFailover()).isTrue();
    assertThat(ProductVersion.LYNC_SERVER_2013.installer()).isEqualTo("LyncServerUpdateInstaller.exe");
    assertThat(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019.installer()).isEqualTo("SkypeServerUpdateInstaller.exe");
    assertThat(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019.readinessCmdlet()).isEqualTo("Get-CsUpgradeDomainInfo");
    assertThat(ProductVersion.LYNC_SERVER_2013.displayName()).isEqualTo("Lync Server 2013");
  }

  @Test
  void sdkDecisionsAreToldApartFromMicrosoftsRules() {
    assertThat(ProcedureRule.SDK_6.isSdkDecision()).isTrue();
    assertThat(ProcedureRule.FE_1B.isSdkDecision()).isFalse();
    assertThat(ProcedureRule.BE_11C.isSdkDecision()).isFalse();
    for (ProcedureRule rule : ProcedureRule.values()) {
      assertThat(rule.summary()).as("%s", rule.id()).isNotBlank();
      assertThat(rule).hasToString(rule.id());
    }
  }

  @Test
  void optionsAreEqualWhenTheyPlanAndScheduleAlike() {
    PlanOptions defaults = PlanOptions.ofDefaults();
    assertThat(PlanOptions.builder().build()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
    assertThat(PlanOptions.builder().scheduledDowntime(true).build()).isNotEqualTo(defaults);
    assertThat(PlanOptions.builder().concurrency(Concurrency.pools(2)).build()).isNotEqualTo(defaults);
    assertThat(defaults).isNotEqualTo("defaults");
  }

  @Test
  void t1_namesAreHostNamesOfAtMost253CharactersIn63CharacterLabels() {
    String label63 = "a".repeat(63);
    assertThat(Fqdn.problemWith(label63 + ".contoso.com")).isEmpty();
    assertThat(Fqdn.problemWith("a".repeat(64) + ".contoso.com")).hasValueSatisfying(problem ->
        assertThat(problem).isEqualTo("has label 1 that is 64 characters long; the limit is 63"));
    String longest = String.join(".", label63, label63, label63, "a".repeat(57) + ".com");
    assertThat(longest).hasSize(253);
    assertThat(Fqdn.problemWith(longest)).isEmpty();
    assertThat(Fqdn.problemWith(longest + "m")).contains("is 254 characters long; the limit is 253");
    assertThat(Fqdn.problemWith("fe01.-contoso.com")).contains("has label 2 that starts or ends with '-'");
    assertThat(Fqdn.problemWith("fe01.contoso-.com")).contains("has label 2 that starts or ends with '-'");
    assertThat(Fqdn.problemWith("")).contains("is empty");
    for (String edge : List.of("a.zz", "z.aa", "A.ZZ", "Z.AA", "0.com", "9.com", "a-b.com")) {
      assertThat(Fqdn.problemWith(edge)).as(edge).isEmpty();
    }
    for (char outside : new char[] {'`', '{', '@', '[', '/', ':', '_'}) {
      assertThat(Fqdn.problemWith("fe" + outside + ".contoso.com")).as("%s", outside).isPresent();
    }
    assertThat(Fqdn.problemWith("fe\u00e9.contoso.com")).hasValueSatisfying(problem ->
        assertThat(problem).startsWith("contains the non-ASCII character U+00E9 at index 2"));
    assertThat(Fqdn.problemWith("fe\u007f.contoso.com")).hasValueSatisfying(problem ->
        assertThat(problem).startsWith("contains the character U+007F at index 2"));
  }

  @Test
  void t1_namesCompareAndHashAsTheirLowerCaseText() {
    assertThat(Fqdn.of("FE01.contoso.com")).hasSameHashCodeAs(Fqdn.of("fe01.contoso.com"))
        .isEqualByComparingTo(Fqdn.of("fe01.contoso.com"));
    assertThat(Fqdn.of("fe01.contoso.com").hashCode()).isNotEqualTo(Fqdn.of("fe02.contoso.com").hashCode());
    assertThat(Fqdn.of("fe01.contoso.com")).isLessThan(Fqdn.of("fe02.contoso.com"));
    assertThat(Fqdn.of("fe02.contoso.com")).isGreaterThan(Fqdn.of("fe01.contoso.com"));
  }
}
