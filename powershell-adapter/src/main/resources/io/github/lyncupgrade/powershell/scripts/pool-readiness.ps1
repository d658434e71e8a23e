# lync-upgrade:pool-readiness
param($p)
# FE-1, FE-2. The readiness cmdlet only runs locally on a Front End of the pool: $p.Server is one.
# CR-4: Skype for Business Server 2019 reports it with Get-CsUpgradeDomainInfo (same output type).
# Remoting brings objects back to depth 1 (each upgrade domain would arrive as a string), so the
# fields are projected into plain values inside the remote block. A property the cmdlet does not
# have arrives as $null, which the SDK refuses: never "not ready" by luck, never a nameless domain.
$session = __Open $p.Server $p
try {
  Invoke-Command -Session $session -ArgumentList ($p.Product -eq 'SKYPE_FOR_BUSINESS_SERVER_2019'), ($p.Shapes -eq 'True') -ScriptBlock {
    param($is2019, $shapes)
    $ErrorActionPreference = 'Stop'
    if ($is2019) { $state = Get-CsUpgradeDomainInfo } else { $state = Get-CsPoolUpgradeReadinessState }
    [pscustomobject]@{
      Kind = 'Pool'; PoolUpgradeState = __TextOrNull $state.PoolUpgradeState
      TotalFrontEnds = $state.TotalFrontEnds; TotalActiveFrontEnds = $state.TotalActiveFrontEnds
    }
    foreach ($domain in @($state.UpgradeDomains)) {
      [pscustomobject]@{
        Kind = 'Domain'; UpgradeDomain = __TextOrNull $domain.UpgradeDomain; FrontEnds = __Names $domain.FrontEnds
        ReadyForUpgrade = $domain.ReadyForUpgrade
      }
    }
    if ($shapes) {
      __Shape 'PoolUpgradeState' $state
      __Shape 'UpgradeDomains[0]' @($state.UpgradeDomains)[0]
    }
  }
} finally {
  Remove-PSSession -Session $session
}
