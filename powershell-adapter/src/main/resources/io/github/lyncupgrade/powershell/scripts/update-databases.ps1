# lync-upgrade:update-databases
param($p)
# BE-11a/b/c: exactly one Install-CsDatabase variant, chosen by the SDK, never built from text.
switch ($p.Variant) {
  'CONFIGURED_DATABASES' {
    $null = Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn $p.SqlServer -Confirm:$false
  }
  'CONFIGURED_DATABASES_EXCLUDING_COLLOCATED' {
    $null = Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn $p.SqlServer -ExcludeCollocatedStores -Confirm:$false
  }
  'LOCAL_DATABASES' {
    $null = Invoke-Command -Session (__Session $p.SqlServer) -ScriptBlock { Install-CsDatabase -Update -LocalDatabases -Confirm:$false }
  }
  default { throw "unknown Install-CsDatabase variant '$($p.Variant)'" }
}
