# lync-upgrade:cms-failover
param($p)
# CR-9: move the Central Management Store to the partner's Back End before its pool fails over,
# running the cmdlet on a server of the pool that takes it ($p.Server), as its reference asks.
# Planned: no target parameters (the store is still available; the cmdlet waits for replication and
# takes the backup the topology names). Disaster mode: -BackupSqlServerFqdn (and instance) -Force.
# Where the store is comes from Get-CsConfigurationStoreLocation, before (nothing to do if it is
# there already) and after (it must be there now).
function Get-StoreServer {
  $location = __TextOrNull (Get-CsConfigurationStoreLocation)
  if (-not $location) {
    throw 'Get-CsConfigurationStoreLocation reported no location for the Central Management Store'
  }
  ($location -split '[\\/]')[0]
}
if ((Get-StoreServer) -eq $p.SqlServer) {
  return
}
$session = __Open $p.Server $p
try {
  Invoke-Command -Session $session -ArgumentList ($p.DisasterMode -eq 'True'), $p.SqlServer, $p.SqlInstance -ScriptBlock {
    param($disaster, $sqlServer, $sqlInstance)
    $ErrorActionPreference = 'Stop'
    if (-not $disaster) {
      $null = Invoke-CsManagementServerFailover -Confirm:$false
    } elseif ($sqlInstance) {
      $null = Invoke-CsManagementServerFailover -BackupSqlServerFqdn $sqlServer -BackupSqlInstanceName $sqlInstance -Force -Confirm:$false
    } else {
      $null = Invoke-CsManagementServerFailover -BackupSqlServerFqdn $sqlServer -Force -Confirm:$false
    }
  }
} finally {
  Remove-PSSession -Session $session
}
$now = Get-StoreServer
if ($now -ne $p.SqlServer) {
  throw "after Invoke-CsManagementServerFailover the Central Management Store is on $now, not on $($p.SqlServer)"
}
