# lync-upgrade:install-update
param($p)
# FE-2b, BE-7: the installer runs unattended (/silentmode) and writes its logs next to itself.
$session = __Session $p.Server
$local = Join-Path 'C:\LyncUpgrade' (Split-Path $p.Location -Leaf)
if (-not (Invoke-Command -Session $session -ArgumentList $local -ScriptBlock { param($path) Test-Path $path })) {
  Invoke-Command -Session $session -ScriptBlock { $null = New-Item -ItemType Directory -Force 'C:\LyncUpgrade' }
  Copy-Item -Path $p.Location -Destination 'C:\LyncUpgrade' -ToSession $session -Force
}
$exit = Invoke-Command -Session $session -ArgumentList $local -ScriptBlock {
  param($path) (Start-Process -FilePath $path -ArgumentList '/silentmode' -Wait -PassThru).ExitCode
}
[pscustomobject]@{ ExitCode = [string]$exit; Log = "C:\LyncUpgrade on $($p.Server)" }
