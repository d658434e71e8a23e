package io.github.lyncupgrade.powershell.topology;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only walk over an untrusted XML document with the JDK's own StAX parser, hardened:
 * no DTD (so no entity of any kind, internal or external, and no "billion laughs"), no external
 * resource ever fetched, nesting bounded, and every parse error turned into a problem that names
 * its line. The JDK's parser is iterative, so deep nesting costs no stack; the bound stops it early.
 *
 * <p>The walk: {@link #nextChild()} moves to the next child element of the current one and
 * returns false when the current one ends; a caller either walks a child's children the same way
 * or {@link #skip()}s it. Not thread-safe.
 */
final class XmlCursor {
  /** The namespaces of Microsoft's Lync and Skype for Business management schemas all start so. */
  static final String MICROSOFT_SCHEMAS = "urn:schema:Microsoft.Rtc.Management.";

  private final XMLStreamReader reader;
  private final String text;
  private final int[] lineStarts;
  private final String source;
  private final int maxDepth;
  private int depth;
  private int startLine = 1;

  private XmlCursor(XMLStreamReader reader, String text, String source, int maxDepth) {
    this.reader = reader;
    this.text = text;
    this.lineStarts = lineStarts(text);
    this.source = source;
    this.maxDepth = maxDepth;
  }

  /** Where each line starts: after LF, CR LF, or a lone CR, as XML counts them. */
  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The line on which the construct just read starts. The parser's location (line and column; its
   * character offset runs ahead) is the construct's end, and a start tag may span lines; it starts
   * at the last {@code opener} before that ({@code <} cannot appear in an attribute value).
   */
  private int startLine(String opener) {
    int line = reader.getLocation().getLineNumber();
    int column = reader.getLocation().getColumnNumber();
    if (line < 1 || line > lineStarts.length || column < 1) {
      return Math.max(1, line);
    }
    int end = Math.min(text.length(), lineStarts[line - 1] + column - 1);
    int start = text.lastIndexOf(opener, end - 1);
    if (start < 0) {
      return line;
    }
    int index = Arrays.binarySearch(lineStarts, start);
    return (index >= 0 ? index : -index - 2) + 1;
  }

  static XmlCursor over(String text, String source, int maxDepth) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("the document refers to the external resource '" + Shown.value(systemId)
          + "'; nothing outside the document is read");
    });
    try {
      return new XmlCursor(factory.createXMLStreamReader(new StringReader(text)), text, source, maxDepth);
    } catch (XMLStreamException e) {
      throw notWellFormed(source, e, 1);
    }
  }

  /**
   * Moves to the root element. A document without one never gets here: the parser refuses it as
   * not well-formed ("Premature end of file") before its end.
   */
  void root() {
    while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
      advance();
    }
  }

  /** Moves to the current element's next child element; false when the current element ends instead. */
  boolean nextChild() {
    while (hasNext()) {
      int event = advance();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    return false;
  }

  /** Skips the element just moved to, with everything inside it. */
  void skip() {
    int open = 1;
    while (open > 0 && hasNext()) {
      int event = advance();
      if (event == XMLStreamConstants.START_ELEMENT) {
        open++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        open--;
      }
    }
  }

  String localName() {
    return reader.getLocalName();
  }

  String namespace() {
    String namespace = reader.getNamespaceURI();
    return namespace == null ? "" : namespace;
  }

  /** Whether the current element is in one of Microsoft's management schemas. */
  boolean inMicrosoftSchemas() {
    return namespace().startsWith(MICROSOFT_SCHEMAS);
  }

  /** The current element's unqualified attribute, or null. */
  String attribute(String name) {
    return reader.getAttributeValue(null, name);
  }

  List<String> attributeNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      names.add(reader.getAttributeLocalName(i));
    }
    return names;
  }

  /** The line on which the current element starts. */
  int line() {
    return startLine;
  }

  SourceLocation location(String element) {
    return new SourceLocation(source, startLine, element);
  }

  private boolean hasNext() {
    try {
      return reader.hasNext();
    } catch (XMLStreamException e) {
      throw notWellFormed(source, e, startLine);
    }
  }

  private int advance() {
    int before = Math.max(1, reader.getLocation().getLineNumber());
    int event;
    try {
      event = reader.next();
    } catch (XMLStreamException e) {
      throw notWellFormed(source, e, before);
    }
    switch (event) {
      case XMLStreamConstants.DTD -> throw refused(startLine("<!DOCTYPE"), "document type declaration (<!DOCTYPE>)",
          "a DTD is refused: Lync's topology documents have none, and a DTD is how entity expansion (\"billion"
              + " laughs\") and external entities get into XML");
      case XMLStreamConstants.ENTITY_REFERENCE -> throw refused(before, "entity reference",
          "the entity &" + Shown.value(reader.getLocalName()) + "; is refused: Lync's topology documents use none");
      case XMLStreamConstants.START_ELEMENT -> {
        startLine = startLine("<");
        if (++depth > maxDepth) {
          throw refused(startLine, Shown.value(reader.getLocalName()), "elements are nested more than " + maxDepth
              + " deep; Lync's topology documents nest about 12 (LyncTopologyReader.Builder.maxDepth)");
        }
      }
      case XMLStreamConstants.END_ELEMENT -> depth--;
      default -> { }
    }
    return event;
  }

  private TopologyDocumentException refused(int line, String element, String message) {
    return new TopologyDocumentException(source, List.of(new DocumentFinding(new SourceLocation(source, line, element),
        message)));
  }

  private static TopologyDocumentException notWellFormed(String source, XMLStreamException e, int fallbackLine) {
    int line = e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : fallbackLine;
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int cut = message.indexOf("Message: ");
    message = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
    return new TopologyDocumentException(source, List.of(new DocumentFinding(new SourceLocation(source, line, "document"),
        "not well-formed XML: " + message.strip())));
  }
}
