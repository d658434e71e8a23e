# lync-upgrade:web-service
param($p)
# BE-5 (net stop w3svc), BE-10 (net start w3svc) as service cmdlets: idempotent (a second run finds
# it stopped and goes on), failing with an error rather than an exit code nobody reads, and checked after.
$session = __Open $p.Server $p
try {
  $null = Invoke-Command -Session $session -ArgumentList ($p.Action -eq 'start') -ScriptBlock {
    param($start)
    $ErrorActionPreference = 'Stop'
    if ($start) { Start-Service -Name W3SVC; $wanted = 'Running' } else { Stop-Service -Name W3SVC -Force; $wanted = 'Stopped' }
    $status = [string](Get-Service -Name W3SVC).Status
    if ($status -ne $wanted) { throw "W3SVC is $status, not $wanted" }
  }
} finally {
  Remove-PSSession -Session $session
}
