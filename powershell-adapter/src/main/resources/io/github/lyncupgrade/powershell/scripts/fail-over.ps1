# lync-upgrade:fail-over
param($p)
# FE-1c: move the pool's users to its disaster-recovery partner. A readiness check has just found a
# problem, but the pool answered it: the planned form, unless the plan asks for -DisasterMode (for a
# pool that is no longer accessible, as Microsoft's reference keeps it).
if ($p.DisasterMode -eq 'True') {
  $null = Invoke-CsPoolFailOver -PoolFqdn $p.Pool -DisasterMode -Confirm:$false
} else {
  $null = Invoke-CsPoolFailOver -PoolFqdn $p.Pool -Confirm:$false
}
