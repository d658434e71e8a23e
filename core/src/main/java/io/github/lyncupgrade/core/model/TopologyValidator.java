package io.github.lyncupgrade.core.model;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Pool.Builder.DomainDraft;
import io.github.lyncupgrade.core.model.TopologyProblem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks builders' raw input and builds the model only when nothing is wrong, collecting every
 * problem with its path rather than stopping at the first. One instance validates one topology.
 */
final class TopologyValidator {
  private static final Pattern DOMAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
  private static final String RESERVED_DOMAIN_NAME = "back-end";
  private static final Pattern SQL_INSTANCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,15}");

  private final List<TopologyProblem> problems = new ArrayList<>();
  private final Map<Fqdn, Claim> claims = new HashMap<>();

  /** Who uses an FQDN first: a pool, a Front End server (with its pool and domain) or a SQL Server. */
  private record Claim(String path, Role role, int pool, String domain) {}

  private enum Role { POOL, FRONT_END, SQL_SERVER }

  Pool buildPool(String path, Pool.Builder draft) {
    Pool pool = checkPool(path, 0, draft);
    Fqdn partner = checkPartnerForm(path, draft);
    if (partner != null && pool != null && partner.equals(pool.fqdn())) {
      problem(path + ".partnerPool", Kind.SELF_PARTNER, "the pool names itself as its disaster-recovery partner");
    }
    throwIfAnyProblem();
    return pool;
  }

  Topology buildTopology(List<Pool.Builder> drafts, String centralManagementStorePool) {
    if (drafts.isEmpty()) {
      problem("pools", Kind.EMPTY_TOPOLOGY, "the topology has no pool; add one with Topology.builder().pool(...)");
    }
    List<Pool> pools = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      pools.add(checkPool(path(i), i, drafts.get(i)));
    }
    checkPartners(drafts, pools);
    checkSharedStores(pools);
    Fqdn store = checkCentralManagementStore(drafts, centralManagementStorePool);
    throwIfAnyProblem();
    return new Topology(pools, store);
  }

  private static String path(int poolIndex) {
    return "pools[" + poolIndex + "]";
  }

  /** Checks one pool; returns it built when it has no problem of its own, else null. */
  private Pool checkPool(String path, int index, Pool.Builder draft) {
    int problemsBefore = problems.size();
    Fqdn fqdn = fqdn(path + ".fqdn", draft.fqdn);
    if (fqdn != null) {
      claim(fqdn, path + ".fqdn", new Claim(path, Role.POOL, index, null));
    }
    Pool pool = draft.edition == Edition.ENTERPRISE
        ? checkEnterprise(path, index, fqdn, draft)
        : checkStandard(path, index, fqdn, draft);
    return problems.size() == problemsBefore ? pool : null;
  }

  private Pool checkEnterprise(String path, int index, Fqdn fqdn, Pool.Builder draft) {
    if (draft.upgradeDomains.isEmpty()) {
      problem(path + ".upgradeDomains", Kind.NO_UPGRADE_DOMAINS,
          "an Enterprise Edition pool needs at least one upgrade domain (T-2); "
              + "copy them from Topology Builder or Get-CsPoolUpgradeReadinessState");
    }
    if (!draft.servers.isEmpty()) {
      problem(path + ".servers", Kind.FRONT_END_WITHOUT_DOMAIN,
          "an Enterprise Edition pool's Front End servers belong to upgrade domains; "
              + "list them with upgradeDomain(name, servers...) instead of server(...)");
    }
    List<UpgradeDomain> domains = new ArrayList<>();
    Set<String> domainNames = new HashSet<>();
    int frontEnds = 0;
    for (int j = 0; j < draft.upgradeDomains.size(); j++) {
      DomainDraft domain = draft.upgradeDomains.get(j);
      String domainPath = path + ".upgradeDomains[" + j + "]";
      checkDomainName(domainPath, domain.name(), domainNames);
      if (domain.servers().isEmpty()) {
        problem(domainPath, Kind.EMPTY_UPGRADE_DOMAIN,
            "upgrade domain '" + Text.printable(String.valueOf(domain.name())) + "' has no servers");
      }
      List<Server> servers = new ArrayList<>();
      for (int k = 0; k < domain.servers().size(); k++) {
        String serverPath = domainPath + ".servers[" + k + "]";
        Fqdn server = fqdn(serverPath, domain.servers().get(k));
        if (server != null) {
          claim(server, serverPath, new Claim(serverPath, Role.FRONT_END, index, domain.name()));
          servers.add(new Server(server));
        }
      }
      frontEnds += domain.servers().size();
      domains.add(new UpgradeDomain(String.valueOf(domain.name()), servers));
    }
    if (frontEnds > draft.product.maxFrontEnds()) {
      problem(path + ".upgradeDomains", Kind.TOO_MANY_FRONT_ENDS,
          "the pool has " + frontEnds + " Front End servers; " + draft.product + " supports at most "
              + draft.product.maxFrontEnds() + " in an Enterprise Edition pool");
    }
    BackEndStore backEnd = checkBackEnd(path, index, draft);
    return new EnterprisePool(fqdn, domains, backEnd, partnerOrNull(draft), draft.product);
  }

  private void checkDomainName(String domainPath, String name, Set<String> seen) {
    if (name == null || !DOMAIN_NAME.matcher(name).matches()
        || name.equalsIgnoreCase(RESERVED_DOMAIN_NAME)) {
      problem(domainPath + ".name", Kind.INVALID_DOMAIN_NAME,
          (name == null ? "the upgrade domain has no name" : "'" + Text.printable(name) + "' is not usable")
              + "; a name is 1-64 letters, digits or _.:- starting with a letter or digit"
              + " (and not '" + RESERVED_DOMAIN_NAME + "', which names the Back End steps)");
    } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
      problem(domainPath + ".name", Kind.DUPLICATE_DOMAIN_NAME,
          "the pool has two upgrade domains named '" + name + "'");
    }
  }

  private BackEndStore checkBackEnd(String path, int index, Pool.Builder draft) {
    if (draft.sqlServer == null) {
      problem(path + ".backEnd", Kind.MISSING_BACK_END,
          "an Enterprise Edition pool needs its Back End SQL Server: backEnd(sqlServerFqdn, collocated...)");
      return null;
    }
    Fqdn sqlServer = fqdn(path + ".backEnd.sqlServer", draft.sqlServer);
    if (sqlServer != null) {
      claim(sqlServer, path + ".backEnd.sqlServer",
          new Claim(path + ".backEnd.sqlServer", Role.SQL_SERVER, index, null));
    }
    if (draft.sqlInstance != null && !SQL_INSTANCE.matcher(draft.sqlInstance).matches()) {
      problem(path + ".backEnd.sqlInstance", Kind.INVALID_SQL_INSTANCE,
          "'" + Text.printable(draft.sqlInstance) + "' is not a SQL Server instance name"
              + " (1-16 letters, digits or '_', not starting with a digit)");
    }
    if (draft.mirroredAndAlwaysOn) {
      problem(path + ".backEnd", Kind.MIRRORED_AND_ALWAYS_ON,
          "the Back End store is named both mirrored and AlwaysOn (a mirror and an availability group listener);"
              + " a store is one or the other: keep the one Topology Builder shows");
      return null;
    }
    Fqdn partner = null;
    if (draft.highAvailability == BackEndHighAvailability.ALWAYS_ON && draft.storePartner == null) {
      problem(path + ".backEnd.listener", Kind.MISSING_LISTENER,
          "an AlwaysOn Back End store is updated through its availability group listener; name it with"
              + " alwaysOnListener(listenerFqdn)");
    } else if (draft.storePartner != null) {
      partner = fqdn(path + ".backEnd." + (draft.highAvailability == BackEndHighAvailability.ALWAYS_ON
          ? "listener" : "mirror"), draft.storePartner);
    }
    boolean complete = sqlServer != null
        && (draft.storePartner == null ? draft.highAvailability != BackEndHighAvailability.ALWAYS_ON : partner != null);
    return complete
        ? new BackEndStore(sqlServer, draft.sqlInstance, draft.collocated, draft.highAvailability, partner)
        : null;
  }

  private Pool checkStandard(String path, int index, Fqdn fqdn, Pool.Builder draft) {
    if (!draft.upgradeDomains.isEmpty()) {
      problem(path + ".upgradeDomains", Kind.STANDARD_WITH_UPGRADE_DOMAINS,
          "a Standard Edition pool is one server and has no upgrade domains; remove them,"
              + " or build the pool with Pool.enterprise(...)");
    }
    if (draft.sqlServer != null || draft.sqlInstance != null || !draft.collocated.isEmpty()
        || draft.highAvailability != BackEndHighAvailability.STANDALONE) {
      problem(path + ".backEnd", Kind.STANDARD_WITH_BACK_END,
          "a Standard Edition server holds its own databases (SQL Server Express, BE-11c);"
              + " remove backEnd(...)");
    }
    if (draft.servers.size() > 1) {
      problem(path + ".servers", Kind.STANDARD_SERVER_COUNT,
          "a Standard Edition pool has exactly one server, but " + draft.servers.size() + " are listed");
    }
    Fqdn server = fqdn;
    if (draft.servers.size() == 1) {
      server = fqdn(path + ".servers[0]", draft.servers.get(0));
      if (server != null && !server.equals(fqdn)) {
        claim(server, path + ".servers[0]", new Claim(path + ".servers[0]", Role.FRONT_END, index, null));
      }
    }
    return server == null ? null : new StandardEditionPool(fqdn, new Server(server), partnerOrNull(draft), draft.product);
  }

  private void checkPartners(List<Pool.Builder> drafts, List<Pool> pools) {
    Map<Fqdn, Integer> poolIndex = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      Optional<Fqdn> fqdn = parsed(drafts.get(i).fqdn);
      if (fqdn.isPresent()) {
        poolIndex.putIfAbsent(fqdn.get(), i);
      }
    }
    for (int i = 0; i < drafts.size(); i++) {
      String partnerPath = path(i) + ".partnerPool";
      Fqdn partner = checkPartnerForm(path(i), drafts.get(i));
      Optional<Fqdn> self = parsed(drafts.get(i).fqdn);
      if (partner == null || self.isEmpty()) {
        continue;
      }
      if (partner.equals(self.get())) {
        problem(partnerPath, Kind.SELF_PARTNER, "the pool names itself as its disaster-recovery partner");
        continue;
      }
      Integer partnerIndex = poolIndex.get(partner);
      if (partnerIndex == null) {
        problem(partnerPath, Kind.UNKNOWN_PARTNER,
            "partner pool " + partner + " is not a pool of this topology; add it, or remove the pairing");
        continue;
      }
      Optional<Fqdn> partnersPartner = parsed(drafts.get(partnerIndex).partnerPool);
      ProductVersion partnerProduct = drafts.get(partnerIndex).product;
      if (partnersPartner.equals(self) && partnerProduct != drafts.get(i).product && i < partnerIndex) {
        problem(partnerPath, Kind.PARTNER_PRODUCT_MISMATCH, "the pool runs " + drafts.get(i).product
            + " but its disaster-recovery partner " + partner + " runs " + partnerProduct
            + "; paired pools run the same product");
      }
      if (!partnersPartner.equals(self)) {
        problem(partnerPath, Kind.PARTNER_NOT_RECIPROCAL,
            "the pool pairs with " + partner + " (" + path(partnerIndex) + "), but that pool pairs with "
                + partnersPartner.map(Fqdn::toString).orElse("no pool")
                + "; disaster-recovery pairs name each other");
      }
    }
  }

  private Fqdn checkCentralManagementStore(List<Pool.Builder> drafts, String poolText) {
    if (poolText == null) {
      return null;
    }
    Fqdn pool = fqdn("centralManagementStore", poolText);
    if (pool != null && drafts.stream().noneMatch(draft -> parsed(draft.fqdn).equals(Optional.of(pool)))) {
      problem("centralManagementStore", Kind.UNKNOWN_CENTRAL_MANAGEMENT_STORE_POOL,
          "the Central Management Store's pool " + pool + " is not a pool of this topology; add it, or leave"
              + " the store unnamed (Get-CsManagementStoreLocation names its SQL Server)");
      return null;
    }
    return pool;
  }

  private void checkSharedStores(List<Pool> pools) {
    Map<String, Integer> stores = new HashMap<>();
    for (int i = 0; i < pools.size(); i++) {
      if (pools.get(i) instanceof EnterprisePool enterprise) {
        String store = enterprise.backEnd().storeName().toLowerCase(Locale.ROOT);
        Integer first = stores.putIfAbsent(store, i);
        if (first != null) {
          problem(path(i) + ".backEnd", Kind.SHARED_BACK_END,
              "the SQL Server store " + enterprise.backEnd().storeName() + " is already the back end of "
                  + path(first) + "; each pool has its own store");
        }
      }
    }
  }

  private Fqdn checkPartnerForm(String path, Pool.Builder draft) {
    return draft.partnerPool == null ? null : fqdn(path + ".partnerPool", draft.partnerPool);
  }

  private static Fqdn partnerOrNull(Pool.Builder draft) {
    return parsed(draft.partnerPool).orElse(null);
  }

  private static Optional<Fqdn> parsed(String text) {
    return text == null || Fqdn.problemWith(text).isPresent() ? Optional.empty() : Optional.of(Fqdn.of(text));
  }

  private Fqdn fqdn(String path, String text) {
    Optional<String> problem = Fqdn.problemWith(text);
    if (problem.isPresent()) {
      String shown = text == null ? "the name" : "'" + Text.printable(text) + "'";
      problem(path, Kind.MALFORMED_FQDN, shown + " " + problem.get());
      return null;
    }
    return Fqdn.of(text);
  }

  private void claim(Fqdn fqdn, String path, Claim claim) {
    Claim first = claims.putIfAbsent(fqdn, claim);
    if (first == null || (first.role() == Role.SQL_SERVER && claim.role() == Role.SQL_SERVER)) {
      return;
    }
    boolean sameFrontEndPool = first.role() == Role.FRONT_END && claim.role() == Role.FRONT_END
        && first.pool() == claim.pool() && first.domain() != null
        && !first.domain().equals(claim.domain());
    if (sameFrontEndPool) {
      problem(path, Kind.SERVER_IN_TWO_DOMAINS,
          "server " + fqdn + " is in upgrade domains '" + first.domain() + "' and '" + claim.domain()
              + "'; upgrade domains are disjoint (T-2)");
    } else {
      problem(path, Kind.DUPLICATE_FQDN, fqdn + " is already used at " + first.path());
    }
  }

  private void problem(String path, Kind kind, String message) {
    problems.add(new TopologyProblem(path, kind, message));
  }

  private void throwIfAnyProblem() {
    if (!problems.isEmpty()) {
      throw new InvalidTopologyException(problems);
    }
  }
}
