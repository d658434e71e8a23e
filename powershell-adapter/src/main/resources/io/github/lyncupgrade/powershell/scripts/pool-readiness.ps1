# lync-upgrade:pool-readiness
param($p)
# FE-1, FE-2. The readiness cmdlet only runs locally on a Front End of the pool: $p.Server is one.
# CR-4: Skype for Business Server 2019 reports it with Get-CsUpgradeDomainInfo (same output type).
$state = Invoke-Command -Session (__Session $p.Server) -ArgumentList ($p.Product -eq 'SKYPE_FOR_BUSINESS_SERVER_2019') -ScriptBlock {
  param($is2019)
  if ($is2019) { Get-CsUpgradeDomainInfo } else { Get-CsPoolUpgradeReadinessState }
}
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
