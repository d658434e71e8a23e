/**
 * The lync-upgrade core: a validated model of a Lync Server 2013 topology
 * ({@link io.github.lyncupgrade.core.model}) and the planner that turns it into ordered,
 * explained upgrade steps ({@link io.github.lyncupgrade.core.plan}), and the service provider
 * interface an executor needs from a deployment ({@link io.github.lyncupgrade.core.run}).
 */
module io.github.lyncupgrade.core {
  requires com.google.common;
  requires org.slf4j;

  exports io.github.lyncupgrade.core.model;
  exports io.github.lyncupgrade.core.plan;
  exports io.github.lyncupgrade.core.run;
  // Escaping of untrusted text for messages, shared with the command line; not an API.
  exports io.github.lyncupgrade.core.internal to io.github.lyncupgrade.powershell;
}
