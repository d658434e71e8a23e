# lync-upgrade:pool-readiness
param($p)
# FE-1, FE-2. Get-CsPoolUpgradeReadinessState only runs locally on a Front End of the pool: $p.Server is one.
$state = Invoke-Command -Session (__Session $p.Server) -ScriptBlock { Get-CsPoolUpgradeReadinessState }
[pscustomobject]@{
  Kind = 'Pool'; State = [string]$state.PoolUpgradeState
  FrontEnds = [string]$state.TotalFrontEnds; ActiveFrontEnds = [string]$state.TotalActiveFrontEnds
}
foreach ($domain in @($state.UpgradeDomains)) {
  [pscustomobject]@{
    Kind = 'Domain'; Name = [string]$domain.UpgradeDomain
    FrontEnds = (@($domain.FrontEnds) | ForEach-Object { [string]$_ }) -join ','
    ReadyForUpgrade = [string]$domain.ReadyForUpgrade
  }
}
