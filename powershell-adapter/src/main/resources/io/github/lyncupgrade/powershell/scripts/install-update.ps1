# lync-upgrade:install-update
param($p)
# FE-2b, BE-7: the installer runs unattended (/silentmode) and writes its logs next to itself. Its
# session loads no Lync module, and no other SDK session is open on the server meanwhile (BE-6).
$local = Join-Path 'C:\LyncUpgrade' (Split-Path $p.Location -Leaf)
$session = __Open $p.Server $p
try {
  $staged = Invoke-Command -Session $session -ArgumentList $local -ScriptBlock { param($path) Test-Path -LiteralPath $path }
  if (-not $staged) {
    Invoke-Command -Session $session -ScriptBlock { $null = New-Item -ItemType Directory -Force -Path 'C:\LyncUpgrade' }
    Copy-Item -Path $p.Location -Destination 'C:\LyncUpgrade' -ToSession $session -Force
  }
  $exit = Invoke-Command -Session $session -ArgumentList $local -ScriptBlock {
    param($path)
    $ErrorActionPreference = 'Stop'
    (Start-Process -FilePath $path -ArgumentList '/silentmode' -Wait -PassThru).ExitCode
  }
  [pscustomobject]@{ Kind = 'Installer'; ExitCode = $exit; Log = "C:\LyncUpgrade on $($p.Server)" }
} finally {
  Remove-PSSession -Session $session
}
