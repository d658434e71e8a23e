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
        .hasMessage("not a reply record: O\t0\tEcho");
    assertThatThrownBy(() -> Wire.reply(List.of("OE\t0\tEcho\tSystem.String\t" + Wire.encode("x"))))
        .as("a kind of two letters").isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a reply record");
    assertThatThrownBy(() -> Wire.reply(List.of("O\t0\tEcho\tSystem.String\tx\textra")))
        .as("six fields").isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a reply record");
    assertThatThrownBy(() -> Wire.reply(List.of(Wire.record('Q', 0, "Echo", "x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown record kind in: Q\t0\tEcho");
    String long121 = "x".repeat(121);
    assertThatThrownBy(() -> Wire.reply(List.of(long121))).hasMessage("not a reply record: " + "x".repeat(120)
        + "... (121 characters)");
    assertThatThrownBy(() -> Wire.reply(List.of("x".repeat(120)))).hasMessage("not a reply record: " + "x".repeat(120));
  }

  /** The installer's exit code arrives as text and may carry PowerShell's line end; an error may lack its id. */
  @Test
  void anExitCodeIsReadTrimmedAndAnErrorWithoutAnIdKeepsItsMessage() {
    PsReply reply = Wire.reply(List.of(Wire.record('X', 0, "ExitCode", " 3010\r\n"), Wire.record('E', 0, "Message",
        "Access is denied"), Wire.record('E', 1, "FullyQualifiedErrorId", "NoMessage")));

    assertThat(reply.exitCode()).hasValue(3010);
    assertThat(reply.errors()).containsExactly(new PsReply.PsError("Access is denied", ""),
        new PsReply.PsError("", "NoMessage"));
    assertThat(reply.errors().get(0)).hasToString("Access is denied");
    assertThat(reply.errors().get(1)).hasToString(" (NoMessage)");
    assertThat(Wire.reply(List.of()).succeeded()).isTrue();
    assertThat(Wire.reply(List.of()).exitCode()).isEmpty();
    assertThat(Wire.reply(List.of()).first()).isEmpty();
  }

  /** The frame: only this request's closing line ends the reply, and it says OK or ERROR. */
  @Test
  void theClosingLineBelongsToItsRequestAndSaysHowTheScriptEnded() {
    String id = "0123456789abcdef0123456789abcdef";

    assertThat(Wire.begin(id)).isEqualTo("<<<LYNCSDK:BEGIN:" + id + ">>>");
    assertThat(Wire.end(id, true)).isEqualTo("<<<LYNCSDK:END:" + id + ":OK>>>");
    assertThat(Wire.end(id, false)).isEqualTo("<<<LYNCSDK:END:" + id + ":ERROR>>>");
    assertThat(Wire.isEnd(Wire.end(id, false), id)).isTrue();
    assertThat(Wire.isEnd(Wire.end("fedcba9876543210fedcba9876543210", true), id)).as("another request's").isFalse();
    assertThat(Wire.isEnd("<<<LYNCSDK:END:" + id + ":OK", id)).as("cut short").isFalse();
    assertThat(Wire.endSaysError(Wire.end(id, false))).isTrue();
    assertThat(Wire.endSaysError(Wire.end(id, true))).isFalse();
  }

  /** The bootstrap travels as one Base64 literal that PowerShell decodes and dot-sources. */
  @Test
  void theBootstrapLineCarriesTheBootstrapAsBase64Only() {
    String line = Wire.bootstrapLine("function global:__Invoke { 'it''s' }");

    assertThat(line).isEqualTo("$__b = '" + Wire.encode("function global:__Invoke { 'it''s' }") + "'; . ([ScriptBlock]"
        + "::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($__b))))");
    assertThat(Wire.decode(Wire.encode("Ünïcødé 😀"))).isEqualTo("Ünïcødé 😀");
  }

  /** A value shown in a message is cut at 80 characters and its line ends shown, never the whole text. */
  @Test
  void aValueIsRenderedWithItsTypeShortAndOnOneLine() {
    assertThat(new PsReply.PsValue("System.String", "a\r\nb").rendering()).isEqualTo("System.String 'a\\r\\nb'");
    assertThat(PsReply.PsValue.text("y".repeat(80)).rendering()).isEqualTo("System.String '" + "y".repeat(80) + "'");
    assertThat(PsReply.PsValue.text("y".repeat(81)).rendering())
        .isEqualTo("System.String '" + "y".repeat(80) + "... (81 characters)'");
    assertThat(PsReply.PsValue.text("").isNull()).isFalse();
    assertThatThrownBy(() -> new PsReply.PsValue("", "text")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parameterNamesAreLettersAndDigitsAndSecretsAreMasked() {
    assertThatThrownBy(() -> PsInvocation.of(PsScript.named("ping")).with("Echo;x", "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PsInvocation.of(PsScript.named("ping")).with("Echo", "shown").withSecret("Password", "hunter2"))
        .hasToString("ping(Echo=shown, Password=****)");
  }
}
