package io.github.lyncupgrade.powershell.topology;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the topology Lync already wrote down: the published topology ({@code Get-CsTopology
 * -AsXml}, what {@code Publish-CsTopology -FileName} takes) or a Topology Builder file
 * ({@code .tbxml}), told apart by the root element and decoded by the byte-order mark or the XML
 * declaration (UTF-8 with or without a mark, UTF-16 with one and no declaration, CRLF or LF),
 * never by the file's name.
 *
 * <pre>{@code
 * ImportedTopology imported = LyncTopologyReader.create().read(Path.of("topology.tbxml"));
 * imported.warnings().forEach(warning -> log.warn("{}", warning)); // elements not understood, with their lines
 * log.info("{}", imported.skippedSummary());       // skipped: 2 Edge servers, 1 Office Web Apps server
 * UpgradePlan plan = Planner.create(options).plan(imported.topology());
 * }</pre>
 *
 * <p>The document is untrusted input: it is read with the JDK's own StAX parser, with no DTD
 * (and so no entity, internal or external), no external resource, at most {@link
 * Builder#maxBytes(long) maxBytes} bytes and {@link Builder#maxDepth(int) maxDepth} levels of
 * nesting; anything else is refused with a {@link TopologyDocumentException}. What the documents
 * do not carry (disaster-recovery partners, SQL mirrors) comes from a {@link TopologyOverlay},
 * never from a guess. Every problem, the document's and the overlay's, is reported at once, with
 * its line and element, before anything is planned.
 *
 * <p>Immutable and thread-safe.
 */
public final class LyncTopologyReader {
  /** 20 MiB: a large deployment's published topology is a few megabytes. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
  /** Lync's documents nest about 12 levels deep. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  private static final int SNIFFED_BYTES = 4096;

  private final TopologyOverlay overlay;
  private final long maxBytes;
  private final int maxDepth;

  private LyncTopologyReader(Builder builder) {
    this.overlay = builder.overlay;
    this.maxBytes = builder.maxBytes;
    this.maxDepth = builder.maxDepth;
  }

  /** A reader with no overlay and the default bounds. */
  public static LyncTopologyReader create() {
    return builder().build();
  }

  /** A builder for a reader with an overlay or other bounds. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code file} holds XML (after any byte-order mark and white space, it starts with
   * {@code <}): for callers that accept other formats too and dispatch by content.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public static boolean isXml(Path file) {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return DocumentText.startsWithMarkup(in.readNBytes(SNIFFED_BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the document in {@code file}, named in messages as given.
   *
   * @throws TopologyDocumentException naming every problem, or why the document was refused
   * @throws UncheckedIOException if the file cannot be read
   */
  public ImportedTopology read(Path file) {
    requireNonNull(file, "file");
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw DocumentText.tooLarge(source, size + " bytes", maxBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(DocumentText.read(in, source, maxBytes), source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the document in {@code in} (not closed), named {@code source} in messages. At most
   * {@code maxBytes} are read; a longer stream is refused.
   *
   * @throws TopologyDocumentException naming every problem, or why the document was refused
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ImportedTopology read(InputStream in, String source) {
    requireNonNull(in, "in");
    requireNonNull(source, "source");
    try {
      return read(DocumentText.read(in, source, maxBytes), source);
    } catch (IOException e) {
      throw new UncheckedIOException(source + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a document already decoded, such as the text {@code Get-CsTopology -AsXml} returns
   * through a PowerShell session, named {@code source} in messages.
   *
   * @throws TopologyDocumentException naming every problem, or why the document was refused
   */
  public ImportedTopology read(String document, String source) {
    requireNonNull(document, "document");
    requireNonNull(source, "source");
    return read(DocumentText.of(document, source, maxBytes), source);
  }

  private ImportedTopology read(DocumentText text, String source) {
    XmlCursor xml = XmlCursor.over(text.text(), source, maxDepth);
    xml.root();
    DocumentShape shape = shape(xml, source);
    Findings findings = new Findings();
    DocumentParser parser = shape == DocumentShape.PUBLISHED_TOPOLOGY
        ? new PublishedTopologyParser(xml, findings)
        : new TopologyBuilderParser(xml, findings);
    SourceLocation root = xml.location(xml.localName());
    TopologyDocument document = parser.parse();
    DocumentMapper.Mapped mapped = new DocumentMapper(document, overlay, findings, root).map();
    if (findings.hasProblems() || mapped.topology() == null) {
      throw new TopologyDocumentException(source, inDocumentOrder(findings.problems(), source));
    }
    return new ImportedTopology(mapped.topology(), source, shape, text.encoding(),
        inDocumentOrder(findings.warnings(), source), mapped.skipped());
  }

  /** The document's findings by line, then the overlay's. */
  private static List<DocumentFinding> inDocumentOrder(List<DocumentFinding> findings, String source) {
    List<DocumentFinding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing((DocumentFinding finding) -> !finding.location().source().equals(source))
        .thenComparingInt(finding -> finding.location().line()));
    return sorted;
  }

  private static DocumentShape shape(XmlCursor xml, String source) {
    String name = xml.localName();
    String namespace = xml.namespace();
    if (name.equals("Topology") && namespace.equals(XmlCursor.MICROSOFT_SCHEMAS + "Deploy.Topology.2008")) {
      return DocumentShape.PUBLISHED_TOPOLOGY;
    }
    if (name.equals("TopologyBuilder") && namespace.equals(XmlCursor.MICROSOFT_SCHEMAS + "Deploy.TopologyBuilder.2008")) {
      return DocumentShape.TOPOLOGY_BUILDER;
    }
    throw new TopologyDocumentException(source, List.of(new DocumentFinding(xml.location(Shown.value(name)),
        "not a Lync topology document: its root element is {" + Shown.value(namespace) + "}" + Shown.value(name)
            + "; expected Topology in " + XmlCursor.MICROSOFT_SCHEMAS + "Deploy.Topology.2008 (Get-CsTopology -AsXml)"
            + " or TopologyBuilder in " + XmlCursor.MICROSOFT_SCHEMAS + "Deploy.TopologyBuilder.2008 (.tbxml)")));
  }

  /** Configures a reader; not thread-safe. */
  public static final class Builder {
    private TopologyOverlay overlay = TopologyOverlay.none();
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;

    private Builder() {}

    /** What the documents do not carry: partners, mirrors, collocated stores of unknown roles. */
    public Builder overlay(TopologyOverlay overlay) {
      this.overlay = requireNonNull(overlay, "overlay");
      return this;
    }

    /** The most bytes (characters, for text already decoded) a document may have; 20 MiB by default. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** How deep elements may nest; {@value LyncTopologyReader#DEFAULT_MAX_DEPTH} by default. */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 4) {
        throw new IllegalArgumentException("maxDepth must be at least 4 (Lync's documents nest about 12), not " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** The reader. */
    public LyncTopologyReader build() {
      return new LyncTopologyReader(this);
    }
  }
}
