# lync-upgrade:stop-services
param($p)
# FE-2a (graceful unless in a scheduled downtime), BE-4, BE-9. -eq compares strings case-insensitively: 'true' or 'True'.
$null = Invoke-Command -Session (__Session $p.Server) -ArgumentList ($p.Graceful -eq 'True') -ScriptBlock {
  param($graceful)
  if ($graceful) { Stop-CsWindowsService -Graceful -Verbose } else { Stop-CsWindowsService -Verbose }
}
