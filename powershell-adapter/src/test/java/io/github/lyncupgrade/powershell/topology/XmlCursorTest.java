package io.github.lyncupgrade.powershell.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walk every topology document is read with, at unit level: the line each element starts on
 * (what every finding names, so the operator can go to it), whatever the line ends and however a
 * start tag is wrapped; the nesting bound; and DTDs and entities refused at their line.
 */
class XmlCursorTest {
  private static final String NS = XmlCursor.MICROSOFT_SCHEMAS + "Core";

  /** Each element's local name and the line it starts on, in document order. */
  private static List<String> lines(String text) {
    XmlCursor cursor = XmlCursor.over(text, "t.xml", 20);
    List<String> seen = new ArrayList<>();
    cursor.root();
    seen.add(cursor.localName() + "@" + cursor.line());
    walk(cursor, seen);
    return seen;
  }

  private static void walk(XmlCursor cursor, List<String> seen) {
    while (cursor.nextChild()) {
      seen.add(cursor.localName() + "@" + cursor.line());
      walk(cursor, seen);
    }
  }

  @Test
  void anElementsLineIsWhereItsStartTagBeginsWhateverTheLineEnds() {
    for (String end : List.of("\n", "\r\n", "\r")) {
      String text = String.join(end, "<?xml version=\"1.0\"?>", "<Root>", "  <A/>", "", "  <B>", "    <C/>",
          "  </B>", "</Root>");

      assertThat(lines(text)).as("lines ending %s", end.replace("\r", "CR").replace("\n", "LF"))
          .containsExactly("Root@2", "A@3", "B@5", "C@6");
    }
  }

  @Test
  void aStartTagWrappedOverSeveralLinesIsAtTheLineItOpens() {
    String text = "<Root>\n  <A\n     Fqdn=\"fe01.contoso.com\"\n     Ordinal=\"1\"/><B\n  x=\"y\">\n</B>\n</Root>";

    assertThat(lines(text)).containsExactly("Root@1", "A@2", "B@4");
    assertThat(lines("<Root><A/></Root>")).containsExactly("Root@1", "A@1");
    assertThat(lines("\r\r<Root/>")).as("a document that starts with lone CRs").containsExactly("Root@3");
  }

  @Test
  void aSkippedElementIsSkippedWithEverythingInsideIt() {
    XmlCursor cursor = XmlCursor.over("<Root><Skip><X><Y/></X></Skip><Kept a=\"1\" b=\"2\"/></Root>", "t.xml", 20);
    cursor.root();
    assertThat(cursor.nextChild()).isTrue();
    cursor.skip();

    assertThat(cursor.nextChild()).isTrue();
    assertThat(cursor.localName()).isEqualTo("Kept");
    assertThat(cursor.attributeNames()).containsExactly("a", "b");
    assertThat(cursor.attribute("b")).isEqualTo("2");
    assertThat(cursor.attribute("c")).isNull();
    assertThat(cursor.nextChild()).as("Kept has no child").isFalse();
    assertThat(cursor.nextChild()).as("Root ends").isFalse();
    assertThat(cursor.location("Kept")).hasToString("t.xml:1: Kept");
  }

  @Test
  void onlyMicrosoftsManagementSchemasCount() {
    XmlCursor ours = XmlCursor.over("<Topology xmlns=\"" + NS + "\"/>", "t.xml", 20);
    XmlCursor other = XmlCursor.over("<Topology xmlns=\"urn:example\"/>", "t.xml", 20);
    XmlCursor none = XmlCursor.over("<Topology/>", "t.xml", 20);
    ours.root();
    other.root();
    none.root();

    assertThat(ours.inMicrosoftSchemas()).isTrue();
    assertThat(other.inMicrosoftSchemas()).isFalse();
    assertThat(none.inMicrosoftSchemas()).isFalse();
    assertThat(none.namespace()).isEmpty();
    assertThatThrownBy(() -> XmlCursor.over("<?xml version=\"1.0\"?><!-- nothing -->", "t.xml", 20).root())
        .as("a document without a root element").isInstanceOf(TopologyDocumentException.class)
        .hasMessageContaining("t.xml:1: document: not well-formed XML: Premature end of file.");
  }

  @Test
  void nestingBeyondTheBoundIsRefusedAtTheElementThatCrossesIt() {
    String text = "<A>\n<B>\n<C>\n<D/>\n</C>\n</B>\n</A>";
    assertThat(lines(text)).hasSize(4);

    XmlCursor cursor = XmlCursor.over(text, "t.xml", 3);
    assertThatThrownBy(() -> {
      cursor.root();
      walk(cursor, new ArrayList<>());
    }).isInstanceOfSatisfying(TopologyDocumentException.class, e -> assertThat(e.problems()).singleElement()
        .hasToString("t.xml:4: D: elements are nested more than 3 deep; Lync's topology documents nest about 12"
            + " (LyncTopologyReader.Builder.maxDepth)"));
    XmlCursor exactly = XmlCursor.over(text, "t.xml", 4);
    exactly.root();
    walk(exactly, new ArrayList<>());
  }

  @Test
  void aDtdIsRefusedAtItsLineAndBadXmlAtTheLineTheParserNames() {
    assertThatThrownBy(() -> lines("<?xml version=\"1.0\"?>\n\n<!DOCTYPE Root [\n<!ENTITY a \"b\">\n]>\n<Root/>"))
        .isInstanceOfSatisfying(TopologyDocumentException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> {
              assertThat(problem.location()).hasToString("t.xml:3: document type declaration (<!DOCTYPE>)");
              assertThat(problem.message()).startsWith("a DTD is refused");
            }));
    assertThatThrownBy(() -> lines("<Root>\n<A>\n</B>\n</Root>"))
        .isInstanceOfSatisfying(TopologyDocumentException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> {
              assertThat(problem.location()).hasToString("t.xml:3: document");
              assertThat(problem.message()).startsWith("not well-formed XML: ").doesNotContain("Message: ");
            }));
  }
}
