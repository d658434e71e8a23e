# lync-upgrade:stage-update
param($p)
# BE-2: copy the installer to the server's local disk.
$session = __Open $p.Server $p
try {
  Invoke-Command -Session $session -ScriptBlock { $null = New-Item -ItemType Directory -Force -Path 'C:\LyncUpgrade' }
  Copy-Item -Path $p.Location -Destination 'C:\LyncUpgrade' -ToSession $session -Force
} finally {
  Remove-PSSession -Session $session
}
