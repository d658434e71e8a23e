/**
 * Carries an upgrade plan out on real Lync servers through PowerShell. The session, commands
 * and deployment arrive with the adapter issue; the module exists so the build's layout is final.
 */
module io.github.lyncupgrade.powershell {
  requires io.github.lyncupgrade.core;
  requires org.slf4j;

  exports io.github.lyncupgrade.powershell;
}
