# lync-upgrade:test-databases
param($p)
# CR-7: Install-CsDatabase prints nothing useful on success; Test-CsDatabase compares each
# database's expected and installed versions.
foreach ($database in @(Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn $p.SqlServer)) {
  [pscustomobject]@{
    Name = [string]$database.DatabaseName; SqlServer = [string]$database.SqlServerFqdn
    Expected = [string]$database.ExpectedVersion; Installed = [string]$database.InstalledVersion
  }
}
