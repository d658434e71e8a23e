package io.github.lyncupgrade.powershell.topology;

import static java.util.Objects.requireNonNull;

/**
 * Something a topology document says that the operator should see: a warning (an element the
 * reader does not understand, a value it adjusted) or a problem (a value that stops the import).
 * Reads as {@code topology.xml:41: Cluster[@Fqdn='$SkypeFQDN']: '$SkypeFQDN' is not a host name ...}.
 * Immutable and thread-safe.
 *
 * @param location where it is
 * @param message what it is, in an operator's words
 */
public record DocumentFinding(SourceLocation location, String message) {
  /** Rejects nulls. */
  public DocumentFinding {
    requireNonNull(location, "location");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
