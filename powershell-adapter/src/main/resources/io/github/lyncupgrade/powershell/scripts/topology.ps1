# lync-upgrade:topology
param($p)
# Reads the pools, their editions, Front Ends, upgrade domains, user stores, collocated databases
# and disaster-recovery partners. Written from Microsoft's cmdlet reference.
$collocated = @{}
foreach ($kind in 'ArchivingDatabase', 'MonitoringDatabase', 'PersistentChatDatabase', 'PersistentChatComplianceDatabase') {
  $parameters = @{ $kind = $true }
  foreach ($database in @(Get-CsService @parameters -ErrorAction SilentlyContinue)) {
    $key = ([string]$database.PoolFqdn + '\' + [string]$database.SqlInstanceName).ToLowerInvariant()
    $collocated[$key] = @($collocated[$key]) + $kind.Replace('Database', '')
  }
}
foreach ($registrar in @(Get-CsService -Registrar)) {
  $poolFqdn = [string]$registrar.PoolFqdn
  $computers = @((Get-CsPool -Identity $poolFqdn).Computers | ForEach-Object { [string]$_ })
  $userServer = Get-CsService -UserServer -PoolFqdn $poolFqdn
  $store = Get-CsService -Identity ([string]$userServer.UserDatabase)
  $standard = ([string]$store.PoolFqdn -eq $poolFqdn) -and $computers.Count -eq 1
  $key = ([string]$store.PoolFqdn + '\' + [string]$store.SqlInstanceName).ToLowerInvariant()
  $partner = Get-CsPoolBackupRelationship -PoolFqdn $poolFqdn -ErrorAction SilentlyContinue
  [pscustomobject]@{
    Kind = 'Pool'; Fqdn = $poolFqdn; Edition = if ($standard) { 'Standard' } else { 'Enterprise' }
    Servers = $computers -join ','; SqlServer = [string]$store.PoolFqdn; SqlInstance = [string]$store.SqlInstanceName
    Collocated = if ($standard) { '' } else { @($collocated[$key] | Where-Object { $_ }) -join ',' }
    Partner = if ($partner) { [string]$partner.BackupPoolFqdn } else { '' }
  }
  if (-not $standard) {
    # Upgrade domains come from the pool itself (T-2); the cmdlet only runs locally on one of its Front Ends.
    $state = Invoke-Command -Session (__Session $computers[0]) -ScriptBlock { Get-CsPoolUpgradeReadinessState }
    foreach ($domain in @($state.UpgradeDomains)) {
      [pscustomobject]@{
        Kind = 'Domain'; Pool = $poolFqdn; Name = [string]$domain.UpgradeDomain
        FrontEnds = (@($domain.FrontEnds) | ForEach-Object { [string]$_ }) -join ','
      }
    }
  }
}
