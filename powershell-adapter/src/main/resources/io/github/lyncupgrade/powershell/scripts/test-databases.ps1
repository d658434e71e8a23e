# lync-upgrade:test-databases
param($p)
# CR-7: Install-CsDatabase prints nothing useful on success; Test-CsDatabase compares each
# database's expected and installed versions. Absent versions are refused, never equal.
$databases = @(Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn $p.SqlServer)
foreach ($database in $databases) {
  [pscustomobject]@{
    Kind = 'Database'; DatabaseName = __TextOrNull $database.DatabaseName; SqlServerFqdn = __TextOrNull $database.SqlServerFqdn
    ExpectedVersion = __TextOrNull $database.ExpectedVersion; InstalledVersion = __TextOrNull $database.InstalledVersion
  }
}
if ($p.Shapes -eq 'True') {
  __Shape 'Test-CsDatabase' $databases[0]
}
