package io.github.lyncupgrade.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FqdnTest {

  @Test
  void keepsNamesInLowerCase() {
    assertThat(Fqdn.of("FE01.Contoso.COM")).isEqualTo(Fqdn.of("fe01.contoso.com"));
    assertThat(Fqdn.of("FE01.Contoso.COM").toString()).isEqualTo("fe01.contoso.com");
    assertThat(Fqdn.of("fe01.contoso.com").hostName()).isEqualTo("fe01");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "fe01 .contoso.com", "fe01'.contoso.com", "fe01\".contoso.com", "fe01\u2019.contoso.com",
      "fe01;rm.contoso.com", "fe01$(calc).contoso.com", "fe01`n.contoso.com", "fe01\n.contoso.com",
      "fe01\u0000.contoso.com", "fe01_x.contoso.com", "f\u0435\u0030\u0031.contoso.com", "fe01.contoso.com\r",
      "fe01\u201c.contoso.com", "fe01.contoso.com|x", "fe01.cont&oso.com", "fe01.contoso.com#", "fe01@contoso.com"})
  void refusesCharactersThatCouldChangeACommand(String hostile) {
    assertThat(Fqdn.problemWith(hostile)).hasValueSatisfying(reason -> assertThat(reason).contains("at index"));
    assertThatThrownBy(() -> Fqdn.of(hostile))
        .isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain("\n").doesNotContain("\u0000");
  }

  @Test
  void namesTheNonAsciiLookAlike() {
    assertThat(Fqdn.problemWith("f\u0435\u0030\u0031.contoso.com"))
        .hasValue("contains the non-ASCII character U+0435 at index 1;"
            + " only ASCII letters, digits, '-' and '.' are allowed (RFC 1123)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fe01", "fe01..contoso.com", ".contoso.com", "fe01.contoso.com.", "-fe01.contoso.com",
      "fe01-.contoso.com", "fe01.contoso.123"})
  void refusesMalformedNames(String malformed) {
    assertThat(Fqdn.problemWith(malformed)).isPresent();
  }

  @Test
  void refusesOverlongLabelsAndNames() {
    assertThat(Fqdn.problemWith("a".repeat(64) + ".contoso.com")).hasValueSatisfying(
        reason -> assertThat(reason).contains("64 characters"));
    assertThat(Fqdn.problemWith(("a".repeat(60) + ".").repeat(5) + "com")).hasValueSatisfying(
        reason -> assertThat(reason).contains("the limit is 253"));
  }

  @Test
  void acceptsOrdinaryNames() {
    assertThat(Fqdn.problemWith("fe-01.pool01.contoso.com")).isEmpty();
    assertThat(Fqdn.problemWith("1fe.contoso.com")).isEmpty();
  }
}
