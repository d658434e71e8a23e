# lync-upgrade:fail-back
param($p)
# SDK-3: bring the pool's users back from its partner.
$null = Invoke-CsPoolFailBack -PoolFqdn $p.Pool -Confirm:$false
