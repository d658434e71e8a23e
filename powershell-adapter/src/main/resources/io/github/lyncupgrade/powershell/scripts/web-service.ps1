# lync-upgrade:web-service
param($p)
# BE-5 (net stop w3svc), BE-10 (net start w3svc), as idempotent service calls.
$null = Invoke-Command -Session (__Session $p.Server) -ArgumentList ($p.Action -eq 'start') -ScriptBlock {
  param($start)
  if ($start) { Start-Service -Name W3SVC } else { Stop-Service -Name W3SVC -Force }
}
