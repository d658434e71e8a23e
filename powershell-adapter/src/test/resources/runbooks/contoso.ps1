# Lync Server 2013 / Skype for Business Server cumulative update runbook, written by lync-upgrade.
# Plan fingerprint 372a33bbed1f66be160308aa81cf457e4ed1b92cd1c443697d0de2502cbd53ed
# 105 steps for 3 pools. Run it in the Lync Server Management Shell as a member of CsAdministrator,
# or read it as the procedure: each region cites the PROCEDURE rule it carries out.
# Windows PowerShell 5.1, as pre-flight asks: Copy-Item -ToSession needs 5.0 or later.
#Requires -Version 5.1
$ErrorActionPreference = 'Stop'
$UpdateInstaller = '\\files.contoso.com\updates\LyncServerUpdateInstaller.exe'
$TargetBuild = '5.0.8308.1001'
$Policy = @{ BusyWaitMinutes = 10; MaxConsecutiveBusy = 3 }

function Get-PoolReadiness([string]$FrontEnd, [bool]$Is2019) {
  # FE-1: the readiness cmdlet runs only locally on a Front End of the pool; 2019 names it Get-CsUpgradeDomainInfo (CR-4).
  # Remoting returns objects to depth 1 (each upgrade domain would arrive as a string), so the fields are
  # projected into plain values on the Front End; one that is absent stops the runbook, never reads as not ready.
  $records = @(Invoke-Command -ComputerName $FrontEnd -ArgumentList $Is2019 -ScriptBlock {
    param($is2019)
    $ErrorActionPreference = 'Stop'
    if ($is2019) { $state = Get-CsUpgradeDomainInfo } else { $state = Get-CsPoolUpgradeReadinessState }
    [pscustomobject]@{ Kind = 'Pool'; PoolUpgradeState = [string]$state.PoolUpgradeState }
    foreach ($domain in @($state.UpgradeDomains)) {
      [pscustomobject]@{ Kind = 'Domain'; UpgradeDomain = [string]$domain.UpgradeDomain; ReadyForUpgrade = $domain.ReadyForUpgrade }
    }
  })
  $pool = @($records | Where-Object { $_.Kind -eq 'Pool' -and $_.PoolUpgradeState })
  $domains = @($records | Where-Object { $_.Kind -eq 'Domain' })
  if ($pool.Count -ne 1) { throw "The readiness cmdlet on $FrontEnd reported no PoolUpgradeState (FE-1): check the pool by hand." }
  foreach ($domain in $domains) {
    if (-not $domain.UpgradeDomain -or $domain.ReadyForUpgrade -isnot [bool]) { throw "The readiness cmdlet on $FrontEnd reported an upgrade domain without its name or a True/False ReadyForUpgrade (FE-2): check the pool by hand." }
  }
  [pscustomobject]@{ PoolUpgradeState = $pool[0].PoolUpgradeState; UpgradeDomains = $domains }
}

function Wait-PoolReady([string]$FrontEnd, [bool]$Is2019) {
  $busy = 0
  while ($true) {
    $state = Get-PoolReadiness -FrontEnd $FrontEnd -Is2019 $Is2019
    switch ($state.PoolUpgradeState) {
      'Ready' { return $state }                                   # FE-1d
      'Busy' {                                                    # FE-1a
        $busy++
        if ($busy -ge $Policy.MaxConsecutiveBusy) { throw "The pool is Busy $busy times in a row (FE-1b): fail it over to its backup pool if it has one (FE-1c), then go on." }
        Start-Sleep -Seconds ($Policy.BusyWaitMinutes * 60)
      }
      default { throw "PoolUpgradeState is $($state.PoolUpgradeState) (FE-1b): fail the pool over to its backup pool if it has one (FE-1c), then go on." }
    }
  }
}

function Assert-DomainReady([string]$FrontEnd, [bool]$Is2019, [string]$UpgradeDomain) {
  # FE-2: the domain must be reported, once, with ReadyForUpgrade True.
  $state = Wait-PoolReady -FrontEnd $FrontEnd -Is2019 $Is2019
  $domain = @($state.UpgradeDomains | Where-Object { $_.UpgradeDomain -eq $UpgradeDomain })
  if ($domain.Count -ne 1 -or $domain[0].ReadyForUpgrade -ne $true) { throw "Upgrade domain $UpgradeDomain is not ReadyForUpgrade (FE-2)" }
}

function Get-RoutingGroups([string]$Pool) {
  # CR-2, CR-3: Get-CsPoolFabricState's report of the routing groups' primaries and secondaries (a String).
  # A report that names no routing group is no answer: it stops the runbook, never reads as "none missing".
  $report = @(Get-CsPoolFabricState -PoolFqdn $Pool -Type Routing -Verbose 4>&1 | ForEach-Object { [string]$_ }) -join "`n"
  if ($report -notmatch '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}') { throw "Get-CsPoolFabricState reported no routing group for $Pool (CR-2, CR-3); read its report before going on:`n$report" }
  $report
}

function Wait-PoolSettled([string]$FrontEnd, [string]$Pool, [bool]$Is2019, [int]$Minutes, [int]$PollMinutes, [int]$GiveUpMinutes) {
  # CR-2 on top of FE-1 (FE-3): every answer is judged by FE-1 first (Busy: wait and count, FE-1a; too many Busy
  # in a row, or InsufficientActiveFrontEnds: a pool problem, FE-1b); only Ready answers count toward $Minutes in
  # a row (Not Ready starts the wait again); the routing groups must not move. It gives up at a Not Ready answer
  # once $GiveUpMinutes have passed; a Ready stretch under way always finishes.
  $giveUpAt = (Get-Date).AddMinutes($GiveUpMinutes)
  $readySince = $null
  $before = $null
  $busy = 0
  while ($true) {
    $state = Get-PoolReadiness -FrontEnd $FrontEnd -Is2019 $Is2019
    $ready = $state.PoolUpgradeState -eq 'Ready'
    if ($state.PoolUpgradeState -eq 'Busy') {                   # FE-1a
      $busy++
      if ($busy -ge $Policy.MaxConsecutiveBusy) { throw "The pool is Busy $busy times in a row (FE-1b): fail it over to its backup pool if it has one (FE-1c), then go on." }
    } elseif (-not $ready) {
      throw "PoolUpgradeState is $($state.PoolUpgradeState) (FE-1b): fail the pool over to its backup pool if it has one (FE-1c), then go on."
    } else {
      $busy = 0
    }
    if (-not $ready -and (Get-Date) -ge $giveUpAt) { throw "The pool did not stay Ready for $Minutes minutes within $GiveUpMinutes minutes (CR-2): check it before going on." }
    if ($ready -and -not $readySince) { $readySince = Get-Date; $before = Get-RoutingGroups -Pool $Pool }
    elseif ($ready -and ((Get-Date) - $readySince).TotalMinutes -ge $Minutes) { break }
    elseif (-not $ready) { $readySince = $null }
    if ($ready) { Start-Sleep -Seconds ($PollMinutes * 60) } else { Start-Sleep -Seconds ($Policy.BusyWaitMinutes * 60) }
  }
  $after = Get-RoutingGroups -Pool $Pool
  if ($after -ne $before) { throw "The routing groups moved while the pool settled (CR-2). Before:`n$before`nAfter:`n$after" }
}

function Assert-ReplicasPresent([string]$Pool, [bool]$Reset) {
  # CR-3: no Front End is failed over while routing groups miss replicas.
  if ((Get-RoutingGroups -Pool $Pool) -notmatch 'missing|quorum loss|no primary') { return }
  if (-not $Reset) { throw "Replicas are missing in $Pool (CR-3): check the pool, run Reset-CsPoolRegistrarState -PoolFqdn $Pool -ResetType QuorumLossRecovery, then go on." }
  Reset-CsPoolRegistrarState -PoolFqdn $Pool -ResetType QuorumLossRecovery -Confirm:$false
  if ((Get-RoutingGroups -Pool $Pool) -match 'missing|quorum loss|no primary') { throw "Replicas are still missing in $Pool after Reset-CsPoolRegistrarState (CR-3)." }
}

function Assert-DatabasesCurrent([string]$SqlServer) {
  # CR-7: Install-CsDatabase prints nothing useful on success; Test-CsDatabase compares versions. No database,
  # or one without its name or versions, is no answer: '' equal to '' is not an update.
  $databases = @(Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn $SqlServer)
  if ($databases.Count -eq 0) { throw "Test-CsDatabase reported no database on ${SqlServer} (CR-7)" }
  $unreadable = @($databases | Where-Object { -not $_.DatabaseName -or -not $_.ExpectedVersion -or -not $_.InstalledVersion })
  if ($unreadable.Count -gt 0) { throw "Test-CsDatabase reported $($unreadable.Count) database(s) on ${SqlServer} without a name, an expected or an installed version (CR-7)" }
  $stale = @($databases | Where-Object { [string]$_.ExpectedVersion -ne [string]$_.InstalledVersion })
  if ($stale.Count -gt 0) { throw "Databases not at their expected version on ${SqlServer} (CR-7): $(($stale | ForEach-Object { [string]$_.DatabaseName }) -join ', ')" }
}

function Assert-ServerRunning([string]$Server) {
  # FE-2c: every Lync service runs (none reported is no answer), and with $TargetBuild, the one installed product's
  # Server\Core\RtcHost.exe is at least that build (Lync Server 2013, Skype for Business Server 2015 or 2019).
  $found = Invoke-Command -ComputerName $Server -ScriptBlock {
    $ErrorActionPreference = 'Stop'
    $builds = @(foreach ($product in 'Microsoft Lync Server 2013', 'Skype for Business Server 2015', 'Skype for Business Server 2019') {
      $path = Join-Path $env:ProgramFiles "$product\Server\Core\RtcHost.exe"
      if (Test-Path -LiteralPath $path) { [string](Get-Item -LiteralPath $path).VersionInfo.ProductVersion }
    })
    [pscustomobject]@{ Statuses = (@(Get-CsWindowsService) | ForEach-Object { [string]$_.Status }) -join ','; Builds = $builds -join ',' }
  }
  $statuses = @(([string]$found.Statuses).Split(',', [StringSplitOptions]::RemoveEmptyEntries))
  if ($statuses.Count -eq 0) { throw "Get-CsWindowsService reported no Lync service on $Server" }
  if (@($statuses | Where-Object { $_ -ne 'Running' }).Count -gt 0) { throw "$Server does not run all its Lync services" }
  if (-not $TargetBuild) { return }
  $builds = @(([string]$found.Builds).Split(',', [StringSplitOptions]::RemoveEmptyEntries))
  if ($builds.Count -ne 1) { throw "Found $($builds.Count) Lync Server products' RtcHost.exe on $Server, not one: check its build by hand" }
  if ([version]$builds[0] -lt [version]$TargetBuild) { throw "$Server runs build $($builds[0]), not $TargetBuild" }
}

function Set-WebServiceState([string]$Server, [bool]$Running) {
  # BE-5, BE-10 (net stop w3svc, net start w3svc) as service cmdlets: a second run finds it stopped and goes on,
  # a failure stops the runbook (an exit code would go unread), and the state is checked after.
  Invoke-Command -ComputerName $Server -ArgumentList $Running -ScriptBlock {
    param($running)
    $ErrorActionPreference = 'Stop'
    if ($running) { Start-Service -Name W3SVC; $wanted = 'Running' } else { Stop-Service -Name W3SVC -Force; $wanted = 'Stopped' }
    $status = [string](Get-Service -Name W3SVC).Status
    if ($status -ne $wanted) { throw "W3SVC is $status on $env:COMPUTERNAME, not $wanted" }
  }
}

function Copy-Update([string]$Server) {
  # BE-2, SDK-5: copy the installer to the server's local disk.
  $session = New-PSSession -ComputerName $Server
  try {
    Invoke-Command -Session $session -ScriptBlock { $null = New-Item -ItemType Directory -Force -Path 'C:\LyncUpgrade' }
    Copy-Item -Path $UpdateInstaller -Destination 'C:\LyncUpgrade' -ToSession $session -Force
  } finally {
    Remove-PSSession $session
  }
}

function Install-Update([string]$Server) {
  # FE-2b, BE-7, CR-8: the installer runs unattended; 0 is success, 3010 success with a restart required.
  $local = Join-Path 'C:\LyncUpgrade' (Split-Path $UpdateInstaller -Leaf)
  $staged = Invoke-Command -ComputerName $Server -ArgumentList $local -ScriptBlock { param($path) Test-Path -LiteralPath $path }
  if (-not $staged) { Copy-Update -Server $Server }
  $exit = Invoke-Command -ComputerName $Server -ArgumentList $local -ScriptBlock {
    param($path) (Start-Process -FilePath $path -ArgumentList '/silentmode' -Wait -PassThru).ExitCode
  }
  if ($null -eq $exit) { throw "The installer on $Server reported no exit code; its log is next to it in C:\LyncUpgrade" }
  if ($exit -ne 0 -and $exit -ne 3010) { throw "The installer exited with $exit on $Server; its log is next to it in C:\LyncUpgrade" }
}

#region 1. [SDK-5] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/stage-update
# Copy the update to fe01.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe01.contoso.com'
#endregion

#region 2. [SDK-5] pool01.contoso.com/UpgradeDomain1/fe02.contoso.com/stage-update
# Copy the update to fe02.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe02.contoso.com'
#endregion

#region 3. [SDK-5] pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/stage-update
# Copy the update to fe03.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe03.contoso.com'
#endregion

#region 4. [SDK-5] pool01.contoso.com/UpgradeDomain2/fe04.contoso.com/stage-update
# Copy the update to fe04.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe04.contoso.com'
#endregion

#region 5. [SDK-5] pool01.contoso.com/UpgradeDomain3/fe05.contoso.com/stage-update
# Copy the update to fe05.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe05.contoso.com'
#endregion

#region 6. [SDK-5] pool01.contoso.com/UpgradeDomain3/fe06.contoso.com/stage-update
# Copy the update to fe06.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe06.contoso.com'
#endregion

#region 7. [BE-2] pool01.contoso.com/back-end/sql01.contoso.com/stage-update
# Copy the update to sql01.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'sql01.contoso.com'
#endregion

#region 8. [SDK-5] pool02.contoso.com/UpgradeDomain1/fe11.contoso.com/stage-update
# Copy the update to fe11.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe11.contoso.com'
#endregion

#region 9. [SDK-5] pool02.contoso.com/UpgradeDomain1/fe12.contoso.com/stage-update
# Copy the update to fe12.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe12.contoso.com'
#endregion

#region 10. [SDK-5] pool02.contoso.com/UpgradeDomain2/fe13.contoso.com/stage-update
# Copy the update to fe13.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe13.contoso.com'
#endregion

#region 11. [SDK-5] pool02.contoso.com/UpgradeDomain2/fe14.contoso.com/stage-update
# Copy the update to fe14.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe14.contoso.com'
#endregion

#region 12. [BE-2] pool02.contoso.com/back-end/sql02.contoso.com/stage-update
# Copy the update to sql02.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'sql02.contoso.com'
#endregion

#region 13. [BE-2] se01.contoso.com/back-end/se01.contoso.com/stage-update
# Copy the update to se01.contoso.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'se01.contoso.com'
#endregion

#region 14. [FE-1c] pool01.contoso.com/fail-over
# Only if a readiness check or settle wait finds a pool problem (FE-1b): fail pool01.contoso.com over to pool02.contoso.com (Invoke-CsPoolFailOver), then update its servers
# Only if a readiness check or settle wait of this pool threw (FE-1b); the pool still runs, so the planned form, without -DisasterMode:
# Invoke-CsPoolFailOver -PoolFqdn 'pool01.contoso.com' -Confirm:$false   # to pool02.contoso.com
#endregion

#region 15. [FE-1] pool01.contoso.com/UpgradeDomain1/check-pool-readiness
# Run Get-CsPoolUpgradeReadinessState on fe03.contoso.com before UpgradeDomain1: go on when PoolUpgradeState is Ready; Busy: wait 10 min and check again; 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem
$null = Wait-PoolReady -FrontEnd 'fe03.contoso.com' -Is2019 $false
#endregion

#region 16. [FE-2] pool01.contoso.com/UpgradeDomain1/check-domain-readiness
# Check that upgrade domain UpgradeDomain1 (fe01, fe02) reports ReadyForUpgrade = True
Assert-DomainReady -FrontEnd 'fe03.contoso.com' -Is2019 $false -UpgradeDomain 'UpgradeDomain1'
#endregion

#region 17. [FE-2a] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe01.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe01.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 18. [FE-2b] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/install-update
# Run the update installer with /silentmode on fe01.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe01.contoso.com'
#endregion

#region 19. [FE-2c] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/restart
# Restart fe01.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe01.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 20. [FE-2c] pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/verify
# Check that fe01.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe01.contoso.com'
#endregion

#region 21. [FE-2a] pool01.contoso.com/UpgradeDomain1/fe02.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe02.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe02.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 22. [FE-2b] pool01.contoso.com/UpgradeDomain1/fe02.contoso.com/install-update
# Run the update installer with /silentmode on fe02.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe02.contoso.com'
#endregion

#region 23. [FE-2c] pool01.contoso.com/UpgradeDomain1/fe02.contoso.com/restart
# Restart fe02.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe02.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 24. [FE-2c] pool01.contoso.com/UpgradeDomain1/fe02.contoso.com/verify
# Check that fe02.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe02.contoso.com'
#endregion

#region 25. [CR-2] pool01.contoso.com/UpgradeDomain2/settle
# Let pool01 settle after UpgradeDomain1: Get-CsPoolUpgradeReadinessState must report Ready for 20 min in a row (asked every 5 min; Not Ready restarts the wait), and Get-CsPoolFabricState must show the same routing-group primaries and secondaries before and after; Busy: wait 10 min (FE-1a); 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem (FE-1b)
Wait-PoolSettled -FrontEnd 'fe01.contoso.com' -Pool 'pool01.contoso.com' -Is2019 $false -Minutes 20 -PollMinutes 5 -GiveUpMinutes 120
#endregion

#region 26. [FE-1] pool01.contoso.com/UpgradeDomain2/check-pool-readiness
# Run Get-CsPoolUpgradeReadinessState on fe01.contoso.com before UpgradeDomain2: go on when PoolUpgradeState is Ready; Busy: wait 10 min and check again; 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem
$null = Wait-PoolReady -FrontEnd 'fe01.contoso.com' -Is2019 $false
#endregion

#region 27. [FE-2] pool01.contoso.com/UpgradeDomain2/check-domain-readiness
# Check that upgrade domain UpgradeDomain2 (fe03, fe04) reports ReadyForUpgrade = True
Assert-DomainReady -FrontEnd 'fe01.contoso.com' -Is2019 $false -UpgradeDomain 'UpgradeDomain2'
#endregion

#region 28. [FE-2a] pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe03.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe03.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 29. [FE-2b] pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/install-update
# Run the update installer with /silentmode on fe03.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe03.contoso.com'
#endregion

#region 30. [FE-2c] pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/restart
# Restart fe03.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe03.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 31. [FE-2c] pool01.contoso.com/UpgradeDomain2/fe03.contoso.com/verify
# Check that fe03.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe03.contoso.com'
#endregion

#region 32. [FE-2a] pool01.contoso.com/UpgradeDomain2/fe04.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe04.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe04.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 33. [FE-2b] pool01.contoso.com/UpgradeDomain2/fe04.contoso.com/install-update
# Run the update installer with /silentmode on fe04.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe04.contoso.com'
#endregion

#region 34. [FE-2c] pool01.contoso.com/UpgradeDomain2/fe04.contoso.com/restart
# Restart fe04.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe04.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 35. [FE-2c] pool01.contoso.com/UpgradeDomain2/fe04.contoso.com/verify
# Check that fe04.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe04.contoso.com'
#endregion

#region 36. [CR-2] pool01.contoso.com/UpgradeDomain3/settle
# Let pool01 settle after UpgradeDomain2: Get-CsPoolUpgradeReadinessState must report Ready for 20 min in a row (asked every 5 min; Not Ready restarts the wait), and Get-CsPoolFabricState must show the same routing-group primaries and secondaries before and after; Busy: wait 10 min (FE-1a); 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem (FE-1b)
Wait-PoolSettled -FrontEnd 'fe01.contoso.com' -Pool 'pool01.contoso.com' -Is2019 $false -Minutes 20 -PollMinutes 5 -GiveUpMinutes 120
#endregion

#region 37. [FE-1] pool01.contoso.com/UpgradeDomain3/check-pool-readiness
# Run Get-CsPoolUpgradeReadinessState on fe01.contoso.com before UpgradeDomain3: go on when PoolUpgradeState is Ready; Busy: wait 10 min and check again; 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem
$null = Wait-PoolReady -FrontEnd 'fe01.contoso.com' -Is2019 $false
#endregion

#region 38. [FE-2] pool01.contoso.com/UpgradeDomain3/check-domain-readiness
# Check that upgrade domain UpgradeDomain3 (fe05, fe06) reports ReadyForUpgrade = True
Assert-DomainReady -FrontEnd 'fe01.contoso.com' -Is2019 $false -UpgradeDomain 'UpgradeDomain3'
#endregion

#region 39. [FE-2a] pool01.contoso.com/UpgradeDomain3/fe05.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe05.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe05.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 40. [FE-2b] pool01.contoso.com/UpgradeDomain3/fe05.contoso.com/install-update
# Run the update installer with /silentmode on fe05.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe05.contoso.com'
#endregion

#region 41. [FE-2c] pool01.contoso.com/UpgradeDomain3/fe05.contoso.com/restart
# Restart fe05.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe05.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 42. [FE-2c] pool01.contoso.com/UpgradeDomain3/fe05.contoso.com/verify
# Check that fe05.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe05.contoso.com'
#endregion

#region 43. [FE-2a] pool01.contoso.com/UpgradeDomain3/fe06.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe06.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe06.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 44. [FE-2b] pool01.contoso.com/UpgradeDomain3/fe06.contoso.com/install-update
# Run the update installer with /silentmode on fe06.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe06.contoso.com'
#endregion

#region 45. [FE-2c] pool01.contoso.com/UpgradeDomain3/fe06.contoso.com/restart
# Restart fe06.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe06.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 46. [FE-2c] pool01.contoso.com/UpgradeDomain3/fe06.contoso.com/verify
# Check that fe06.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe06.contoso.com'
#endregion

#region 47. [BE-1] pool01.contoso.com/back-end/sql01.contoso.com/check-administrator-role
# Check that the account updating sql01.contoso.com is a member of the CsAdministrator role
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }
#endregion

#region 48. [BE-3] pool01.contoso.com/back-end/sql01.contoso.com/open-management-shell
# Start the Lync Server Management Shell on sql01.contoso.com
# Manual: automation runs the cmdlets in its own PowerShell session with the Lync module loaded
#endregion

#region 49. [BE-4] pool01.contoso.com/back-end/sql01.contoso.com/stop-services
# Stop-CsWindowsService -Verbose on sql01.contoso.com: stop the Lync Server services
Invoke-Command -ComputerName 'sql01.contoso.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 50. [BE-5] pool01.contoso.com/back-end/sql01.contoso.com/stop-web-service
# net stop w3svc on sql01.contoso.com: stop the World Wide Web service
Set-WebServiceState -Server 'sql01.contoso.com' -Running $false
#endregion

#region 51. [BE-6] pool01.contoso.com/back-end/sql01.contoso.com/close-management-shells
# Close every Lync Server Management Shell window on sql01.contoso.com
# Manual: automation holds no Management Shell open while the installer runs; close any window an operator left open
#endregion

#region 52. [BE-7] pool01.contoso.com/back-end/sql01.contoso.com/install-update
# Run the update installer with /silentmode on sql01.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'sql01.contoso.com'
#endregion

#region 53. [BE-8] pool01.contoso.com/back-end/sql01.contoso.com/reopen-management-shell
# Start the Lync Server Management Shell on sql01.contoso.com again
# Manual: automation loads the updated Lync module in a fresh session for the next steps
#endregion

#region 54. [BE-9] pool01.contoso.com/back-end/sql01.contoso.com/stop-services-again
# Stop-CsWindowsService -Verbose again on sql01.contoso.com, to catch the Global Assembly Cache (GAC) -d assemblies
Invoke-Command -ComputerName 'sql01.contoso.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 55. [BE-10] pool01.contoso.com/back-end/sql01.contoso.com/start-web-service
# net start w3svc on sql01.contoso.com: restart the World Wide Web service
Set-WebServiceState -Server 'sql01.contoso.com' -Running $true
#endregion

#region 56. [BE-11b] pool01.contoso.com/back-end/sql01.contoso.com/update-databases
# Apply the update to the SQL Server databases: Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com -ExcludeCollocatedStores
Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com -ExcludeCollocatedStores
#endregion

#region 57. [CR-7] pool01.contoso.com/back-end/sql01.contoso.com/verify-databases
# Check the database update: Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn sql01.contoso.com (every expected version installed)
Assert-DatabasesCurrent -SqlServer 'sql01.contoso.com'
#endregion

#region 58. [SDK-3] pool01.contoso.com/fail-back
# Only if the pool was failed over: fail pool01.contoso.com back from pool02.contoso.com (Invoke-CsPoolFailBack) once all its servers are verified
# Only if this pool was failed over, once all its servers are verified (SDK-3):
# Invoke-CsPoolFailBack -PoolFqdn 'pool01.contoso.com' -Confirm:$false   # from pool02.contoso.com
#endregion

#region 59. [FE-1c] pool02.contoso.com/fail-over
# Only if a readiness check or settle wait finds a pool problem (FE-1b): fail pool02.contoso.com over to pool01.contoso.com (Invoke-CsPoolFailOver), then update its servers
# Only if a readiness check or settle wait of this pool threw (FE-1b); the pool still runs, so the planned form, without -DisasterMode:
# Invoke-CsPoolFailOver -PoolFqdn 'pool02.contoso.com' -Confirm:$false   # to pool01.contoso.com
#endregion

#region 60. [FE-1] pool02.contoso.com/UpgradeDomain1/check-pool-readiness
# Run Get-CsPoolUpgradeReadinessState on fe13.contoso.com before UpgradeDomain1: go on when PoolUpgradeState is Ready; Busy: wait 10 min and check again; 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem
$null = Wait-PoolReady -FrontEnd 'fe13.contoso.com' -Is2019 $false
#endregion

#region 61. [FE-2] pool02.contoso.com/UpgradeDomain1/check-domain-readiness
# Check that upgrade domain UpgradeDomain1 (fe11, fe12) reports ReadyForUpgrade = True
Assert-DomainReady -FrontEnd 'fe13.contoso.com' -Is2019 $false -UpgradeDomain 'UpgradeDomain1'
#endregion

#region 62. [FE-2a] pool02.contoso.com/UpgradeDomain1/fe11.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe11.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe11.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 63. [FE-2b] pool02.contoso.com/UpgradeDomain1/fe11.contoso.com/install-update
# Run the update installer with /silentmode on fe11.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe11.contoso.com'
#endregion

#region 64. [FE-2c] pool02.contoso.com/UpgradeDomain1/fe11.contoso.com/restart
# Restart fe11.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe11.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 65. [FE-2c] pool02.contoso.com/UpgradeDomain1/fe11.contoso.com/verify
# Check that fe11.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe11.contoso.com'
#endregion

#region 66. [FE-2a] pool02.contoso.com/UpgradeDomain1/fe12.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe12.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe12.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 67. [FE-2b] pool02.contoso.com/UpgradeDomain1/fe12.contoso.com/install-update
# Run the update installer with /silentmode on fe12.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe12.contoso.com'
#endregion

#region 68. [FE-2c] pool02.contoso.com/UpgradeDomain1/fe12.contoso.com/restart
# Restart fe12.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe12.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 69. [FE-2c] pool02.contoso.com/UpgradeDomain1/fe12.contoso.com/verify
# Check that fe12.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe12.contoso.com'
#endregion

#region 70. [CR-2] pool02.contoso.com/UpgradeDomain2/settle
# Let pool02 settle after UpgradeDomain1: Get-CsPoolUpgradeReadinessState must report Ready for 20 min in a row (asked every 5 min; Not Ready restarts the wait), and Get-CsPoolFabricState must show the same routing-group primaries and secondaries before and after; Busy: wait 10 min (FE-1a); 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem (FE-1b)
Wait-PoolSettled -FrontEnd 'fe11.contoso.com' -Pool 'pool02.contoso.com' -Is2019 $false -Minutes 20 -PollMinutes 5 -GiveUpMinutes 120
#endregion

#region 71. [FE-1] pool02.contoso.com/UpgradeDomain2/check-pool-readiness
# Run Get-CsPoolUpgradeReadinessState on fe11.contoso.com before UpgradeDomain2: go on when PoolUpgradeState is Ready; Busy: wait 10 min and check again; 3 Busy in a row or InsufficientActiveFrontEnds: the pool has a problem
$null = Wait-PoolReady -FrontEnd 'fe11.contoso.com' -Is2019 $false
#endregion

#region 72. [FE-2] pool02.contoso.com/UpgradeDomain2/check-domain-readiness
# Check that upgrade domain UpgradeDomain2 (fe13, fe14) reports ReadyForUpgrade = True
Assert-DomainReady -FrontEnd 'fe11.contoso.com' -Is2019 $false -UpgradeDomain 'UpgradeDomain2'
#endregion

#region 73. [FE-2a] pool02.contoso.com/UpgradeDomain2/fe13.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe13.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe13.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 74. [FE-2b] pool02.contoso.com/UpgradeDomain2/fe13.contoso.com/install-update
# Run the update installer with /silentmode on fe13.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe13.contoso.com'
#endregion

#region 75. [FE-2c] pool02.contoso.com/UpgradeDomain2/fe13.contoso.com/restart
# Restart fe13.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe13.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 76. [FE-2c] pool02.contoso.com/UpgradeDomain2/fe13.contoso.com/verify
# Check that fe13.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe13.contoso.com'
#endregion

#region 77. [FE-2a] pool02.contoso.com/UpgradeDomain2/fe14.contoso.com/stop-services
# Stop-CsWindowsService -Graceful -Verbose on fe14.contoso.com: finish existing connections, take no new ones
Invoke-Command -ComputerName 'fe14.contoso.com' -ScriptBlock { Stop-CsWindowsService -Graceful -Verbose }
#endregion

#region 78. [FE-2b] pool02.contoso.com/UpgradeDomain2/fe14.contoso.com/install-update
# Run the update installer with /silentmode on fe14.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe14.contoso.com'
#endregion

#region 79. [FE-2c] pool02.contoso.com/UpgradeDomain2/fe14.contoso.com/restart
# Restart fe14.contoso.com and wait for it to come back
Restart-Computer -ComputerName 'fe14.contoso.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 80. [FE-2c] pool02.contoso.com/UpgradeDomain2/fe14.contoso.com/verify
# Check that fe14.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe14.contoso.com'
#endregion

#region 81. [BE-1] pool02.contoso.com/back-end/sql02.contoso.com/check-administrator-role
# Check that the account updating sql02.contoso.com is a member of the CsAdministrator role
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }
#endregion

#region 82. [BE-3] pool02.contoso.com/back-end/sql02.contoso.com/open-management-shell
# Start the Lync Server Management Shell on sql02.contoso.com
# Manual: automation runs the cmdlets in its own PowerShell session with the Lync module loaded
#endregion

#region 83. [BE-4] pool02.contoso.com/back-end/sql02.contoso.com/stop-services
# Stop-CsWindowsService -Verbose on sql02.contoso.com: stop the Lync Server services
Invoke-Command -ComputerName 'sql02.contoso.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 84. [BE-5] pool02.contoso.com/back-end/sql02.contoso.com/stop-web-service
# net stop w3svc on sql02.contoso.com: stop the World Wide Web service
Set-WebServiceState -Server 'sql02.contoso.com' -Running $false
#endregion

#region 85. [BE-6] pool02.contoso.com/back-end/sql02.contoso.com/close-management-shells
# Close every Lync Server Management Shell window on sql02.contoso.com
# Manual: automation holds no Management Shell open while the installer runs; close any window an operator left open
#endregion

#region 86. [BE-7] pool02.contoso.com/back-end/sql02.contoso.com/install-update
# Run the update installer with /silentmode on sql02.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'sql02.contoso.com'
#endregion

#region 87. [BE-8] pool02.contoso.com/back-end/sql02.contoso.com/reopen-management-shell
# Start the Lync Server Management Shell on sql02.contoso.com again
# Manual: automation loads the updated Lync module in a fresh session for the next steps
#endregion

#region 88. [BE-9] pool02.contoso.com/back-end/sql02.contoso.com/stop-services-again
# Stop-CsWindowsService -Verbose again on sql02.contoso.com, to catch the Global Assembly Cache (GAC) -d assemblies
Invoke-Command -ComputerName 'sql02.contoso.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 89. [BE-10] pool02.contoso.com/back-end/sql02.contoso.com/start-web-service
# net start w3svc on sql02.contoso.com: restart the World Wide Web service
Set-WebServiceState -Server 'sql02.contoso.com' -Running $true
#endregion

#region 90. [BE-11a] pool02.contoso.com/back-end/sql02.contoso.com/update-databases
# Apply the update to the SQL Server databases: Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql02.contoso.com
Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql02.contoso.com
#endregion

#region 91. [CR-7] pool02.contoso.com/back-end/sql02.contoso.com/verify-databases
# Check the database update: Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn sql02.contoso.com (every expected version installed)
Assert-DatabasesCurrent -SqlServer 'sql02.contoso.com'
#endregion

#region 92. [SDK-3] pool02.contoso.com/fail-back
# Only if the pool was failed over: fail pool02.contoso.com back from pool01.contoso.com (Invoke-CsPoolFailBack) once all its servers are verified
# Only if this pool was failed over, once all its servers are verified (SDK-3):
# Invoke-CsPoolFailBack -PoolFqdn 'pool02.contoso.com' -Confirm:$false   # from pool01.contoso.com
#endregion

#region 93. [BE-1] se01.contoso.com/back-end/se01.contoso.com/check-administrator-role
# Check that the account updating se01.contoso.com is a member of the CsAdministrator role
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }
#endregion

#region 94. [BE-3] se01.contoso.com/back-end/se01.contoso.com/open-management-shell
# Start the Lync Server Management Shell on se01.contoso.com
# Manual: automation runs the cmdlets in its own PowerShell session with the Lync module loaded
#endregion

#region 95. [BE-4] se01.contoso.com/back-end/se01.contoso.com/stop-services
# Stop-CsWindowsService -Verbose on se01.contoso.com: stop the Lync Server services
Invoke-Command -ComputerName 'se01.contoso.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 96. [BE-5] se01.contoso.com/back-end/se01.contoso.com/stop-web-service
# net stop w3svc on se01.contoso.com: stop the World Wide Web service
Set-WebServiceState -Server 'se01.contoso.com' -Running $false
#endregion

#region 97. [BE-6] se01.contoso.com/back-end/se01.contoso.com/close-management-shells
# Close every Lync Server Management Shell window on se01.contoso.com
# Manual: automation holds no Management Shell open while the installer runs; close any window an operator left open
#endregion

#region 98. [BE-7] se01.contoso.com/back-end/se01.contoso.com/install-update
# Run the update installer with /silentmode on se01.contoso.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'se01.contoso.com'
#endregion

#region 99. [BE-8] se01.contoso.com/back-end/se01.contoso.com/reopen-management-shell
# Start the Lync Server Management Shell on se01.contoso.com again
# Manual: automation loads the updated Lync module in a fresh session for the next steps
#endregion

#region 100. [BE-9] se01.contoso.com/back-end/se01.contoso.com/stop-services-again
# Stop-CsWindowsService -Verbose again on se01.contoso.com, to catch the Global Assembly Cache (GAC) -d assemblies
Invoke-Command -ComputerName 'se01.contoso.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 101. [BE-10] se01.contoso.com/back-end/se01.contoso.com/start-web-service
# net start w3svc on se01.contoso.com: restart the World Wide Web service
Set-WebServiceState -Server 'se01.contoso.com' -Running $true
#endregion

#region 102. [BE-11c] se01.contoso.com/back-end/se01.contoso.com/update-databases
# Apply the update to the SQL Server databases: Install-CsDatabase -Update -LocalDatabases
# On the server itself: it reads the topology from the Central Management Store, a second hop from a
# remote session unless the store is on this server or an arrangement of docs/decisions.md is in place.
Invoke-Command -ComputerName 'se01.contoso.com' -ScriptBlock { Install-CsDatabase -Update -LocalDatabases }
#endregion

#region 103. [CR-7] se01.contoso.com/back-end/se01.contoso.com/verify-databases
# Check the database update: Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn se01.contoso.com (every expected version installed)
Assert-DatabasesCurrent -SqlServer 'se01.contoso.com'
#endregion

#region 104. [SDK-2] se01.contoso.com/back-end/se01.contoso.com/start-services
# Start-CsWindowsService on se01.contoso.com: the Back End procedure leaves the services stopped
Invoke-Command -ComputerName 'se01.contoso.com' -ScriptBlock { Start-CsWindowsService }
#endregion

#region 105. [SDK-2] se01.contoso.com/back-end/se01.contoso.com/verify
# Check that se01.contoso.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'se01.contoso.com'
#endregion

Write-Host 'Every step of the runbook is done.'
