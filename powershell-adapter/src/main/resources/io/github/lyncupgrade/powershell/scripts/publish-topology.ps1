# lync-upgrade:publish-topology
param($p)
# CR-6: after an AlwaysOn availability group's databases are updated, publish the current topology again.
$file = Join-Path ([IO.Path]::GetTempPath()) ('lync-upgrade-topology-' + [guid]::NewGuid() + '.xml')
try {
  (Get-CsTopology -AsXml).ToString() | Set-Content -Path $file -Encoding UTF8
  $null = Publish-CsTopology -FileName $file -Force -Confirm:$false
  $null = Enable-CsTopology -Confirm:$false
} finally {
  Remove-Item -Path $file -ErrorAction SilentlyContinue
}
