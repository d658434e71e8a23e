# lync-upgrade:fabric-state
param($p)
# CR-2, CR-3: each routing group's primary and secondaries, and those missing replicas.
# Get-CsPoolFabricState writes a report rather than typed objects; it is read line by line:
# a routing group's id, then its "Primary" and "Secondaries" lines. To confirm on a lab.
$text = (Get-CsPoolFabricState -PoolFqdn $p.Pool -Type Routing -Verbose 4>&1 | Out-String) -split "`r?`n"
$group = $null
foreach ($line in $text) {
  if ($line -match '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})') {
    if ($group) { [pscustomobject]$group }
    $group = @{ Kind = 'Group'; Id = $Matches[1]; Primary = ''; Secondaries = '' }
  } elseif ($group -and $line -match 'Primary\s*[:=]\s*(\S+)') {
    $group.Primary = $Matches[1]
  } elseif ($group -and $line -match 'Secondar\w*\s*[:=]\s*(.+)$') {
    $group.Secondaries = (@($Matches[1] -split '[,;\s]+' | Where-Object { $_ -match '\.' }) -join ',')
  } elseif ($group -and $line -match 'missing|quorum loss|no primary') {
    $group.Kind = 'Missing'
  }
}
if ($group) { [pscustomobject]$group }
