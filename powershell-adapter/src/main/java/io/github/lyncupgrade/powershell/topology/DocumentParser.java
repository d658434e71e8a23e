package io.github.lyncupgrade.powershell.topology;

import io.github.lyncupgrade.powershell.topology.TopologyDocument.Cluster;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Dependency;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.Service;
import io.github.lyncupgrade.powershell.topology.TopologyDocument.SqlInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the two shapes' parsers share: the walk, the findings, what they collect, and the parts
 * both shapes write alike (a service's role details, a SQL instance's attributes). A parser
 * reads what it understands, skips what is known to carry nothing for an upgrade (ports, network
 * interfaces, web components), and warns, with the line, about any other element in a place
 * where the topology is described, so that nothing is dropped silently.
 */
abstract class DocumentParser {
  /** The namespace of the services' role details ({@code RegistrarService}, {@code CentralMgmtService}, ports). */
  static final String SERVICE_ROLES = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";
  private static final Set<String> SQL_INSTANCE_ATTRIBUTES = Set.of("UniqueId", "Name", "AlwaysOnPrimaryNodeFqdn");

  final XmlCursor xml;
  final Findings findings;
  final List<Cluster> clusters = new ArrayList<>();
  final List<SqlInstance> sqlInstances = new ArrayList<>();
  final List<Service> services = new ArrayList<>();

  DocumentParser(XmlCursor xml, Findings findings) {
    this.xml = xml;
    this.findings = findings;
  }

  /** Parses the document; the cursor is on its root element. */
  abstract TopologyDocument parse();

  /** Walks the current element's children, handing those named {@code child} to {@code each} and warning about others. */
  final void children(String container, String child, Runnable each) {
    while (xml.nextChild()) {
      if (xml.inMicrosoftSchemas() && xml.localName().equals(child)) {
        each.run();
      } else {
        notUnderstood(container);
      }
    }
  }

  /** Warns that the current element is not understood, and skips it. */
  final void notUnderstood(String where) {
    String name = xml.inMicrosoftSchemas() ? xml.localName() : "{" + Shown.value(xml.namespace()) + "}" + xml.localName();
    findings.warn(xml.location(Shown.value(name)), "element not understood in " + where + "; ignored");
    xml.skip();
  }

  /** Warns about attributes of a SQL instance that could say something the reader does not know (a mirror?). */
  final void checkSqlInstanceAttributes(SourceLocation at) {
    for (String attribute : xml.attributeNames()) {
      if (!SQL_INSTANCE_ATTRIBUTES.contains(attribute)) {
        findings.warn(at, "attribute " + Shown.value(attribute) + "='" + Shown.value(xml.attribute(attribute))
            + "' not understood; if it names a SQL Server mirror, give the mirror in the overlay");
      }
    }
  }

  /**
   * Handles one child of a {@code Service} that both shapes write alike: the role details
   * (reading {@code RegistrarService@IsDirector} and {@code CentralMgmtService@IsActive}) and the
   * ports, which carry nothing for an upgrade. Returns false for any other child.
   */
  final boolean serviceRoleDetail(ServiceDraft service) {
    if (!SERVICE_ROLES.equals(xml.namespace())) {
      return false;
    }
    switch (xml.localName()) {
      case "RegistrarService" -> service.isDirector = xml.attribute("IsDirector");
      case "CentralMgmtService" -> service.centralManagementActive = xml.attribute("IsActive");
      default -> { }
    }
    xml.skip();
    return true;
  }

  /** A dependency whose {@code Usage} is not the only one ever seen is worth the operator's eyes. */
  final Dependency dependency(String serviceKey, String usage, SourceLocation at) {
    if (!"Default".equals(usage)) {
      findings.warn(at, "dependency usage " + (usage == null ? "missing" : "'" + Shown.value(usage) + "'")
          + " not understood (only 'Default' is known); if it pairs pools for disaster recovery or mirrors a"
          + " store, say so in the overlay");
    }
    return new Dependency(serviceKey, usage, at);
  }

  /** A service being read. */
  static final class ServiceDraft {
    String key;
    String role;
    String serviceVersion;
    String installedOn;
    final List<Dependency> dependencies = new ArrayList<>();
    String isDirector;
    String centralManagementActive;

    Service build(SourceLocation at) {
      return new Service(key, role, serviceVersion, installedOn, dependencies, isDirector, centralManagementActive, at);
    }
  }
}
