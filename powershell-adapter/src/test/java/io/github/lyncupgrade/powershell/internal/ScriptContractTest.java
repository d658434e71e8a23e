package io.github.lyncupgrade.powershell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.powershell.PsReply;
import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.ReplyProblem;
import io.github.lyncupgrade.powershell.UnreadableReplyException;
import io.github.lyncupgrade.powershell.internal.ScriptContracts.PoolReadiness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The one check every reply goes through, at unit level, with the readiness cmdlet's contract
 * (FE-1, FE-2): what is accepted as each type, which record a problem names, and that anything
 * absent, of another type, undeclared or miscounted is a problem naming what arrived, never a
 * default ({@code PROCEDURE} "Reading the outside world": absent or unreadable never passes as ready).
 * {@code FailClosedReadingTest} drives every declared field through the real shell.
 */
class ScriptContractTest {
  private static final ScriptContract READINESS = PoolReadiness.CONTRACT;
  private static final Fqdn FE01 = Fqdn.of("fe01.contoso.com");

  private static Map<String, PsValue> pool(String state) {
    return READINESS.record(PoolReadiness.POOL).with(PoolReadiness.STATE, state)
        .with(PoolReadiness.TOTAL_FRONT_ENDS, 3L).with(PoolReadiness.ACTIVE_FRONT_ENDS, 3L).build();
  }

  private static Map<String, PsValue> domain(String name, boolean ready) {
    return READINESS.record(PoolReadiness.DOMAIN).with(PoolReadiness.UPGRADE_DOMAIN, name)
        .with(PoolReadiness.FRONT_ENDS, "fe01.contoso.com").with(PoolReadiness.READY_FOR_UPGRADE, ready).build();
  }

  private static PsReply reply(List<Map<String, PsValue>> objects) {
    return new PsReply(objects, List.of(), List.of(), OptionalInt.empty());
  }

  private static Map<String, PsValue> with(Map<String, PsValue> record, String name, PsValue value) {
    Map<String, PsValue> changed = new LinkedHashMap<>(record);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return changed;
  }

  @SafeVarargs
  private static List<String> problems(Map<String, PsValue>... objects) {
    return READINESS.check(reply(List.of(objects))).stream().map(ReplyProblem::describe).toList();
  }

  @Test
  void aFaithfulReplyHoldsAndIsReadTypedRecordByRecord() {
    PsReply reply = reply(List.of(pool("Ready"), domain("UD1", true), domain("UD2", false)));

    assertThat(READINESS.check(reply)).isEmpty();
    ScriptContract.Reading reading = READINESS.read(reply, "read readiness", FE01);
    assertThat(reading.one(PoolReadiness.POOL).get(PoolReadiness.STATE)).isEqualTo("Ready");
    assertThat(reading.one(PoolReadiness.POOL).get(PoolReadiness.TOTAL_FRONT_ENDS)).isEqualTo(3L);
    assertThat(reading.all(PoolReadiness.DOMAIN)).extracting(row -> row.get(PoolReadiness.UPGRADE_DOMAIN))
        .containsExactly("UD1", "UD2");
    assertThat(reading.all(PoolReadiness.DOMAIN)).extracting(row -> row.get(PoolReadiness.READY_FOR_UPGRADE))
        .containsExactly(true, false);
    assertThat(reading.all(ScriptContracts.Shapes.SHAPE)).as("a kind the reply holds none of").isEmpty();
  }

  @Test
  void eachTypeAcceptsOnlyWhatItsProjectionGives() {
    assertThat(ReplyType.TEXT.accepts(PsValue.text("Ready"))).isTrue();
    assertThat(ReplyType.TEXT.accepts(PsValue.text(" "))).as("blank is no text").isFalse();
    assertThat(ReplyType.TEXT.accepts(new PsValue("System.Object[]", "Ready"))).isFalse();
    assertThat(ReplyType.TEXT.accepts(PsValue.ofNull())).isFalse();
    assertThat(ReplyType.TEXT_OR_EMPTY.accepts(PsValue.text(""))).isTrue();
    assertThat(ReplyType.TEXT_OR_EMPTY.accepts(PsValue.ofNull())).as("$null is not an empty string").isFalse();
    assertThat(ReplyType.FLAG.accepts(new PsValue("System.Boolean", "True"))).isTrue();
    assertThat(ReplyType.FLAG.accepts(new PsValue("System.Boolean", "False"))).isTrue();
    assertThat(ReplyType.FLAG.accepts(PsValue.text("True"))).as("the string a remoting hop makes").isFalse();
    assertThat(ReplyType.FLAG.accepts(new PsValue("System.Boolean", "Yes"))).isFalse();
    assertThat(ReplyType.INTEGER.accepts(new PsValue("System.Int64", "-42"))).isTrue();
    assertThat(ReplyType.INTEGER.accepts(new PsValue("System.UInt16", " 7 "))).isTrue();
    assertThat(ReplyType.INTEGER.accepts(new PsValue("System.Int32", "1".repeat(19)))).isTrue();
    assertThat(ReplyType.INTEGER.accepts(new PsValue("System.Int32", "1".repeat(20)))).as("beyond a long").isFalse();
    assertThat(ReplyType.INTEGER.accepts(new PsValue("System.Int32", "3.5"))).isFalse();
    assertThat(ReplyType.INTEGER.accepts(PsValue.text("3"))).isFalse();
    assertThat(ReplyType.INTEGER.accepts(new PsValue("System.Double", "3"))).isFalse();
  }

  @Test
  void eachTypeReadsAndWritesItsValueAsTheScriptsProjectionDoes() {
    assertThat(ReplyType.FLAG.read(new PsValue("System.Boolean", "True"))).isEqualTo(true);
    assertThat(ReplyType.FLAG.read(new PsValue("System.Boolean", "False"))).isEqualTo(false);
    assertThat(ReplyType.INTEGER.read(new PsValue("System.Int32", " 3010 "))).isEqualTo(3010L);
    assertThat(ReplyType.TEXT_OR_EMPTY.read(PsValue.text(""))).isEqualTo("");
    assertThat(ReplyType.FLAG.write(true)).isEqualTo(new PsValue("System.Boolean", "True"));
    assertThat(ReplyType.FLAG.write(false)).isEqualTo(new PsValue("System.Boolean", "False"));
    assertThat(ReplyType.INTEGER.write(5L)).isEqualTo(new PsValue("System.Int32", "5"));
    assertThat(ReplyType.TEXT.write("Busy")).isEqualTo(new PsValue("System.String", "Busy"));
  }

  @Test
  void aFieldAbsentOfAnotherTypeOrBlankIsAProblemNamingTheRecordTheCmdletAndWhatArrived() {
    String cmdlet = "pool-readiness.ps1: " + PoolReadiness.CMDLET;

    assertThat(problems(with(pool("Ready"), "PoolUpgradeState", null), domain("UD1", true))).containsExactly(
        cmdlet + "'s PoolUpgradeState (Pool record 1): expected a non-empty System.String, got nothing: the reply"
            + " has no such property");
    assertThat(problems(pool("Ready"), domain("UD1", true),
        with(domain("UD2", true), "ReadyForUpgrade", PsValue.text("True")))).containsExactly(
        cmdlet + " UpgradeDomains[]'s ReadyForUpgrade (Domain record 2): expected a System.Boolean, got System.String"
            + " 'True'");
    assertThat(problems(with(pool("Ready"), "TotalFrontEnds", PsValue.ofNull()), domain("UD1", true)))
        .containsExactly(cmdlet + "'s TotalFrontEnds (Pool record 1): expected an integer (System.Int32, System.Int64"
            + " or another integer type), got $null");
  }

  @Test
  void aPropertyTheContractDoesNotDeclareIsAProblemNotIgnored() {
    assertThat(problems(with(pool("Ready"), "Ready", new PsValue("System.Boolean", "True")), domain("UD1", true)))
        .containsExactly("pool-readiness.ps1: " + PoolReadiness.CMDLET + "'s Ready (Pool record 1): expected no such"
            + " property (pool-readiness's contract does not declare it), got System.Boolean 'True'");
  }

  @Test
  void aRecordWithoutAKnownKindIsAProblemAndCountsForNoKind() {
    Map<String, PsValue> noKind = with(domain("UD1", true), ScriptContract.KIND, null);
    Map<String, PsValue> blankKind = with(domain("UD1", true), ScriptContract.KIND, PsValue.text(""));
    Map<String, PsValue> otherKind = with(domain("UD1", true), ScriptContract.KIND, PsValue.text("Domains"));

    String expected = "expected a Kind naming one of Pool, Domain, Shape";
    assertThat(problems(pool("Ready"), noKind, domain("UD2", true))).containsExactly(
        "pool-readiness.ps1: the script's Kind (output object 2): " + expected + ", got nothing: the reply has no such"
            + " property");
    assertThat(problems(pool("Ready"), domain("UD1", true), blankKind)).containsExactly(
        "pool-readiness.ps1: the script's Kind (output object 3): " + expected + ", got System.String ''");
    assertThat(problems(otherKind, pool("Ready"), domain("UD2", true))).containsExactly(
        "pool-readiness.ps1: the script's Kind (output object 1): " + expected + ", got System.String 'Domains'");
    assertThat(ScriptContracts.Actions.STOP_SERVICES.check(reply(List.of(pool("Ready"))))).extracting(
        ReplyProblem::expected).containsExactly("no output at all");
  }

  @Test
  void recordsOfAKindAreCountedAsTheContractDeclares() {
    String readiness = "pool-readiness.ps1: " + PoolReadiness.CMDLET;

    assertThat(problems(domain("UD1", true))).containsExactly(
        readiness + "'s Pool records (the reply): expected exactly one Pool record, got 0 records");
    assertThat(problems(pool("Ready"), pool("Busy"), domain("UD1", true))).containsExactly(
        readiness + "'s Pool records (the reply): expected exactly one Pool record, got 2 records");
    assertThat(problems(pool("Ready"))).containsExactly(
        readiness + " UpgradeDomains[]'s Domain records (the reply): expected at least one Domain record, got 0 records");
    assertThat(ReplyKind.Count.ANY.allows(0)).isTrue();
    assertThat(ReplyKind.Count.AT_LEAST_ONE.allows(1)).isTrue();
    assertThat(ReplyKind.Count.EXACTLY_ONE.allows(1)).isTrue();
  }

  @Test
  void aReplyThatDoesNotHoldIsUnreadableNamingEveryProblemAndNothingIsReadFromIt() {
    PsReply reply = reply(List.of(with(pool("Ready"), "PoolUpgradeState", null), pool("Busy")));

    assertThatThrownBy(() -> READINESS.read(reply, "read readiness", FE01))
        .isInstanceOfSatisfying(UnreadableReplyException.class, e -> {
          assertThat(e.script()).isEqualTo("pool-readiness");
          assertThat(e.problems()).extracting(ReplyProblem::property)
              .containsExactly("PoolUpgradeState", "Pool records", "Domain records");
          assertThat(e.getMessage()).contains("fe01.contoso.com", "its reply cannot be read, so nothing was read from"
              + " it: pool-readiness.ps1: ", "; pool-readiness.ps1: ");
        });
    assertThatThrownBy(() -> new UnreadableReplyException("read", FE01, "ping", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatTheSdkCannotUseOfASoundRecordIsUnreadableWithTheParsersReason() {
    ScriptContract.Reading reading = READINESS.read(reply(List.of(pool("Rebalancing"), domain("UD1", true),
        domain("UD2", true))), "read readiness", FE01);
    ScriptContract.Row second = reading.all(PoolReadiness.DOMAIN).get(1);

    assertThatThrownBy(() -> reading.one(PoolReadiness.POOL).parse(PoolReadiness.STATE, "Ready or Busy", state -> {
      throw new IllegalArgumentException("not a state: " + state);
    })).isInstanceOfSatisfying(UnreadableReplyException.class, e -> assertThat(e.problems()).singleElement()
        .extracting(ReplyProblem::describe).isEqualTo("pool-readiness.ps1: " + PoolReadiness.CMDLET
            + "'s PoolUpgradeState (Pool record 1): expected Ready or Busy (not a state: Rebalancing), got"
            + " System.String 'Rebalancing'"));
    assertThat(second.parse(PoolReadiness.FRONT_ENDS, "FQDNs", Fqdn::of)).isEqualTo(FE01);
    assertThat(second.problem(PoolReadiness.READY_FOR_UPGRADE, "a domain not yet ready").problems()).singleElement()
        .extracting(ReplyProblem::record, ReplyProblem::arrived)
        .containsExactly("Domain record 2", "System.Boolean 'True'");
    assertThat(reading.problem(PoolReadiness.DOMAIN, "Domain records", "one per upgrade domain", "2 records")
        .problems()).singleElement().extracting(ReplyProblem::record, ReplyProblem::cmdlet)
        .containsExactly("the reply", PoolReadiness.CMDLET + " UpgradeDomains[]");
  }

  @Test
  void askingAReadingForWhatItsContractDoesNotDeclareIsAProgrammingError() {
    ScriptContract.Reading reading = READINESS.read(reply(List.of(pool("Ready"), domain("UD1", true))), "read", FE01);

    assertThatThrownBy(() -> reading.one(PoolReadiness.DOMAIN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Domain records are not declared exactly one");
    assertThatThrownBy(() -> reading.all(ScriptContracts.Ping.PONG)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pool-readiness does not reply with Pong records");
    assertThatThrownBy(() -> reading.one(PoolReadiness.POOL).get(PoolReadiness.READY_FOR_UPGRADE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ReadyForUpgrade is not a field of Pool records");
    assertThatThrownBy(() -> READINESS.record(ScriptContracts.Ping.PONG)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pool-readiness does not reply with Pong records");
    assertThatThrownBy(() -> READINESS.record(PoolReadiness.POOL).with(PoolReadiness.UPGRADE_DOMAIN, "UD1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("UpgradeDomain is not a field of Pool records");
    assertThatThrownBy(() -> READINESS.record(PoolReadiness.POOL).with(PoolReadiness.STATE, "Ready").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("Pool record without its TotalFrontEnds");
    assertThatThrownBy(() -> ScriptContract.of("stop-services")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("noOutput(stop-services)");
    assertThatThrownBy(() -> ReplyKind.exactlyOne("Pool", "Get-CsPool", ReplyField.text(ScriptContract.KIND)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFieldReadOutsideTheCheckStillRefusesWhatItWasNotGiven() {
    Map<String, PsValue> record = new LinkedHashMap<>(pool("Ready"));
    assertThat(PoolReadiness.STATE.from(record)).isEqualTo("Ready");
    record.remove("PoolUpgradeState");
    record.put("TotalFrontEnds", PsValue.text("3"));

    assertThatThrownBy(() -> PoolReadiness.STATE.from(record)).isInstanceOf(IllegalStateException.class)
        .hasMessage("PoolUpgradeState was not checked: absent");
    assertThatThrownBy(() -> PoolReadiness.TOTAL_FRONT_ENDS.from(record)).isInstanceOf(IllegalStateException.class)
        .hasMessage("TotalFrontEnds was not checked: System.String '3'");
  }

  @Test
  void contractsDescribeThemselvesForMessages() {
    assertThat(PoolReadiness.STATE).hasToString("PoolUpgradeState (a non-empty System.String)");
    assertThat(ScriptContracts.Ping.ECHO).hasToString("Echo (a System.String, computed by the script)");
    assertThat(PoolReadiness.STATE.fromCmdlet()).isTrue();
    assertThat(ScriptContracts.Ping.ECHO.fromCmdlet()).isFalse();
    assertThat(PoolReadiness.POOL).hasToString("Pool from " + PoolReadiness.CMDLET);
    assertThat(ScriptContracts.Actions.STOP_SERVICES).hasToString("stop-services: no output");
    assertThat(ScriptContracts.FabricState.CONTRACT).hasToString("fabric-state: [Report from Get-CsPoolFabricState"
        + " -Type Routing]");
    List<String> counts = new ArrayList<>();
    for (ReplyKind.Count count : ReplyKind.Count.values()) {
      counts.add(count.toString());
    }
    assertThat(counts).containsExactly("exactly one", "at least one", "any number of");
  }
}
