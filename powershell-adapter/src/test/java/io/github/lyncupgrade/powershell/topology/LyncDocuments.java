package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.core.model.BackEndStore;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a topology as Lync's tools would: a published topology ({@code Get-CsTopology -AsXml})
 * or a Topology Builder file ({@code .tbxml}), with clusters to skip (an Edge pool, a Director, a
 * Survivable Branch Appliance in a branch site, whose Registrar is no Director either, and an
 * Office Web Apps server), and the overlay (JSON) of what the documents do not carry. Written
 * independently of the reader, from the shapes in {@code ../shared/notes/topology-xml.md}, for
 * round-trip tests and for the fake shell's {@code Get-CsTopology -AsXml}.
 */
public final class LyncDocuments {
  private static final String SERVICE_ROLES = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";

  private LyncDocuments() {}

  /** How a document's bytes are laid out. */
  public enum Encoding {
    UTF8_LF, UTF8_BOM_LF, UTF8_CRLF,
    /**
     * What Windows PowerShell's {@code Get-CsTopology -AsXml | Out-File} writes: UTF-16 LE with a
     * byte-order mark, CRLF, and no XML declaration; a document that has one says {@code utf-16}.
     */
    UTF16LE_BOM_CRLF,
    UTF16BE_BOM_LF;

    /** The description the reader gives of it. */
    public String description() {
      return switch (this) {
        case UTF8_LF, UTF8_CRLF -> "UTF-8";
        case UTF8_BOM_LF -> "UTF-8 with a byte-order mark";
        case UTF16LE_BOM_CRLF -> "UTF-16 LE with a byte-order mark";
        case UTF16BE_BOM_LF -> "UTF-16 BE with a byte-order mark";
      };
    }
  }

  /** {@code xml} (LF line ends, UTF-8 if it declares an encoding) laid out as {@code encoding}. */
  public static byte[] encoded(String xml, Encoding encoding) {
    String utf16 = xml.replaceFirst("^(<\\?xml[^>]*encoding=\")utf-8\"", "$1utf-16\"");
    return switch (encoding) {
      case UTF8_LF -> xml.getBytes(StandardCharsets.UTF_8);
      case UTF8_BOM_LF -> ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_8);
      case UTF8_CRLF -> xml.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
      case UTF16LE_BOM_CRLF -> ("\uFEFF" + utf16.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE);
      case UTF16BE_BOM_LF -> ("\uFEFF" + utf16).getBytes(StandardCharsets.UTF_16BE);
    };
  }

  /** The overlay file of what the documents do not carry: partners, mirrors, Persistent Chat stores. */
  public static String overlayJson(Topology topology) {
    List<String> pools = new ArrayList<>();
    for (Pool pool : topology.pools()) {
      List<String> fields = new ArrayList<>();
      pool.partnerPool().ifPresent(partner -> fields.add("\"partnerPool\": \"" + partner + "\""));
      if (pool instanceof EnterprisePool enterprise) {
        List<String> backEnd = new ArrayList<>();
        enterprise.backEnd().mirror().ifPresent(mirror -> backEnd.add("\"mirror\": \"" + mirror + "\""));
        List<String> unknownToDocuments = enterprise.backEnd().collocatedDatabases().stream()
            .filter(database -> database != CollocatedDatabase.ARCHIVING && database != CollocatedDatabase.MONITORING)
            .map(database -> "\"" + database.name().toLowerCase(Locale.ROOT) + "\"").toList();
        if (!unknownToDocuments.isEmpty()) {
          backEnd.add("\"collocated\": [" + String.join(", ", unknownToDocuments) + "]");
        }
        if (!backEnd.isEmpty()) {
          fields.add("\"backEnd\": {" + String.join(", ", backEnd) + "}");
        }
      }
      if (!fields.isEmpty()) {
        pools.add("    { \"fqdn\": \"" + pool.fqdn() + "\",\n      " + String.join(",\n      ", fields) + " }");
      }
    }
    return "{ \"pools\": [\n" + String.join(",\n", pools) + " ] }\n";
  }

  /** The published topology of {@code topology}, as {@code Get-CsTopology -AsXml} returns it (no declaration). */
  public static String published(Topology topology) {
    return new Layout(topology).published();
  }

  /** A Topology Builder file of {@code topology}, as saved after a download (GUID identities). */
  public static String topologyBuilder(Topology topology) {
    return new Layout(topology).topologyBuilder();
  }

  /** The clusters, SQL instances and services a deployment of {@code topology} has, then written in either shape. */
  private static final class Layout {
    record Machine(String fqdn, String upgradeDomain) {}

    /** A cluster of the central site (1) or of the branch site (2), numbered within its site. */
    record Cluster(int site, int number, String fqdn, List<Machine> machines, List<Instance> instances) {}

    record Instance(Cluster cluster, String name, String alwaysOnPrimary) {}

    record Service(String role, int instance, ProductVersion product, Cluster onCluster, Instance onInstance,
        List<Service> dependencies, String detail) {}

    private static final int CENTRAL_SITE = 1;
    private static final int BRANCH_SITE = 2;

    private final List<Cluster> clusters = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final Map<String, Cluster> sqlClusters = new LinkedHashMap<>();
    private final Map<String, Integer> instances = new LinkedHashMap<>();

    Layout(Topology topology) {
      for (Pool pool : topology.pools()) {
        pool(pool, topology.hostsCentralManagementStore(pool.fqdn()));
      }
      Cluster edge = cluster("edge.contoso.com", List.of(new Machine("edge01.contoso.com", null),
          new Machine("edge02.contoso.com", null)));
      service("EdgeServer", ProductVersion.LYNC_SERVER_2013, edge, null, List.of(), null);
      Cluster director = cluster("director.contoso.com", List.of(new Machine("dir01.contoso.com", "UpgradeDomain1")));
      service("Registrar", ProductVersion.LYNC_SERVER_2013, director, null, List.of(),
          "<RegistrarService xmlns=\"" + SERVICE_ROLES + "\" IsDirector=\"true\" />");
      Cluster branch = cluster(BRANCH_SITE, "sba01.branch.contoso.com",
          List.of(new Machine("sba01.branch.contoso.com", "sba01.branch.contoso.com")));
      Service appliance = service("Registrar", ProductVersion.LYNC_SERVER_2013, branch, null, List.of(),
          "<RegistrarService xmlns=\"" + SERVICE_ROLES + "\" IsDirector=\"false\" />");
      service("MediationServer", ProductVersion.LYNC_SERVER_2013, branch, null, List.of(appliance), null);
      Cluster wac = cluster("wac01", List.of(new Machine("wac01", null)));
      service("WacService", ProductVersion.LYNC_SERVER_2013, wac, null, List.of(), null);
    }

    private void pool(Pool pool, boolean hostsStore) {
      ProductVersion product = pool.product();
      Instance store;
      Cluster cluster;
      List<Service> registrarDependencies = new ArrayList<>();
      if (pool instanceof StandardEditionPool standard) {
        cluster = cluster(pool.fqdn().toString(), List.of(new Machine(standard.server().toString(),
            standard.server().toString())));
        store = new Instance(cluster, "rtc", null);
        cluster.instances().add(store);
      } else {
        EnterprisePool enterprise = (EnterprisePool) pool;
        List<Machine> machines = new ArrayList<>();
        for (UpgradeDomain domain : enterprise.upgradeDomains()) {
          for (Server server : domain.servers()) {
            machines.add(new Machine(server.toString(), domain.name()));
          }
        }
        cluster = cluster(pool.fqdn().toString(), machines);
        BackEndStore backEnd = enterprise.backEnd();
        String sqlFqdn = backEnd.listener().orElse(backEnd.sqlServer()).toString();
        Cluster sql = sqlClusters.computeIfAbsent(sqlFqdn,
            fqdn -> cluster(fqdn, List.of(new Machine(backEnd.sqlServer().toString(), null))));
        store = new Instance(sql, backEnd.instanceName().orElse(""),
            backEnd.listener().isPresent() ? backEnd.sqlServer().toString() : null);
        sql.instances().add(store);
        for (CollocatedDatabase database : backEnd.collocatedDatabases()) {
          if (database == CollocatedDatabase.ARCHIVING) {
            registrarDependencies.add(service("ArchivingStore", product, null, store, List.of(), null));
          } else if (database == CollocatedDatabase.MONITORING) {
            registrarDependencies.add(service("MonitoringStore", product, null, store, List.of(), null));
          }
        }
      }
      Service userStore = service("UserStore", product, null, store, List.of(), null);
      service("ApplicationStore", product, null, store, List.of(), null);
      Service userServices = service("UserServices", product, cluster, null, List.of(userStore), null);
      registrarDependencies.add(0, userServices);
      service("Registrar", product, cluster, null, registrarDependencies,
          "<RegistrarService xmlns=\"" + SERVICE_ROLES + "\" IsDirector=\"false\" />");
      if (hostsStore) {
        Service database = service("CentralMgmtStore", product, null, store, List.of(), null);
        service("CentralMgmt", product, cluster, null, List.of(database),
            "<CentralMgmtService xmlns=\"" + SERVICE_ROLES + "\" IsActive=\"true\" />");
      }
    }

    private Cluster cluster(String fqdn, List<Machine> machines) {
      return cluster(CENTRAL_SITE, fqdn, machines);
    }

    private Cluster cluster(int site, String fqdn, List<Machine> machines) {
      int number = (int) clusters.stream().filter(cluster -> cluster.site() == site).count() + 1;
      Cluster cluster = new Cluster(site, number, fqdn, machines, new ArrayList<>());
      clusters.add(cluster);
      return cluster;
    }

    private static int site(Service service) {
      return service.onCluster() != null ? service.onCluster().site() : service.onInstance().cluster().site();
    }

    private Service service(String role, ProductVersion product, Cluster onCluster, Instance onInstance,
        List<Service> dependencies, String detail) {
      int instance = instances.merge(role, 1, Integer::sum);
      Service service = new Service(role, instance, product, onCluster, onInstance, List.copyOf(dependencies), detail);
      services.add(service);
      return service;
    }

    private static String version(ProductVersion product) {
      return switch (product) {
        case LYNC_SERVER_2013 -> "6";
        case SKYPE_FOR_BUSINESS_SERVER_2015 -> "7";
        case SKYPE_FOR_BUSINESS_SERVER_2019 -> "8";
      };
    }

    String published() {
      StringBuilder xml = new StringBuilder();
      xml.append("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\" Signature=\"")
          .append(UUID.nameUUIDFromBytes("signature".getBytes(StandardCharsets.UTF_8))).append("\">\n")
          .append("  <InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"contoso.com\">\n")
          .append("    <InternalDomain Name=\"contoso.com\" Authoritative=\"false\" AllowSubDomains=\"false\" />\n")
          .append("  </InternalDomains>\n  <Sites>\n    <CentralSite SiteId=\"1\">\n      <Name>Site</Name>\n")
          .append("    </CentralSite>\n    <BranchSite SiteId=\"2\" ParentSiteId=\"1\">\n      <Name>Branch</Name>\n")
          .append("    </BranchSite>\n  </Sites>\n  <Clusters>\n");
      for (Cluster cluster : clusters) {
        xml.append("    <Cluster RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"").append(cluster.fqdn())
            .append("\">\n      ").append(clusterId(cluster)).append("\n");
        for (int i = 0; i < cluster.machines().size(); i++) {
          Machine machine = cluster.machines().get(i);
          xml.append("      <Machine OrdinalInCluster=\"").append(i + 1).append("\" Fqdn=\"").append(machine.fqdn())
              .append('"').append(machine.upgradeDomain() == null ? "" : " UpgradeDomain=\"" + machine.upgradeDomain() + "\"")
              .append(">\n        <NetInterface InterfaceSide=\"Primary\" InterfaceNumber=\"1\" IPAddress=\"0.0.0.0\" />\n")
              .append("      </Machine>\n");
        }
        xml.append("    </Cluster>\n");
      }
      xml.append("  </Clusters>\n  <SqlInstances>\n");
      for (Cluster cluster : clusters) {
        for (Instance instance : cluster.instances()) {
          xml.append("    <SqlInstance").append(instance.alwaysOnPrimary() == null ? ""
                  : " AlwaysOnPrimaryNodeFqdn=\"" + instance.alwaysOnPrimary() + "\"").append(">\n")
              .append("      ").append(publishedInstanceId(instance, "      ")).append("    </SqlInstance>\n");
        }
      }
      xml.append("  </SqlInstances>\n  <Services>\n");
      for (Service service : services) {
        xml.append("    <Service RoleVersion=\"1\" ServiceVersion=\"").append(version(service.product())).append("\">\n")
            .append("      ").append(serviceId(service)).append("\n      <DependsOn>\n");
        for (Service dependency : service.dependencies()) {
          xml.append("        <Dependency Usage=\"Default\">\n          ").append(serviceId(dependency))
              .append("\n        </Dependency>\n");
        }
        xml.append("      </DependsOn>\n      <InstalledOn>\n        ")
            .append(service.onCluster() != null ? clusterId(service.onCluster()) + "\n"
                : publishedInstanceId(service.onInstance(), "        "))
            .append("      </InstalledOn>\n")
            .append("      <Ports xmlns=\"").append(SERVICE_ROLES).append("\" />\n");
        if (service.detail() != null) {
          xml.append("      ").append(service.detail()).append('\n');
        }
        xml.append("    </Service>\n");
      }
      return xml.append("  </Services>\n</Topology>\n").toString();
    }

    private static String serviceId(Service service) {
      return "<ServiceId SiteId=\"" + site(service) + "\" RoleName=\"" + service.role() + "\" Instance=\""
          + service.instance() + "\" />";
    }

    private static String clusterId(Cluster cluster) {
      return "<ClusterId SiteId=\"" + cluster.site() + "\" Number=\"" + cluster.number() + "\" />";
    }

    private static String publishedInstanceId(Instance instance, String indent) {
      return "<SqlInstanceId Name=\"" + instance.name() + "\">\n" + indent + "  " + clusterId(instance.cluster()) + "\n"
          + indent + "</SqlInstanceId>\n";
    }

    String topologyBuilder() {
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
      xml.append("<TopologyBuilder IsFreeFromChanges=\"true\" xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008\">\n")
          .append("  <NewTopology>\n    <PartialTopology IsPublished=\"true\" xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008\">\n")
          .append("      <InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"contoso.com\" xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\" />\n")
          .append("      <CentralSites>\n        <CentralSite SiteId=\"1\">\n")
          .append("          <Name xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">Site</Name>\n")
          .append("          <Clusters>\n");
      clusters.stream().filter(cluster -> cluster.site() == CENTRAL_SITE).forEach(cluster -> builderCluster(xml, cluster));
      xml.append("          </Clusters>\n          <RemoteSites>\n            <RemoteSite SiteId=\"2\">\n")
          .append("              <Name xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">Branch</Name>\n")
          .append("              <Clusters>\n");
      clusters.stream().filter(cluster -> cluster.site() == BRANCH_SITE).forEach(cluster -> builderCluster(xml, cluster));
      xml.append("              </Clusters>\n            </RemoteSite>\n          </RemoteSites>\n        </CentralSite>\n")
          .append("      </CentralSites>\n      <Services>\n");
      for (Service service : services) {
        xml.append("        <Service UniqueId=\"").append(id(service)).append("\" RoleName=\"").append(service.role())
            .append("\" RoleVersion=\"1\" InstalledOn=\"")
            .append(service.onCluster() != null ? id(service.onCluster()) : id(service.onInstance()))
            .append("\" ServiceVersion=\"").append(version(service.product())).append("\">\n          <DependsOn>\n")
            .append(service.dependencies().stream().map(dependency -> "            <Dependency ServiceUniqueId=\""
                + id(dependency) + "\" Usage=\"Default\" />\n").collect(Collectors.joining()))
            .append("          </DependsOn>\n");
        if (service.detail() != null) {
          xml.append("          ").append(service.detail()).append('\n');
        }
        xml.append("        </Service>\n");
      }
      return xml.append("      </Services>\n    </PartialTopology>\n  </NewTopology>\n</TopologyBuilder>\n").toString();
    }

    private static void builderCluster(StringBuilder xml, Cluster cluster) {
      boolean single = cluster.machines().size() == 1 && cluster.machines().get(0).fqdn().equals(cluster.fqdn());
      xml.append("            <Cluster IsSingleMachineOnly=\"").append(single).append("\" UniqueId=\"").append(id(cluster))
          .append("\" RequiresReplication=\"true\" RequiresSetup=\"true\" Fqdn=\"").append(cluster.fqdn())
          .append("\">\n              <Machines>\n");
      for (Machine machine : cluster.machines()) {
        xml.append("                <Machine").append(single ? "" : " Fqdn=\"" + machine.fqdn() + "\"")
            .append(machine.upgradeDomain() == null ? "" : " UpgradeDomain=\"" + machine.upgradeDomain() + "\"")
            .append(" />\n");
      }
      xml.append("              </Machines>\n              <SqlInstances>\n");
      for (Instance instance : cluster.instances()) {
        xml.append("                <SqlInstance UniqueId=\"").append(id(instance)).append("\" Name=\"")
            .append(instance.name()).append('"')
            .append(instance.alwaysOnPrimary() == null ? "" : " AlwaysOnPrimaryNodeFqdn=\"" + instance.alwaysOnPrimary() + "\"")
            .append(" />\n");
      }
      xml.append("              </SqlInstances>\n            </Cluster>\n");
    }

    private static String id(Object part) {
      String name = part instanceof Cluster cluster ? "cluster " + cluster.site() + "/" + cluster.number() + " " + cluster.fqdn()
          : part instanceof Instance instance ? "instance " + instance.cluster().site() + "/" + instance.cluster().number()
              + " " + instance.name()
          : "service " + ((Service) part).role() + " " + ((Service) part).instance();
      return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
  }
}
