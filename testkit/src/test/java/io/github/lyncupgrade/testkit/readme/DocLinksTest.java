package io.github.lyncupgrade.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md points at a file of the project, and every
 * {@code #anchor} at a heading of its page, as GitHub makes anchors of headings; the README links to
 * every page, and every page links back.
 */
class DocLinksTest {
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  @Test
  void everyRelativeLinkPointsAtAFileAndEveryAnchorAtAHeading() throws IOException {
    Map<String, String> pages = DocBlocks.pages();

    assertThat(problems(pages, file -> Files.exists(DocBlocks.ROOT.resolve(file)))).isEmpty();
    assertThat(pages.values().stream().mapToInt(page -> links(page).size()).sum()).as("links checked")
        .isGreaterThanOrEqualTo(2 * (pages.size() - 1));
  }

  @Test
  void theReadmeLinksToEveryPageAndEveryPageLinksBack() throws IOException {
    Map<String, String> pages = DocBlocks.pages();
    Set<String> linkedFromReadme = new HashSet<>();
    for (Link link : links(pages.get("README.md"))) {
      linkedFromReadme.add(resolve("README.md", link.path()));
    }

    for (String page : pages.keySet()) {
      if (page.equals("README.md")) {
        continue;
      }
      assertThat(linkedFromReadme).as("the README links to %s", page).contains(page);
      assertThat(links(pages.get(page))).as("%s links back to the README", page)
          .anySatisfy(link -> assertThat(resolve(page, link.path())).isEqualTo("README.md"));
    }
  }

  @Test
  void aMissingFileAMissingAnchorAndALinkOutOfTheProjectAreEachNamedWithTheirPageAndLine() {
    Map<String, String> pages = new HashMap<>();
    pages.put("README.md", "# lync-upgrade\n\nSee [the command](docs/command.md#exit-codes), [gone](docs/gone.md),\n"
        + "[up](../shared/PROCEDURE.md), [the site](https://example.com/x.md) and `[code](not-a-link.md)`.\n"
        + "```sh\n# not a heading; [not](a-link.md)\n```\n");
    pages.put("docs/command.md", "# The `lync-upgrade` command\n\n## Exit codes\n\n## Exit codes\n\n"
        + "[back](../README.md#lync-upgrade), [here](#exit-codes-1), [twice](#exit-codes-2) and [none](#not-a-heading)\n"
        + "[ref]: ../README.md#the-lync-upgrade-command\n");
    Set<String> files = Set.of("README.md", "docs/command.md");

    assertThat(problems(pages, files::contains)).containsExactly(
        "README.md:3: [gone](docs/gone.md): no file docs/gone.md",
        "README.md:4: [up](../shared/PROCEDURE.md): outside the project",
        "docs/command.md:7: [twice](#exit-codes-2): no such heading in docs/command.md",
        "docs/command.md:7: [none](#not-a-heading): no such heading in docs/command.md",
        "docs/command.md:8: [ref]: ../README.md#the-lync-upgrade-command: no such heading in README.md");
  }

  @Test
  void anchorsAreGitHubs() {
    assertThat(anchors("# The `lync-upgrade` command\n## Which `Install-CsDatabase`\n"
        + "## Skype for Business Server 2015 and 2019, and Microsoft's companion rules\n"
        + "### Against a [real](x.md) deployment\n## Steps_and ids: FE-1 & BE-11\n## Figures\n## Figures\n"))
        .containsExactlyInAnyOrder("the-lync-upgrade-command", "which-install-csdatabase",
            "skype-for-business-server-2015-and-2019-and-microsofts-companion-rules", "against-a-real-deployment",
            "steps_and-ids-fe-1--be-11", "figures", "figures-1");
  }

  /** Every broken link of these pages (by their path from the project's root), as {@code page:line: link: why}. */
  static List<String> problems(Map<String, String> pages, Predicate<String> fileExists) {
    List<String> problems = new ArrayList<>();
    for (String page : pages.keySet().stream().sorted().toList()) {
      for (Link link : links(pages.get(page))) {
        String where = page + ":" + link.line() + ": ";
        String target = link.path().isEmpty() ? page : resolve(page, link.path());
        if (target == null) {
          problems.add(where + link.shown() + ": outside the project");
        } else if (!link.path().isEmpty() && !fileExists.test(target)) {
          problems.add(where + link.shown() + ": no file " + target);
        } else if (!link.anchor().isEmpty() && target.endsWith(".md")
            && !anchors(pages.containsKey(target) ? pages.get(target) : read(target)).contains(link.anchor())) {
          problems.add(where + link.shown() + ": no such heading in " + target);
        }
      }
    }
    return problems;
  }

  /** A page's heading anchors as GitHub makes them: text lowercased, punctuation but '-' and '_' dropped, spaces to '-', repeats numbered. */
  static Set<String> anchors(String page) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : outsideFences(page)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = heading.group(2).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        int repeats = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
      }
    }
    return anchors;
  }

  /** A link outside code: its target split into path (empty: this page) and anchor, and its line. */
  record Link(String target, String shown, int line) {
    String path() {
      int hash = target.indexOf('#');
      return URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    }

    String anchor() {
      int hash = target.indexOf('#');
      return hash < 0 ? "" : target.substring(hash + 1);
    }
  }

  /** The page's relative links, outside code blocks and code spans; links with a scheme (https:, mailto:) are not the project's. */
  static List<Link> links(String page) {
    List<Link> links = new ArrayList<>();
    List<String> lines = outsideFences(page);
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).replaceAll("`[^`]*`", "``");
      for (Pattern form : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
        Matcher link = form.matcher(text);
        while (link.find()) {
          if (!SCHEME.matcher(link.group(1)).find()) {
            links.add(new Link(link.group(1), link.group().strip(), i + 1));
          }
        }
      }
    }
    return links;
  }

  /** The path from the project's root of a link's path on a page, or null when it leads out of the project. */
  static String resolve(String page, String path) {
    Path parent = Path.of(page).getParent();
    Path target = (parent == null ? Path.of(path) : parent.resolve(path)).normalize();
    return target.startsWith("..") ? null : target.toString().replace('\\', '/');
  }

  /** The page's lines, those of code blocks (fences included) blanked, so that a line's index is its number less one. */
  private static List<String> outsideFences(String page) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : page.lines().toList()) {
      boolean fence = FENCE.matcher(line).find();
      fenced ^= fence;
      lines.add(fence || fenced ? "" : line);
    }
    return lines;
  }

  private static String read(String file) {
    try {
      return Files.readString(DocBlocks.ROOT.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }
}
