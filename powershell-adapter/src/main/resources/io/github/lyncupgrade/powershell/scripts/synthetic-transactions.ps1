# lync-upgrade:synthetic-transactions
param($p)
# Lync's synthetic transactions against the pool: can users sign in and exchange an instant message?
# They need the pool's health-monitoring test users (New-CsHealthMonitoringConfiguration).
foreach ($test in @('Test-CsRegistration', 'Test-CsIM')) {
  try {
    $result = & $test -TargetFqdn $p.Pool -ErrorAction Stop
    [pscustomobject]@{ Kind = 'Test'; Test = $test; Result = __TextOrNull $result.Result; Detail = [string]$result.Error }
  } catch {
    [pscustomobject]@{ Kind = 'Test'; Test = $test; Result = 'Failure'; Detail = $_.Exception.Message }
  }
}
