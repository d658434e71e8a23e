package io.github.lyncupgrade.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Enterprise Edition pool: Front End servers in upgrade domains and a Back End SQL Server
 * store. Immutable and thread-safe; built with {@link Pool#enterprise(String)}.
 */
public final class EnterprisePool implements Pool {
  private final Fqdn fqdn;
  private final List<UpgradeDomain> upgradeDomains;
  private final List<Server> frontEnds;
  private final BackEndStore backEnd;
  private final Fqdn partnerPool;
  private final ProductVersion product;

  EnterprisePool(Fqdn fqdn, List<UpgradeDomain> upgradeDomains, BackEndStore backEnd, Fqdn partnerPool,
      ProductVersion product) {
    this.product = product;
    this.fqdn = fqdn;
    this.upgradeDomains = List.copyOf(upgradeDomains);
    this.frontEnds = this.upgradeDomains.stream().flatMap(domain -> domain.servers().stream()).toList();
    this.backEnd = backEnd;
    this.partnerPool = partnerPool;
  }

  @Override
  public Fqdn fqdn() {
    return fqdn;
  }

  @Override
  public Edition edition() {
    return Edition.ENTERPRISE;
  }

  /** The upgrade domains in topology order (T-2); never empty, pairwise disjoint. */
  public List<UpgradeDomain> upgradeDomains() {
    return upgradeDomains;
  }

  /** The upgrade domain named {@code name}, if the pool has one. */
  public Optional<UpgradeDomain> upgradeDomain(String name) {
    return upgradeDomains.stream().filter(domain -> domain.name().equals(name)).findFirst();
  }

  /** The Back End SQL Server store. */
  public BackEndStore backEnd() {
    return backEnd;
  }

  @Override
  public List<Server> frontEnds() {
    return frontEnds;
  }

  @Override
  public Fqdn backEndHost() {
    return backEnd.sqlServer();
  }

  @Override
  public Fqdn databaseTarget() {
    return backEnd.databaseTarget();
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
    return other instanceof EnterprisePool that
        && fqdn.equals(that.fqdn)
        && upgradeDomains.equals(that.upgradeDomains)
        && backEnd.equals(that.backEnd)
        && Objects.equals(partnerPool, that.partnerPool)
        && product == that.product;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fqdn, upgradeDomains, backEnd, partnerPool, product);
  }

  @Override
  public String toString() {
    return "EnterprisePool[" + fqdn + ", domains=" + upgradeDomains + ", backEnd=" + backEnd
        + (partnerPool == null ? "" : ", partner=" + partnerPool)
        + (product == ProductVersion.LYNC_SERVER_2013 ? "" : ", " + product) + "]";
  }
}
