package io.github.lyncupgrade.testkit.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's reader of the documentation finds a block on whichever page holds it, and only on one. */
class DocBlocksTest {
  private static final String BLOCK = "<!-- example:begin -->\n```java\n  Planner.create(options)\n```\n<!-- example:end -->\n";

  @Test
  void aBlockIsFoundOnTheOnePageThatHoldsItNormalized() {
    assertThat(DocBlocks.block(Map.of("README.md", "# lync-upgrade\n", "docs/fleet.md", "text\n" + BLOCK), "example"))
        .isEqualTo("Planner.create(options)");
  }

  @Test
  void aMarkerOnNoPageIsNamedWithThePagesSearched() {
    assertThatThrownBy(() -> DocBlocks.block(Map.of("README.md", "# lync-upgrade\n"), "example"))
        .hasMessageContaining("<!-- example:begin -->").hasMessageContaining("it is in none")
        .hasMessageContaining("README.md");
  }

  @Test
  void aMarkerOnTwoPagesOrTwiceOnOneIsNamedWithThePagesThatHoldIt() {
    assertThatThrownBy(() -> DocBlocks.block(Map.of("README.md", BLOCK, "docs/fleet.md", BLOCK), "example"))
        .hasMessageContaining("<!-- example:begin -->").hasMessageContaining("README.md")
        .hasMessageContaining("docs/fleet.md");
    assertThatThrownBy(() -> DocBlocks.block(Map.of("docs/fleet.md", BLOCK + BLOCK), "example"))
        .hasMessageContaining("it is in docs/fleet.md, docs/fleet.md");
  }
}
