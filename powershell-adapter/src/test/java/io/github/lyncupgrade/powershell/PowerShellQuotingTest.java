package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.testkit.gen.Theories;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class PowerShellQuotingTest {
  /** Characters that matter to PowerShell, mixed with anything else in the generated strings. */
  private static final List<Character> DANGEROUS = List.of('\'', '\u2018', '\u2019', '\u201A', '\u201B', '"',
      '\u201C', '\u201D', '$', '(', ')', '`', ';', '|', '&', '\n', '\r', '\u0000', '#', '@', '{', '}', ' ', '\t');

  private static Gen<String> hostileStrings() {
    Gen<Character> characters = Generate.frequency(
        org.quicktheories.api.Pair.of(3, Generate.pick(DANGEROUS)),
        org.quicktheories.api.Pair.of(1, Generate.characters(0x20, 0xFFFF)));
    return SourceDSL.lists().of(characters).ofSizeBetween(0, 40)
        .map(list -> list.stream().map(String::valueOf).reduce("", String::concat));
  }

  @Test
  @Tag("reliability")
  void anyStringReadsBackUnchangedAndEndsExactlyWhereTheLiteralEnds() {
    AtomicInteger cases = new AtomicInteger();
    Theories.qt(2000).forAll(hostileStrings()).checkAssert(value -> {
      cases.incrementAndGet();
      String literal = PowerShellQuoting.singleQuoted(value);
      String command = "Get-CsPool -Identity " + literal + "; Write-Output 'after'";

      SingleQuotedStringReader.Token token = SingleQuotedStringReader.read(command, "Get-CsPool -Identity ".length());

      assertThat(token.value()).isEqualTo(value);
      assertThat(command.substring(token.end())).isEqualTo("; Write-Output 'after'");
    });
    System.out.printf("RELIABILITY bad input, generated strings through the one quoting path: %d cases, each one"
        + " inert literal, 0 failures%n", cases.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"O'Brien", "it\u2019s", "\u201Aa\u201B", "$(Remove-Item C:\\ -Recurse)", "`n`0", "'; calc; '",
      "a\nb", "\u0000", ""})
  void handWrittenHostileValuesStayOneLiteral(String value) {
    String literal = PowerShellQuoting.singleQuoted(value);

    assertThat(SingleQuotedStringReader.read(literal, 0)).isEqualTo(new SingleQuotedStringReader.Token(value, literal.length()));
  }

  @Test
  void everySingleQuoteIsDoubledAndNothingElseChanges() {
    assertThat(PowerShellQuoting.singleQuoted("it's \u2018ok\u2019 $x")).isEqualTo("'it''s \u2018\u2018ok\u2019\u2019 $x'");
  }
}
