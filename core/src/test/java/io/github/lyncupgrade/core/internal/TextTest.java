package io.github.lyncupgrade.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** Untrusted text never reaches an operator's terminal as itself; file errors speak an operator's words. */
class TextTest {

  @Test
  void aFileErrorSaysWhyInAnOperatorsWordsNotWithTheBarePath() {
    assertThat(Text.reason(new NoSuchFileException("/var/run.journal"))).isEqualTo("no such file or folder");
    assertThat(Text.reason(new AccessDeniedException("/var/run.journal"))).isEqualTo("permission denied");
    assertThat(Text.reason(new NotDirectoryException("/var/x/run.journal"))).isEqualTo("a part of the path is not a folder");
    assertThat(Text.reason(new FileAlreadyExistsException("/var/run.journal"))).isEqualTo("it already exists");
    assertThat(Text.reason(new DirectoryNotEmptyException("/var"))).isEqualTo("it is a folder that is not empty");
    assertThat(Text.reason(new FileSystemException("/var/run.journal", null, "No space left on device")))
        .isEqualTo("No space left on device");
    assertThat(Text.reason(new FileSystemException("/var/run.journal"))).isEqualTo("/var/run.journal");
    assertThat(Text.reason(new IOException("Input/output error\u001b[2J"))).isEqualTo("Input/output error\\u001B[2J");
    assertThat(Text.reason(new IOException())).isEqualTo("IOException");
    assertThat(Text.reason(new IOException(" "))).isEqualTo("IOException");
  }

  @Test
  void printableTextShowsOnlyPrintableAsciiAndAtMostEightyCharacters() {
    assertThat(Text.printable(" ~")).isEqualTo(" ~");
    assertThat(Text.printable("a\u001fb\u007fc\u00e9")).isEqualTo("a\\u001Fb\\u007Fc\\u00E9");
    String eighty = "x".repeat(80);
    assertThat(Text.printable(eighty)).isEqualTo(eighty);
    assertThat(Text.printable(eighty + "y")).isEqualTo(eighty + "... (81 characters)");
  }

  @Test
  void safeTextKeepsLettersOfAnyScriptAndEscapesWhatCouldActOnATerminal() {
    assertThat(Text.safe("Ready \u2014 \u6e96\u5099\u5b8c\u4e86", false)).isEqualTo("Ready \u2014 \u6e96\u5099\u5b8c\u4e86");
    assertThat(Text.safe("one\ntwo\r", true)).isEqualTo("one\ntwo\\u000D");
    assertThat(Text.safe("one\ntwo", false)).isEqualTo("one\\u000Atwo");
    assertThat(Text.safe("\u202eevil\u2028", false)).isEqualTo("\\u202Eevil\\u2028");
    String pair = "\ud83d\ude00";
    assertThat(Text.safe("smile " + pair + "!", false)).isEqualTo("smile " + pair + "!");
    assertThat(Text.safe("lone \ud83d", false)).isEqualTo("lone \\uD83D");
    assertThat(Text.safe("\ude00 lone", false)).isEqualTo("\\uDE00 lone");
    assertThat(Text.safe("\ude00\ud83d", false)).as("the wrong way round is no pair").isEqualTo("\\uDE00\\uD83D");
    assertThat(Text.path("/tmp/run\u0007.journal")).isEqualTo("/tmp/run\\u0007.journal");
  }

  @Test
  void aCharacterIsDescribedByItsCodePointAndShownOnlyWhenPrintable() {
    assertThat(Text.describe(';')).isEqualTo("';' (U+003B)");
    assertThat(Text.describe(' ')).isEqualTo("' ' (U+0020)");
    assertThat(Text.describe('\n')).isEqualTo("U+000A");
    assertThat(Text.describe('\u007f')).isEqualTo("U+007F");
  }

  @Test
  void countsAgreeWithTheirNoun() {
    assertThat(Text.count(1, "pool")).isEqualTo("1 pool");
    assertThat(Text.count(0, "pool")).isEqualTo("0 pools");
    assertThat(Text.count(3, "step")).isEqualTo("3 steps");
  }
}
