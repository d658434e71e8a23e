# lync-upgrade:server-status
param($p)
# FE-2c: every Lync service runs; w3svc; the build of the installed Lync Server core.
Invoke-Command -Session (__Session $p.Server) -ScriptBlock {
  $services = @(Get-CsWindowsService)
  $stopped = @($services | Where-Object { $_.Status -ne 'Running' })
  $web = Get-Service -Name W3SVC -ErrorAction SilentlyContinue
  $core = Get-Item -Path "$env:ProgramFiles\Microsoft Lync Server 2013\Server\Core\RtcHost.exe" -ErrorAction SilentlyContinue
  [pscustomobject]@{
    ServicesRunning = [string]($services.Count -gt 0 -and $stopped.Count -eq 0)
    WebServiceRunning = [string]($null -ne $web -and [string]$web.Status -eq 'Running')
    Version = if ($core) { [string]$core.VersionInfo.ProductVersion } else { '0.0.0.0' }
  }
} | Select-Object ServicesRunning, WebServiceRunning, Version
