# lync-upgrade:start-services
param($p)
$null = Invoke-Command -Session (__Session $p.Server) -ScriptBlock { Start-CsWindowsService }
