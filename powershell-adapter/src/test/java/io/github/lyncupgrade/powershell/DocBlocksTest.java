package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter's reader of the documentation finds a block on whichever page holds it, and only on one. */
class DocBlocksTest {
  private static final String BLOCK = "<!-- example:begin -->\n```sh\nlync-upgrade plan\n```\n<!-- example:end -->\n";

  @Test
  void aBlockIsFoundOnTheOnePageThatHoldsItWithoutItsFences() {
    assertThat(DocBlocks.block(Map.of("README.md", "# lync-upgrade\n", "docs/command.md", "text\n" + BLOCK), "example"))
        .isEqualTo("lync-upgrade plan\n");
  }

  @Test
  void aMarkerOnNoPageIsNamedWithThePagesSearched() {
    assertThatThrownBy(() -> DocBlocks.block(Map.of("README.md", "# lync-upgrade\n"), "example"))
        .hasMessageContaining("<!-- example:begin -->").hasMessageContaining("it is in none")
        .hasMessageContaining("README.md");
  }

  @Test
  void aMarkerOnTwoPagesOrTwiceOnOneIsNamedWithThePagesThatHoldIt() {
    assertThatThrownBy(() -> DocBlocks.block(Map.of("README.md", BLOCK, "docs/command.md", BLOCK), "example"))
        .hasMessageContaining("<!-- example:begin -->").hasMessageContaining("README.md")
        .hasMessageContaining("docs/command.md");
    assertThatThrownBy(() -> DocBlocks.block(Map.of("docs/command.md", BLOCK + BLOCK), "example"))
        .hasMessageContaining("it is in docs/command.md, docs/command.md");
  }
}
