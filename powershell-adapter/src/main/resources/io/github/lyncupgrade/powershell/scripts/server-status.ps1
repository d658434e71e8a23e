# lync-upgrade:server-status
param($p)
# FE-2c: each Lync service and its status, w3svc's status, and the build of Server\Core\RtcHost.exe
# under the folder of whichever product is installed: Lync Server 2013, Skype for Business Server
# 2015 or 2019. The SDK reads exactly one build: none found is no build, never 0.0.0.0.
$session = __Open $p.Server $p
try {
  Invoke-Command -Session $session -ArgumentList ($p.Shapes -eq 'True') -ScriptBlock {
    param($shapes)
    $ErrorActionPreference = 'Stop'
    $services = @(Get-CsWindowsService)
    foreach ($service in $services) {
      [pscustomobject]@{ Kind = 'Service'; Name = __TextOrNull $service.Name; Status = __TextOrNull $service.Status }
    }
    $web = Get-Service -Name W3SVC
    [pscustomobject]@{ Kind = 'WebService'; Status = __TextOrNull $web.Status }
    foreach ($product in 'Microsoft Lync Server 2013', 'Skype for Business Server 2015', 'Skype for Business Server 2019') {
      $path = Join-Path $env:ProgramFiles "$product\Server\Core\RtcHost.exe"
      if (Test-Path -LiteralPath $path) {
        $core = Get-Item -LiteralPath $path
        [pscustomobject]@{ Kind = 'Build'; Product = $product; ProductVersion = __TextOrNull $core.VersionInfo.ProductVersion }
      }
    }
    if ($shapes) {
      __Shape 'Get-CsWindowsService' @($services)[0]
    }
  }
} finally {
  Remove-PSSession -Session $session
}
