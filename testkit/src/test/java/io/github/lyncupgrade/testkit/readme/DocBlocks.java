package io.github.lyncupgrade.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The documentation, README.md and every {@code docs/*.md}, and its code blocks between markers, for
 * the tests that check the documentation shows what runs. A marker names one block in one page.
 */
final class DocBlocks {
  static final Path ROOT = Path.of("..");

  private DocBlocks() {}

  /** Every page by its path from the project's root ({@code README.md}, {@code docs/fleet.md}), README first. */
  static Map<String, String> pages() throws IOException {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", page("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path file : docs.filter(file -> file.toString().endsWith(".md")).sorted().toList()) {
        String name = "docs/" + file.getFileName();
        pages.put(name, page(name));
      }
    }
    return pages;
  }

  /** One page, by its path from the project's root. */
  static String page(String name) throws IOException {
    return Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
  }

  /** The block between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, wherever it is, fences dropped, normalized. */
  static String block(String name) throws IOException {
    return block(pages(), name);
  }

  /** As {@link #block(String)}, among these pages (by name); fails naming the marker and the pages unless exactly one holds it once. */
  static String block(Map<String, String> pages, String name) {
    String begin = "<!-- " + name + ":begin -->";
    List<String> holding = pages.entrySet().stream()
        .flatMap(page -> Stream.generate(page::getKey).limit(occurrences(page.getValue(), begin)))
        .toList();
    assertThat(holding).withFailMessage("the marker %s must be in exactly one page, but it is in %s (pages: %s)",
        begin, holding.isEmpty() ? "none" : String.join(", ", holding), String.join(", ", pages.keySet()))
        .hasSize(1);
    String block = between(pages.get(holding.get(0)), begin, "<!-- " + name + ":end -->");
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

  private static long occurrences(String text, String marker) {
    long count = 0;
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      count++;
    }
    return count;
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end, from);
    assertThat(from).as("marker %s", begin).isNotNegative();
    assertThat(to).as("marker %s after %s", end, begin).isGreaterThan(from);
    return text.substring(from + begin.length(), to);
  }
}
