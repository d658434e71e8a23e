# lync-upgrade:fabric-state
param($p)
# CR-2, CR-3: Get-CsPoolFabricState writes a report (its output type is String), not objects. The
# report comes back whole and the SDK reads each routing group's primary, secondaries and missing
# replicas from it; a report from which no routing group can be read is refused, never "none missing".
$lines = @(Get-CsPoolFabricState -PoolFqdn $p.Pool -Type Routing -Verbose 4>&1 | ForEach-Object { [string]$_ })
[pscustomobject]@{ Kind = 'Report'; Text = $lines -join "`n" }
