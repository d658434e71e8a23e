# lync-upgrade:reset-registrar-state
param($p)
# CR-3: only when the plan's options allow it explicitly; otherwise the run stops and tells the operator.
$null = Reset-CsPoolRegistrarState -PoolFqdn $p.Pool -ResetType QuorumLossRecovery -Confirm:$false
