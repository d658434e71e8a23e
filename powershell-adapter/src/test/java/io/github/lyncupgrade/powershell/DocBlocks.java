package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The documentation, README.md and every {@code docs/*.md}, and its blocks between markers, for the
 * adapter's tests that check what the documentation shows. A marker names one block in one page,
 * wherever that page is; a test that checks a page's whole text names the page.
 */
public final class DocBlocks {
  private static final Path ROOT = Path.of("..");

  private DocBlocks() {}

  /** Every page by its path from the project's root ({@code README.md}, {@code docs/command.md}), README first. */
  public static Map<String, String> pages() throws IOException {
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
  public static String page(String name) throws IOException {
    return Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
  }

  /** The text between {@code <!-- name:begin -->} and {@code <!-- name:end -->} in the one page that holds it, code fences dropped, from its first line. */
  public static String block(String name) throws IOException {
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
    return between(pages.get(holding.get(0)), begin, "<!-- " + name + ":end -->")
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
