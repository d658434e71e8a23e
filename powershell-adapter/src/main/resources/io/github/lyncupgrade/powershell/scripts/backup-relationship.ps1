# lync-upgrade:backup-relationship
param($p)
# The probe: the pool's disaster-recovery partner as the Central Management Store records it. For a
# pool without one the cmdlet throws a terminating error, which -ErrorAction SilentlyContinue would
# not stop: it is caught here and reported as such.
try {
  $relations = @(Get-CsPoolBackupRelationship -PoolFqdn $p.Pool)
} catch {
  [pscustomobject]@{ Kind = 'NoRelationship'; Message = $_.Exception.Message }
  return
}
foreach ($relation in $relations) {
  [pscustomobject]@{ Kind = 'Relationship'; BackupPoolFqdn = __TextOrNull $relation.BackupPoolFqdn }
}
if ($p.Shapes -eq 'True') {
  __Shape 'Get-CsPoolBackupRelationship' $relations[0]
}
