package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.powershell.internal.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of the protocol: the exact request line, and the reply records. */
class WireTest {

  @Test
  void theRequestLineCarriesScriptAndValuesAsBase64Only() {
    PsInvocation invocation = PsInvocation.of(PsScript.named("stop-services"))
        .with("Server", "fe01.contoso.com").with("Graceful", true);

    String line = Wire.request("0123456789abcdef0123456789abcdef", invocation);

    assertThat(line).isEqualTo("__Invoke '0123456789abcdef0123456789abcdef' '"
        + Wire.encode(PsScript.named("stop-services").text()) + "' 'Server:ZmUwMS5jb250b3NvLmNvbQ==,Graceful:dHJ1ZQ=='");
    assertThat(line).matches("__Invoke '[0-9a-f]{32}' '[A-Za-z0-9+/=]+' '[A-Za-z0-9+/=:,]*'");
  }

  @Test
  void repliesAreParsedIntoObjectsErrorsWarningsAndTheExitCode() {
    PsReply reply = Wire.reply(List.of(
        Wire.record('O', 0, "Kind", "Pool"), Wire.record('O', 0, "State", "Busy"),
        Wire.record('O', 1, "Kind", "Domain"),
        Wire.record('W', 2, "Message", "the pool is rebalancing"),
        Wire.record('E', 3, "Message", "Access is denied"), Wire.record('E', 3, "FullyQualifiedErrorId", "AccessDenied"),
        Wire.record('X', 0, "ExitCode", "3010")));

    assertThat(reply.objects()).containsExactly(java.util.Map.of("Kind", "Pool", "State", "Busy"),
        java.util.Map.of("Kind", "Domain"));
    assertThat(reply.warnings()).containsExactly("the pool is rebalancing");
    assertThat(reply.errors()).containsExactly(new PsReply.PsError("Access is denied", "AccessDenied"));
    assertThat(reply.exitCode()).hasValue(3010);
    assertThat(reply.succeeded()).isFalse();
  }

  /** Protocol 2: each value with its type, $null as no type, so absence and a string "True" are not a Boolean. */
  @Test
  void everyValueArrivesWithItsTypeAndNullIsNotAnEmptyString() {
    PsReply reply = Wire.reply(List.of(
        Wire.record('O', 0, "ReadyForUpgrade", new PsReply.PsValue("System.Boolean", "True")),
        Wire.record('O', 0, "UpgradeDomain", PsReply.PsValue.ofNull()),
        "O\t0\tFrontEnds\tDeserialized.Microsoft.Rtc.Management.Hadr.FrontEnd\t" + Wire.encode("fe01")));

    assertThat(reply.output()).singleElement().satisfies(object -> {
      assertThat(object.get("ReadyForUpgrade")).isEqualTo(new PsReply.PsValue("System.Boolean", "True"));
      assertThat(object.get("UpgradeDomain").isNull()).isTrue();
      assertThat(object.get("UpgradeDomain").rendering()).isEqualTo("$null");
      assertThat(object.get("FrontEnds").rendering()).isEqualTo("Deserialized.Microsoft.Rtc.Management.Hadr.FrontEnd 'fe01'");
    });
    assertThat(reply.objects()).as("the text view").containsExactly(java.util.Map.of("ReadyForUpgrade", "True",
        "UpgradeDomain", "", "FrontEnds", "fe01"));
    assertThat(Wire.record('O', 1, "Echo", "x")).isEqualTo("O\t1\tEcho\tSystem.String\t" + Wire.encode("x"));
    assertThatThrownBy(() -> Wire.reply(List.of("O\t0\tEcho\t\t" + Wire.encode("text without a type"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a $null value has no text");
  }

  @Test
  void aLineThatIsNotARecordIsRefused() {
    assertThatThrownBy(() -> Wire.reply(List.of("O\t0\tEcho"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a reply record");
  }

  @Test
  void parameterNamesAreLettersAndDigitsAndSecretsAreMasked() {
    assertThatThrownBy(() -> PsInvocation.of(PsScript.named("ping")).with("Echo;x", "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PsInvocation.of(PsScript.named("ping")).with("Echo", "shown").withSecret("Password", "hunter2"))
        .hasToString("ping(Echo=shown, Password=****)");
  }
}
