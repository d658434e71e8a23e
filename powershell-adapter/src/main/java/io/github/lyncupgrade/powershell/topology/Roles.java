package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.ProductVersion;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The service roles the documents name, and what the reader makes of them. */
final class Roles {
  static final String USER_SERVICES = "UserServices";
  static final String REGISTRAR = "Registrar";
  static final String USER_STORE = "UserStore";
  static final String CENTRAL_MANAGEMENT = "CentralMgmt";
  static final String CENTRAL_MANAGEMENT_STORE = "CentralMgmtStore";
  static final String EDGE = "EdgeServer";
  static final String OFFICE_WEB_APPS = "WacService";
  static final String PSTN_GATEWAY = "PstnGateway";
  static final String MEDIATION = "MediationServer";
  static final String FILE_STORE = "FileStore";

  /** Stores that share a Back End with the pool's own databases and make it BE-11b. */
  static final Map<String, CollocatedDatabase> COLLOCATED_STORES = Map.of(
      "ArchivingStore", CollocatedDatabase.ARCHIVING,
      "MonitoringStore", CollocatedDatabase.MONITORING);

  /**
   * Stores that are known and are not "collocated" in BE-11b's sense: the pool's own
   * ({@code UserStore}, {@code ApplicationStore}), the Central Management Store's database, and
   * file shares.
   */
  private static final Set<String> OTHER_STORES = Set.of(USER_STORE, "ApplicationStore", CENTRAL_MANAGEMENT_STORE,
      FILE_STORE);

  /** Every role seen in real documents; any other is reported as not understood. */
  private static final Set<String> KNOWN = Set.of(USER_SERVICES, REGISTRAR, USER_STORE, "ApplicationStore",
      CENTRAL_MANAGEMENT, CENTRAL_MANAGEMENT_STORE, FILE_STORE, "WebServices", "ConfServices", "ApplicationServer",
      MEDIATION, EDGE, "ManagementServices", OFFICE_WEB_APPS, PSTN_GATEWAY, "ArchivingStore", "MonitoringStore");

  /** {@code ServiceVersion} of the user services and Registrar: the product. */
  private static final Map<String, ProductVersion> PRODUCTS = Map.of(
      "6", ProductVersion.LYNC_SERVER_2013,
      "7", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015,
      "8", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019);

  private Roles() {}

  static boolean isKnown(String role) {
    return KNOWN.contains(role);
  }

  /** A role that names a store (ends in {@code Store}) this reader does not know, such as Persistent Chat's. */
  static boolean isUnknownStore(String role) {
    return role != null && role.endsWith("Store") && !COLLOCATED_STORES.containsKey(role) && !OTHER_STORES.contains(role);
  }

  static Optional<ProductVersion> product(String serviceVersion) {
    return Optional.ofNullable(serviceVersion == null ? null : PRODUCTS.get(serviceVersion.strip()));
  }

  /** Why a {@code ServiceVersion} is not a product this SDK patches. */
  static String unknownProduct(String serviceVersion) {
    if (serviceVersion == null) {
      return "has no ServiceVersion, which tells the product (6 Lync Server 2013, 7 Skype for Business Server 2015,"
          + " 8 Skype for Business Server 2019)";
    }
    if (serviceVersion.strip().equals("5")) {
      return "has ServiceVersion 5, Lync Server 2010, which this SDK does not patch";
    }
    return "has ServiceVersion '" + Shown.value(serviceVersion) + "', which is no product this SDK knows (6 Lync Server"
        + " 2013, 7 Skype for Business Server 2015, 8 Skype for Business Server 2019)";
  }
}
