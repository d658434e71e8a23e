package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Machine;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.SqlInstance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The published topology ({@code Get-CsTopology -AsXml}): {@code Sites}, {@code Clusters} with
 * their {@code ClusterId SiteId= Number=} and {@code Machine OrdinalInCluster=} children, the
 * top-level {@code SqlInstances}, and {@code Services} that refer to each other by
 * {@code ServiceId SiteId= RoleName= Instance=} and to clusters by {@code ClusterId}.
 */
final class PublishedTopologyParser extends DocumentParser {
  /** Clusters as read, with their site, made {@link Cluster}s once every site is known. */
  private record SitedCluster(String siteId, String key, String fqdn, List<Machine> machines, SourceLocation location) {}

  /** A {@code SqlInstanceId}: the instance {@code name} of the SQL Server cluster {@code clusterKey}. */
  private record InstanceId(String key, String clusterKey, String name, SourceLocation location) {}

  private final List<SitedCluster> sited = new ArrayList<>();
  private final Set<String> branchSites = new HashSet<>();

  PublishedTopologyParser(XmlCursor xml, Findings findings) {
    super(xml, findings);
  }

  @Override
  TopologyDocument parse() {
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "Sites" -> sites();
        case "Clusters" -> children("Clusters", "Cluster", this::cluster);
        case "SqlInstances" -> children("SqlInstances", "SqlInstance", this::sqlInstance);
        case "Services" -> children("Services", "Service", this::service);
        case "InternalDomains", "SimpleUrlConfiguration" -> xml.skip();
        default -> notUnderstood("Topology");
      }
    }
    for (SitedCluster cluster : sited) {
      clusters.add(new Cluster(cluster.key(), cluster.fqdn(), branchSites.contains(cluster.siteId()), null,
          cluster.machines(), cluster.location()));
    }
    return new TopologyDocument(DocumentShape.PUBLISHED_TOPOLOGY, clusters, sqlInstances, services);
  }

  /** {@code CentralSite} is a central site; any other kind of site holds branch appliances. */
  private void sites() {
    while (xml.nextChild()) {
      if (xml.inMicrosoftSchemas() && !xml.localName().equals("CentralSite")) {
        branchSites.add(xml.attribute("SiteId"));
        if (!xml.localName().equals("BranchSite")) {
          findings.warn(xml.location(xml.localName()), "a site of an unknown kind; its clusters are counted as branch"
              + " appliances unless they host user services");
        }
        xml.skip();
      } else if (xml.inMicrosoftSchemas()) {
        xml.skip();
      } else {
        notUnderstood("Sites");
      }
    }
  }

  private void cluster() {
    String fqdn = xml.attribute("Fqdn");
    SourceLocation at = xml.location(Shown.element("Cluster", "Fqdn", fqdn));
    String siteId = null;
    String key = null;
    List<Machine> machines = new ArrayList<>();
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "ClusterId" -> {
          siteId = xml.attribute("SiteId");
          key = clusterKey(at);
        }
        case "Machine" -> {
          String machineFqdn = xml.attribute("Fqdn");
          machines.add(new Machine(machineFqdn, xml.attribute("UpgradeDomain"), xml.attribute("OrdinalInCluster"),
              xml.location(Shown.element("Machine", "Fqdn", machineFqdn))));
          xml.skip();
        }
        default -> notUnderstood("Cluster");
      }
    }
    if (key == null) {
      findings.problem(at, "the cluster has no ClusterId, so no service can be installed on it");
      return;
    }
    sited.add(new SitedCluster(siteId, key, fqdn, machines, at));
  }

  /** The key of the {@code ClusterId} the cursor is on: its SiteId and Number. */
  private String clusterKey(SourceLocation within) {
    String site = xml.attribute("SiteId");
    String number = xml.attribute("Number");
    if (site == null || number == null) {
      findings.problem(xml.location("ClusterId"), "ClusterId needs SiteId and Number (in " + within.element() + ")");
    }
    xml.skip();
    return "cluster " + site + "/" + number;
  }

  private void sqlInstance() {
    String primary = xml.attribute("AlwaysOnPrimaryNodeFqdn");
    SourceLocation start = xml.location(Shown.element("SqlInstance", "AlwaysOnPrimaryNodeFqdn", primary));
    checkSqlInstanceAttributes(start);
    InstanceId id = null;
    while (xml.nextChild()) {
      if (xml.inMicrosoftSchemas() && xml.localName().equals("SqlInstanceId")) {
        id = sqlInstanceId();
      } else {
        notUnderstood("SqlInstance");
      }
    }
    if (id == null) {
      findings.problem(start, "the SQL instance has no SqlInstanceId, so no store can be installed on it");
      return;
    }
    sqlInstances.add(new SqlInstance(id.key(), id.clusterKey(), id.name(), primary, id.location(), start));
  }

  /** The {@code SqlInstanceId Name=} with its {@code ClusterId} the cursor is on. */
  private InstanceId sqlInstanceId() {
    String name = xml.attribute("Name") == null ? "" : xml.attribute("Name");
    SourceLocation at = xml.location(Shown.element("SqlInstanceId", "Name", name));
    String cluster = null;
    while (xml.nextChild()) {
      if (xml.inMicrosoftSchemas() && xml.localName().equals("ClusterId")) {
        cluster = clusterKey(at);
      } else {
        notUnderstood("SqlInstanceId");
      }
    }
    if (cluster == null) {
      findings.problem(at, "SqlInstanceId needs the ClusterId of the SQL Server that holds it");
    }
    return new InstanceId("sql " + cluster + "/" + name.toLowerCase(Locale.ROOT), cluster, name, at);
  }

  private void service() {
    SourceLocation start = xml.location("Service");
    ServiceDraft service = new ServiceDraft();
    service.serviceVersion = xml.attribute("ServiceVersion");
    while (xml.nextChild()) {
      if (serviceRoleDetail(service)) {
        continue;
      }
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "ServiceId" -> {
          service.role = xml.attribute("RoleName");
          service.key = serviceKey();
        }
        case "DependsOn" -> dependencies(service);
        case "InstalledOn" -> service.installedOn = installedOn();
        default -> notUnderstood("Service");
      }
    }
    if (service.key == null) {
      findings.problem(start, "the service has no ServiceId, so nothing can tell what it is");
      return;
    }
    services.add(service.build(new SourceLocation(start.source(), start.line(),
        Shown.element("Service", "RoleName", service.role))));
  }

  /** The key of the {@code ServiceId SiteId= RoleName= Instance=} the cursor is on. */
  private String serviceKey() {
    String key = "service " + xml.attribute("SiteId") + "/" + xml.attribute("RoleName") + "/" + xml.attribute("Instance");
    xml.skip();
    return key;
  }

  private void dependencies(ServiceDraft service) {
    children("DependsOn", "Dependency", () -> {
      SourceLocation at = xml.location(Shown.element("Dependency", "Usage", xml.attribute("Usage")));
      String usage = xml.attribute("Usage");
      String target = null;
      while (xml.nextChild()) {
        if (xml.inMicrosoftSchemas() && xml.localName().equals("ServiceId")) {
          target = serviceKey();
        } else {
          notUnderstood("Dependency");
        }
      }
      service.dependencies.add(dependency(target, usage, at));
    });
  }

  private String installedOn() {
    String key = null;
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "ClusterId" -> key = clusterKey(xml.location("InstalledOn"));
        case "SqlInstanceId" -> key = sqlInstanceId().key();
        default -> notUnderstood("InstalledOn");
      }
    }
    return key;
  }
}
