# lync-upgrade:topology
param($p)
# Reads the pools, their products, editions, Front Ends, upgrade domains, user stores (with their
# mirror), collocated databases, disaster-recovery partners and the Central Management Store's pool.
# Written from Microsoft's cmdlet reference; the Registrar's Version (6: Lync Server 2013, 7: Skype
# for Business Server 2015, 8: 2019) and the store's MirrorSqlServer are to confirm on a lab.
$collocated = @{}
foreach ($kind in 'ArchivingDatabase', 'MonitoringDatabase', 'PersistentChatDatabase', 'PersistentChatComplianceDatabase') {
  $parameters = @{ $kind = $true }
  foreach ($database in @(Get-CsService @parameters -ErrorAction SilentlyContinue)) {
    $key = ([string]$database.PoolFqdn + '\' + [string]$database.SqlInstanceName).ToLowerInvariant()
    $collocated[$key] = @($collocated[$key]) + $kind.Replace('Database', '')
  }
}
$cms = @(Get-CsService -CentralManagement -ErrorAction SilentlyContinue) | Select-Object -First 1
if ($cms) { [pscustomobject]@{ Kind = 'CentralManagementStore'; Pool = [string]$cms.PoolFqdn } }
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
    Version = [string]$registrar.Version; Mirror = [string]$store.MirrorSqlServer
  }
  if (-not $standard) {
    # Upgrade domains come from the pool itself (T-2); the cmdlet only runs locally on one of its Front Ends.
    $is2019 = [string]$registrar.Version -eq '8'
    $state = Invoke-Command -Session (__Session $computers[0]) -ArgumentList $is2019 -ScriptBlock {
      param($is2019)
      if ($is2019) { Get-CsUpgradeDomainInfo } else { Get-CsPoolUpgradeReadinessState }
    }
    foreach ($domain in @($state.UpgradeDomains)) {
      [pscustomobject]@{
        Kind = 'Domain'; Pool = $poolFqdn; Name = [string]$domain.UpgradeDomain
        FrontEnds = (@($domain.FrontEnds) | ForEach-Object { [string]$_ }) -join ','
      }
    }
  }
}
