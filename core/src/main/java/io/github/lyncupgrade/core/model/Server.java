package io.github.lyncupgrade.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A Lync server, known by its FQDN. Immutable and thread-safe.
 *
 * @param fqdn the server's fully qualified domain name
 */
public record Server(Fqdn fqdn) implements Comparable<Server> {
  /** Creates a server, rejecting a null FQDN. */
  public Server {
    requireNonNull(fqdn, "fqdn");
  }

  /**
   * A server named by {@code fqdn}.
   *
   * @throws IllegalArgumentException if {@code fqdn} is not a valid FQDN (see {@link Fqdn#of})
   */
  public static Server of(String fqdn) {
    return new Server(Fqdn.of(fqdn));
  }

  @Override
  public int compareTo(Server other) {
    return fqdn.compareTo(other.fqdn);
  }

  @Override
  public String toString() {
    return fqdn.toString();
  }
}
