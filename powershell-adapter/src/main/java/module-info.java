/**
 * Carries an upgrade plan out on real Lync servers through a long-lived PowerShell session:
 * {@link io.github.lyncupgrade.powershell.PowerShellSession} runs the SDK's own scripts with
 * values passed as data.
 */
module io.github.lyncupgrade.powershell {
  requires transitive io.github.lyncupgrade.core;
  requires org.slf4j;
  requires com.sun.jna;
  requires com.sun.jna.platform;
  // sun.misc.Signal: the command's Ctrl-C handling (a second signal, which shutdown hooks never see)
  requires jdk.unsupported;
  requires java.xml;
  // The command-line front end's optional dependencies (see the pom).
  requires static info.picocli;
  requires static com.fasterxml.jackson.core;
  requires static io.github.lyncupgrade.testkit;

  exports io.github.lyncupgrade.powershell;
  exports io.github.lyncupgrade.powershell.topology;
  opens io.github.lyncupgrade.powershell.cli to info.picocli;
}
