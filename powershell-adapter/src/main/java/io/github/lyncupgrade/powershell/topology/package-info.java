/**
 * Start here to plan from the topology Lync already wrote down, offline, on any machine:
 * {@link io.github.lyncupgrade.powershell.topology.LyncTopologyReader} reads the published
 * topology ({@code Get-CsTopology -AsXml}) or a Topology Builder file ({@code .tbxml}), from a
 * path, a stream or text, into an
 * {@link io.github.lyncupgrade.powershell.topology.ImportedTopology}: the validated
 * {@link io.github.lyncupgrade.core.model.Topology} with the document's warnings and the clusters
 * it skipped (Edge, SQL, file, Office Web Apps, gateways...).
 *
 * <p>What the documents do not carry, disaster-recovery partners and SQL mirrors above all, is
 * given beside them in a {@link io.github.lyncupgrade.powershell.topology.TopologyOverlay}. A
 * document that cannot be used is refused with a
 * {@link io.github.lyncupgrade.powershell.topology.TopologyDocumentException} naming every
 * problem with its line and element. The reader uses only the JDK's StAX parser, hardened
 * against hostile XML.
 */
package io.github.lyncupgrade.powershell.topology;
