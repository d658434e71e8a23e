# lync-upgrade:start-services
param($p)
$session = __Open $p.Server $p
try {
  $null = Invoke-Command -Session $session -ScriptBlock {
    $ErrorActionPreference = 'Stop'
    Start-CsWindowsService
  }
} finally {
  Remove-PSSession -Session $session
}
