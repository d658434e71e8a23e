package io.github.lyncupgrade.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Standard Edition pool: one server that holds its own databases (SQL Server Express). It is
 * updated with the Back End procedure, BE-1..BE-11c. Immutable and thread-safe; built with
 * {@link Pool#standard(String)}.
 */
public final class StandardEditionPool implements Pool {
  private final Fqdn fqdn;
  private final Server server;
  private final Fqdn partnerPool;
  private final ProductVersion product;

  StandardEditionPool(Fqdn fqdn, Server server, Fqdn partnerPool, ProductVersion product) {
    this.product = product;
    this.fqdn = fqdn;
    this.server = server;
    this.partnerPool = partnerPool;
  }

  @Override
  public Fqdn fqdn() {
    return fqdn;
  }

  @Override
  public Edition edition() {
    return Edition.STANDARD;
  }

  /** The pool's one server. */
  public Server server() {
    return server;
  }

  @Override
  public List<Server> frontEnds() {
    return List.of(server);
  }

  @Override
  public Fqdn backEndHost() {
    return server.fqdn();
  }

  @Override
  public Fqdn databaseTarget() {
    return server.fqdn();
  }

  @Override
  public ProductVersion product() {
    return product;
  }

  @Override
  public Optional<Fqdn> partnerPool() {
    return Optional.ofNullable(partnerPool);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StandardEditionPool that
        && fqdn.equals(that.fqdn)
        && server.equals(that.server)
        && Objects.equals(partnerPool, that.partnerPool)
        && product == that.product;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fqdn, server, partnerPool, product);
  }

  @Override
  public String toString() {
    return "StandardEditionPool[" + fqdn + ", server=" + server
        + (partnerPool == null ? "" : ", partner=" + partnerPool)
        + (product == ProductVersion.LYNC_SERVER_2013 ? "" : ", " + product) + "]";
  }
}
