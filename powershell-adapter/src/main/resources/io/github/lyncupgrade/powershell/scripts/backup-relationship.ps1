# lync-upgrade:backup-relationship
param($p)
# A pool's disaster-recovery partner as the Central Management Store records it (discovery and the
# probe). For a pool without one the cmdlet throws a terminating error, which -ErrorAction
# SilentlyContinue would not stop: it is caught here and reported with its id, category, the
# command that raised it and its message, so that the SDK reads "no partner" from that error alone
# and fails on any other (the Lync module missing, access denied, the store unreachable).
try {
  $relations = @(Get-CsPoolBackupRelationship -PoolFqdn $p.Pool)
} catch {
  [pscustomobject]@{
    Kind = 'TerminatingError'; FullyQualifiedErrorId = __TextOrNull $_.FullyQualifiedErrorId
    Category = __TextOrNull $_.CategoryInfo.Category; Activity = __TextOrNull $_.CategoryInfo.Activity
    Message = __TextOrNull $_.Exception.Message
  }
  return
}
foreach ($relation in $relations) {
  [pscustomobject]@{ Kind = 'Relationship'; BackupPoolFqdn = __TextOrNull $relation.BackupPoolFqdn }
}
if ($p.Shapes -eq 'True') {
  __Shape 'Get-CsPoolBackupRelationship' $relations[0]
}
