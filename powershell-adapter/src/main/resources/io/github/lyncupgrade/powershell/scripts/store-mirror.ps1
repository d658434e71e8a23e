# lync-upgrade:store-mirror
param($p)
# Discovery: whether a pool's Back End store is mirrored (CR-5: Install-CsDatabase -Update cannot be
# used against mirrored databases), which no published topology seen shows. Test-CsDatabase reports
# each database configured on the SQL Server with its instance and its mirror (MirrorSqlServerFqdn,
# empty in Microsoft's examples of a store without one). __PropertyText keeps a property the object
# does not have $null, which the SDK refuses: a missing property is never "not mirrored".
$databases = @(Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn $p.SqlServer)
foreach ($database in $databases) {
  [pscustomobject]@{
    Kind = 'Database'; DatabaseName = __TextOrNull $database.DatabaseName
    SqlInstanceName = __PropertyText $database 'SqlInstanceName'
    MirrorSqlServerFqdn = __PropertyText $database 'MirrorSqlServerFqdn'
  }
}
if ($p.Shapes -eq 'True') {
  __Shape 'Test-CsDatabase' $databases[0]
}
