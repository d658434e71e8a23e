package io.github.lyncupgrade.powershell.topology;

import static java.util.Objects.requireNonNull;

/**
 * Where a value comes from: the document (a file name, or whatever name a stream was given), the
 * line, and the element, written as {@code topology.xml:41: Cluster[@Fqdn='pool01.contoso.com']}.
 * Immutable and thread-safe.
 *
 * @param source the document's name as the caller gave it
 * @param line the line, counted from 1; 0 when no line is known (a value given in code)
 * @param element the element, in an XPath-like form that names it by its identifying attribute
 */
public record SourceLocation(String source, int line, String element) {
  /** Rejects nulls and negative lines. */
  public SourceLocation {
    requireNonNull(source, "source");
    requireNonNull(element, "element");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or more, not " + line);
    }
  }

  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + ": " + element;
  }
}
