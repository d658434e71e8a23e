package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's blocks between markers, for the adapter's tests that check what the README shows. */
public final class ReadmeBlocks {
  private static final Path README = Path.of("..", "README.md");

  private ReadmeBlocks() {}

  /** The README. */
  public static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  /** The text between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, code fences dropped, from its first line. */
  public static String block(String name) throws IOException {
    return between(readme(), "<!-- " + name + ":begin -->", "<!-- " + name + ":end -->")
        .replaceAll("(?m)^```[a-z]*\\n", "").replaceFirst("^\\n+", "");
  }

  /** The lines of {@code file} between {@code // name:begin} and {@code // name:end}. */
  public static String code(Path file, String name) throws IOException {
    return between(Files.readString(file, StandardCharsets.UTF_8), "// " + name + ":begin", "// " + name + ":end");
  }

  /** Lines stripped, blank lines dropped: how a block and the code it shows are compared. */
  public static String normalized(String text) {
    return String.join("\n", text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end, from);
    assertThat(from).as("marker %s", begin).isNotNegative();
    assertThat(to).as("marker %s", end).isGreaterThan(from);
    return text.substring(from + begin.length(), to);
  }
}
