# lync-upgrade:local-databases
param($p)
# The probe's check of BE-11c on a Standard Edition server: Test-CsDatabase -LocalService in a remote
# session there, as Install-CsDatabase -LocalDatabases will run. It reads the topology from the
# Central Management Store, so it fails where that is a second hop the session cannot make.
$session = __Open $p.Server $p
try {
  Invoke-Command -Session $session -ArgumentList ($p.Shapes -eq 'True') -ScriptBlock {
    param($shapes)
    $ErrorActionPreference = 'Stop'
    $databases = @(Test-CsDatabase -LocalService)
    foreach ($database in $databases) {
      [pscustomobject]@{
        Kind = 'Database'; DatabaseName = __TextOrNull $database.DatabaseName
        ExpectedVersion = __TextOrNull $database.ExpectedVersion; InstalledVersion = __TextOrNull $database.InstalledVersion
      }
    }
    if ($shapes) {
      __Shape 'Test-CsDatabase -LocalService' $databases[0]
    }
  }
} finally {
  Remove-PSSession -Session $session
}
