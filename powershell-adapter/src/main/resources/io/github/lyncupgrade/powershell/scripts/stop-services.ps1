# lync-upgrade:stop-services
param($p)
# FE-2a (graceful unless in a scheduled downtime), BE-4, BE-9 (in a new session: it loads the
# updated module). -eq compares strings case-insensitively: 'true' or 'True'.
$session = __Open $p.Server $p
try {
  $null = Invoke-Command -Session $session -ArgumentList ($p.Graceful -eq 'True') -ScriptBlock {
    param($graceful)
    $ErrorActionPreference = 'Stop'
    if ($graceful) { Stop-CsWindowsService -Graceful -Verbose } else { Stop-CsWindowsService -Verbose }
  }
} finally {
  Remove-PSSession -Session $session
}
