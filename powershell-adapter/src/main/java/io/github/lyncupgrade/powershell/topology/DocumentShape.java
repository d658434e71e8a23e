package io.github.lyncupgrade.powershell.topology;

/** The two shapes in which Microsoft's tools write a topology; told apart by the root element, never the file name. */
public enum DocumentShape {
  /**
   * The published topology: what {@code Get-CsTopology -AsXml} returns and
   * {@code Publish-CsTopology -FileName} takes; root {@code Topology} in
   * {@code urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008}.
   */
  PUBLISHED_TOPOLOGY("published topology (Get-CsTopology -AsXml)"),
  /**
   * A Topology Builder file ({@code .tbxml}): root {@code TopologyBuilder} in
   * {@code urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008}; only its
   * {@code NewTopology} is read.
   */
  TOPOLOGY_BUILDER("Topology Builder file (.tbxml)");

  private final String description;

  DocumentShape(String description) {
    this.description = description;
  }

  @Override
  public String toString() {
    return description;
  }
}
