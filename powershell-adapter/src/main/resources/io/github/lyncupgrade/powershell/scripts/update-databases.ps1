# lync-upgrade:update-databases
param($p)
# BE-11a/b/c: exactly one Install-CsDatabase variant, chosen by the SDK, never built from text.
# BE-11c acts on the local computer, so it runs in a session on the Standard Edition server; it
# reads the topology from the Central Management Store, a second hop when the store is elsewhere
# (docs/decisions.md says how: the store on that server, delegation, or a session configuration).
switch ($p.Variant) {
  'CONFIGURED_DATABASES' {
    $null = Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn $p.SqlServer -Confirm:$false
  }
  'CONFIGURED_DATABASES_EXCLUDING_COLLOCATED' {
    $null = Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn $p.SqlServer -ExcludeCollocatedStores -Confirm:$false
  }
  'LOCAL_DATABASES' {
    $session = __Open $p.SqlServer $p
    try {
      $null = Invoke-Command -Session $session -ScriptBlock {
        $ErrorActionPreference = 'Stop'
        Install-CsDatabase -Update -LocalDatabases -Confirm:$false
      }
    } finally {
      Remove-PSSession -Session $session
    }
  }
  default { throw "unknown Install-CsDatabase variant '$($p.Variant)'" }
}
