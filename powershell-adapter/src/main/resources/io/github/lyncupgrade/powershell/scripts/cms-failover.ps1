# lync-upgrade:cms-failover
param($p)
# CR-9: move the Central Management Store to the partner's Back End before its pool fails over;
# nothing to do when Get-CsManagementStoreLocation already names the backup.
if (([string](Get-CsManagementStoreLocation)).IndexOf([string]$p.SqlServer, [StringComparison]::OrdinalIgnoreCase) -ge 0) { return }
$arguments = @{ BackupSqlServerFqdn = $p.SqlServer; Force = $true; Confirm = $false }
if ($p.SqlInstance) { $arguments.BackupSqlInstanceName = $p.SqlInstance }
$null = Invoke-CsManagementServerFailover @arguments
