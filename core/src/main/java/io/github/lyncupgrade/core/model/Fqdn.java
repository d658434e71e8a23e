package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

import com.google.common.net.InternetDomainName;
import io.github.lyncupgrade.core.internal.Text;
import java.util.Locale;
import java.util.Optional;

/**
 * A fully qualified domain name of a pool, a server or a SQL Server, restricted to RFC 1123
 * host names: ASCII letters, digits and {@code -} in dot-separated labels, at least two labels.
 *
 * <p>The restriction is deliberate. An FQDN ends up in PowerShell commands and step ids, so
 * every character that could change a command's meaning (spaces, quotes of any kind, {@code ;},
 * {@code $}, backticks, control characters) and every non-ASCII look-alike is refused here,
 * long before anything runs. Names are kept in lower case, so {@code FE01.Contoso.com} and
 * {@code fe01.contoso.com} are the same server.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fqdn implements Comparable<Fqdn> {
  private static final int MAX_LENGTH = 253;

  private final String name;

  private Fqdn(String name) {
    this.name = name;
  }

  /**
   * Parses a fully qualified domain name.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is not an RFC 1123 FQDN; the message says why
   */
  public static Fqdn of(String text) {
    requireNonNull(text, "text");
    Optional<String> problem = problemWith(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("'" + Text.printable(text) + "' " + problem.get());
    }
    return new Fqdn(text.toLowerCase(Locale.ROOT));
  }

  /**
   * Tells what is wrong with {@code text} as an FQDN, or nothing when it is valid. The reason
   * reads as the end of a sentence whose subject is the name: "contains ';' (U+003B) at index 4 ...".
   */
  public static Optional<String> problemWith(String text) {
    if (text == null) {
      return Optional.of("is missing");
    }
    if (text.isEmpty()) {
      return Optional.of("is empty");
    }
    if (text.length() > MAX_LENGTH) {
      return Optional.of("is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isHostNameChar(c)) {
        String kind = c > 0x7F ? "the non-ASCII character " : "the character ";
        return Optional.of("contains " + kind + Text.describe(c) + " at index " + i
            + "; only ASCII letters, digits, '-' and '.' are allowed (RFC 1123)");
      }
    }
    String[] labels = text.split("\\.", -1);
    if (labels.length < 2) {
      return Optional.of("is a single label; a fully qualified name has at least two, like fe01.contoso.com");
    }
    for (int i = 0; i < labels.length; i++) {
      Optional<String> labelProblem = problemWithLabel(labels[i]);
      if (labelProblem.isPresent()) {
        return Optional.of("has label " + (i + 1) + " that " + labelProblem.get());
      }
    }
    if (!InternetDomainName.isValid(text)) {
      return Optional.of("is not a valid domain name (its last label must not be all digits)");
    }
    return Optional.empty();
  }

  private static Optional<String> problemWithLabel(String label) {
    if (label.isEmpty()) {
      return Optional.of("is empty (two dots in a row, or a leading or trailing dot)");
    }
    if (label.length() > 63) {
      return Optional.of("is " + label.length() + " characters long; the limit is 63");
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      return Optional.of("starts or ends with '-'");
    }
    return Optional.empty();
  }

  private static boolean isHostNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.';
  }

  /** The first label: {@code fe01} for {@code fe01.contoso.com}. */
  public String hostName() {
    int dot = name.indexOf('.');
    return name.substring(0, dot);
  }

  /** The name in lower case, as it appears in commands and step ids. */
  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fqdn fqdn && fqdn.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(Fqdn other) {
    return name.compareTo(other.name);
  }
}
