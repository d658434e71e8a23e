package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Machine;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.SqlInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * A Topology Builder file ({@code .tbxml}): {@code TopologyBuilder/NewTopology/PartialTopology}
 * (a file saved from a published deployment also has an {@code OriginalTopology}, which is not
 * current and is not read), sites holding their clusters, each cluster its {@code Machines} (in
 * topology order; a machine without {@code Fqdn} takes its cluster's) and {@code SqlInstances},
 * and {@code Services} that refer to clusters, SQL instances and each other by {@code UniqueId}.
 */
final class TopologyBuilderParser extends DocumentParser {
  private boolean sawNewTopology;

  TopologyBuilderParser(XmlCursor xml, Findings findings) {
    super(xml, findings);
  }

  @Override
  TopologyDocument parse() {
    SourceLocation root = xml.location("TopologyBuilder");
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "NewTopology" -> {
          sawNewTopology = true;
          children("NewTopology", "PartialTopology", this::partialTopology);
        }
        case "OriginalTopology" -> xml.skip();
        default -> notUnderstood("TopologyBuilder");
      }
    }
    if (!sawNewTopology) {
      findings.problem(root, "the file has no NewTopology, the topology Topology Builder would publish");
    }
    return new TopologyDocument(DocumentShape.TOPOLOGY_BUILDER, clusters, sqlInstances, services);
  }

  private void partialTopology() {
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "CentralSites" -> children("CentralSites", "CentralSite", () -> site(false));
        case "Services" -> children("Services", "Service", this::service);
        case "InternalDomains", "SimpleUrlConfiguration" -> xml.skip();
        default -> notUnderstood("PartialTopology");
      }
    }
  }

  /** A central site, or a branch site inside its {@code RemoteSites}; both hold {@code Clusters}. */
  private void site(boolean branch) {
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "Clusters" -> children("Clusters", "Cluster", () -> cluster(branch));
        case "RemoteSites" -> children("RemoteSites", "RemoteSite", () -> site(true));
        case "Name", "Location" -> xml.skip();
        default -> notUnderstood(branch ? "RemoteSite" : "CentralSite");
      }
    }
  }

  private void cluster(boolean branch) {
    String key = xml.attribute("UniqueId");
    String fqdn = xml.attribute("Fqdn");
    String single = xml.attribute("IsSingleMachineOnly");
    SourceLocation at = xml.location(Shown.element("Cluster", "Fqdn", fqdn));
    List<Machine> machines = new ArrayList<>();
    while (xml.nextChild()) {
      switch (xml.inMicrosoftSchemas() ? xml.localName() : "") {
        case "Machines" -> children("Machines", "Machine", () -> {
          String machineFqdn = xml.attribute("Fqdn");
          machines.add(new Machine(machineFqdn, xml.attribute("UpgradeDomain"), null,
              xml.location(Shown.element("Machine", "Fqdn", machineFqdn == null ? fqdn : machineFqdn))));
          xml.skip();
        });
        case "SqlInstances" -> children("SqlInstances", "SqlInstance", () -> sqlInstance(key));
        default -> notUnderstood("Cluster");
      }
    }
    if (key == null) {
      findings.problem(at, "the cluster has no UniqueId, so no service can be installed on it");
      return;
    }
    clusters.add(new Cluster(key, fqdn, branch, single == null ? null : Boolean.valueOf(single), machines, at));
  }

  private void sqlInstance(String clusterKey) {
    String key = xml.attribute("UniqueId");
    String name = xml.attribute("Name") == null ? "" : xml.attribute("Name");
    SourceLocation at = xml.location(Shown.element("SqlInstance", "Name", name));
    checkSqlInstanceAttributes(at);
    String primary = xml.attribute("AlwaysOnPrimaryNodeFqdn");
    while (xml.nextChild()) {
      notUnderstood("SqlInstance");
    }
    if (key == null) {
      findings.problem(at, "the SQL instance has no UniqueId, so no store can be installed on it");
      return;
    }
    sqlInstances.add(new SqlInstance(key, clusterKey, name, primary, at, at));
  }

  private void service() {
    ServiceDraft service = new ServiceDraft();
    service.key = xml.attribute("UniqueId");
    service.role = xml.attribute("RoleName");
    service.serviceVersion = xml.attribute("ServiceVersion");
    service.installedOn = xml.attribute("InstalledOn");
    SourceLocation at = xml.location(Shown.element("Service", "RoleName", service.role));
    while (xml.nextChild()) {
      if (serviceRoleDetail(service)) {
        continue;
      }
      if (xml.inMicrosoftSchemas() && xml.localName().equals("DependsOn")) {
        children("DependsOn", "Dependency", () -> {
          String usage = xml.attribute("Usage");
          service.dependencies.add(dependency(xml.attribute("ServiceUniqueId"), usage,
              xml.location(Shown.element("Dependency", "Usage", usage))));
          xml.skip();
        });
      } else {
        notUnderstood("Service");
      }
    }
    if (service.key == null) {
      findings.problem(at, "the service has no UniqueId, so no other service can depend on it");
      return;
    }
    services.add(service.build(at));
  }
}
