package io.github.lyncupgrade.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The README's code blocks between markers, for the tests that check the README shows what runs. */
final class ReadmeSnippets {
  static final Path README = Path.of("..", "README.md");

  private ReadmeSnippets() {}

  /** The README's block between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, fences dropped, normalized. */
  static String readme(String name) throws IOException {
    String block = between(Files.readString(README, StandardCharsets.UTF_8), "<!-- " + name + ":begin -->",
        "<!-- " + name + ":end -->");
    return normalized(block.replaceAll("```[a-z]*", ""));
  }

  /** The lines of {@code file} between {@code // name:begin} and {@code // name:end}, normalized. */
  static String code(Path file, String name) throws IOException {
    return normalized(between(Files.readString(file, StandardCharsets.UTF_8), "// " + name + ":begin",
        "// " + name + ":end"));
  }

  /** Lines stripped, blank lines dropped. */
  static String normalized(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end, from);
    assertThat(from).as("marker %s", begin).isNotNegative();
    assertThat(to).as("marker %s", end).isGreaterThan(from);
    return text.substring(from + begin.length(), to);
  }
}
