# lync-upgrade:fail-over
param($p)
# FE-1c: move the pool's users to its disaster-recovery partner.
$null = Invoke-CsPoolFailOver -PoolFqdn $p.Pool -DisasterMode -Confirm:$false
