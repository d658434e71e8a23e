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
