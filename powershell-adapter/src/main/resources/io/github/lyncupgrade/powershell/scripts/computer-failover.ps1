# lync-upgrade:computer-failover
param($p)
# CR-3a: drain the Front End (bounded by the plan's draining timeout), then stop and disable its services.
$null = Invoke-CsComputerFailOver -ComputerName $p.Server -DrainingTimeout ([int]$p.DrainingTimeout) -Confirm:$false
