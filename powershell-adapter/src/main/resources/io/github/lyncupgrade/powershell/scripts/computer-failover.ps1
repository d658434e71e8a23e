# lync-upgrade:computer-failover
param($p)
# CR-3a: drain the Front End (bounded by the plan's draining timeout), then stop and disable its
# services. -DrainingTimeout and -WaitTime are TimeSpans: a bare number would be read as ticks
# (1800 is 0.18 ms, a forced drain), so each is built from its seconds with New-TimeSpan.
$draining = [int]$p.DrainingTimeoutSeconds
$wait = [int]$p.WaitTimeSeconds
if ($draining -le 0 -or $wait -le 0) {
  throw "lync-upgrade: Invoke-CsComputerFailOver needs a positive draining timeout and wait time, got '$($p.DrainingTimeoutSeconds)' and '$($p.WaitTimeSeconds)'"
}
$null = Invoke-CsComputerFailOver -ComputerName $p.Server -DrainingTimeout (New-TimeSpan -Seconds $draining) -WaitTime (New-TimeSpan -Seconds $wait) -Confirm:$false
