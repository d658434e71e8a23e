/**
 * Carries an upgrade plan out on real Lync servers through PowerShell. It has no API yet: the
 * session, the commands and {@code PowerShellDeployment} arrive with the adapter issue, and
 * their packages will be exported then.
 */
module io.github.lyncupgrade.powershell {
  requires io.github.lyncupgrade.core;
  requires org.slf4j;
}
