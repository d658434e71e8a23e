# Lync Server 2013 / Skype for Business Server cumulative update runbook, written by lync-upgrade.
# Plan fingerprint 60c7ddadf637143d1142569d4f42f910ba732257851188373ddf4445c8d28da6
# 93 steps for 3 pools. Run it in the Lync Server Management Shell as a member of CsAdministrator,
# or read it as the procedure: each region cites the PROCEDURE rule it carries out.
# Windows PowerShell 5.1, as pre-flight asks: Copy-Item -ToSession needs 5.0 or later.
#Requires -Version 5.1
$ErrorActionPreference = 'Stop'
$UpdateInstaller = '\\files.contoso.com\updates\2015\SkypeServerUpdateInstaller.exe'
$TargetBuild = '6.0.9319.1001'
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

#region 1. [SDK-5] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/stage-update
# Copy the update to fe101.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe101.fabrikam.com'
#endregion

#region 2. [SDK-5] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/stage-update
# Copy the update to fe102.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe102.fabrikam.com'
#endregion

#region 3. [SDK-5] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/stage-update
# Copy the update to fe103.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe103.fabrikam.com'
#endregion

#region 4. [SDK-5] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/stage-update
# Copy the update to fe104.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe104.fabrikam.com'
#endregion

#region 5. [BE-2] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/stage-update
# Copy the update to sql10a.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'sql10a.fabrikam.com'
#endregion

#region 6. [SDK-5] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/stage-update
# Copy the update to fe111.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe111.fabrikam.com'
#endregion

#region 7. [SDK-5] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/stage-update
# Copy the update to fe112.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe112.fabrikam.com'
#endregion

#region 8. [SDK-5] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/stage-update
# Copy the update to fe113.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'fe113.fabrikam.com'
#endregion

#region 9. [BE-2] pool11.fabrikam.com/back-end/sql11.fabrikam.com/stage-update
# Copy the update to sql11.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'sql11.fabrikam.com'
#endregion

#region 10. [BE-2] se12.fabrikam.com/back-end/se12.fabrikam.com/stage-update
# Copy the update to se12.fabrikam.com and extract it to the local disk, before any service of the pool stops
Copy-Update -Server 'se12.fabrikam.com'
#endregion

#region 11. [CR-9] pool10.fabrikam.com/fail-over-central-management-store
# Only if pool10.fabrikam.com must fail over (FE-1c): first move the Central Management Store it hosts to sql11.fabrikam.com (Invoke-CsManagementServerFailover, on fe111.fabrikam.com)
# Only before this pool is failed over (FE-1c), and first (CR-9), on a server of the pool that takes the store; check where it is first: Get-CsConfigurationStoreLocation
# Invoke-Command -ComputerName 'fe111.fabrikam.com' -ScriptBlock { Invoke-CsManagementServerFailover -Confirm:$false }   # to sql11.fabrikam.com
#endregion

#region 12. [FE-1c] pool10.fabrikam.com/fail-over
# Only if a readiness check or settle wait finds a pool problem (FE-1b): fail pool10.fabrikam.com over to pool11.fabrikam.com (Invoke-CsPoolFailOver), then update its servers
# Only if a readiness check or settle wait of this pool threw (FE-1b); the pool still runs, so the planned form, without -DisasterMode:
# Invoke-CsPoolFailOver -PoolFqdn 'pool10.fabrikam.com' -Confirm:$false   # to pool11.fabrikam.com
#endregion

#region 13. [CR-3] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool10.fabrikam.com before fe101.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool10.fabrikam.com' -Reset $false
#endregion

#region 14. [CR-3a] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe101.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe101.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 15. [CR-3b] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/install-update
# Run the update installer with /silentmode on fe101.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe101.fabrikam.com'
#endregion

#region 16. [CR-3b] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/restart
# Restart fe101.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe101.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 17. [CR-3c] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe101.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe101.fabrikam.com' -Confirm:$false
#endregion

#region 18. [CR-3c] pool10.fabrikam.com/UpgradeDomain1/fe101.fabrikam.com/verify
# Check that fe101.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe101.fabrikam.com'
#endregion

#region 19. [CR-3] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool10.fabrikam.com before fe102.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool10.fabrikam.com' -Reset $false
#endregion

#region 20. [CR-3a] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe102.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe102.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 21. [CR-3b] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/install-update
# Run the update installer with /silentmode on fe102.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe102.fabrikam.com'
#endregion

#region 22. [CR-3b] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/restart
# Restart fe102.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe102.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 23. [CR-3c] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe102.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe102.fabrikam.com' -Confirm:$false
#endregion

#region 24. [CR-3c] pool10.fabrikam.com/UpgradeDomain1/fe102.fabrikam.com/verify
# Check that fe102.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe102.fabrikam.com'
#endregion

#region 25. [CR-3] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool10.fabrikam.com before fe103.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool10.fabrikam.com' -Reset $false
#endregion

#region 26. [CR-3a] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe103.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe103.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 27. [CR-3b] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/install-update
# Run the update installer with /silentmode on fe103.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe103.fabrikam.com'
#endregion

#region 28. [CR-3b] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/restart
# Restart fe103.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe103.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 29. [CR-3c] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe103.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe103.fabrikam.com' -Confirm:$false
#endregion

#region 30. [CR-3c] pool10.fabrikam.com/UpgradeDomain2/fe103.fabrikam.com/verify
# Check that fe103.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe103.fabrikam.com'
#endregion

#region 31. [CR-3] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool10.fabrikam.com before fe104.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool10.fabrikam.com' -Reset $false
#endregion

#region 32. [CR-3a] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe104.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe104.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 33. [CR-3b] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/install-update
# Run the update installer with /silentmode on fe104.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe104.fabrikam.com'
#endregion

#region 34. [CR-3b] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/restart
# Restart fe104.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe104.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 35. [CR-3c] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe104.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe104.fabrikam.com' -Confirm:$false
#endregion

#region 36. [CR-3c] pool10.fabrikam.com/UpgradeDomain2/fe104.fabrikam.com/verify
# Check that fe104.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe104.fabrikam.com'
#endregion

#region 37. [BE-1] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/check-administrator-role
# Check that the account updating sql10a.fabrikam.com is a member of the CsAdministrator role
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }
#endregion

#region 38. [BE-3] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/open-management-shell
# Start the Lync Server Management Shell on sql10a.fabrikam.com
# Manual: automation runs the cmdlets in its own PowerShell session with the Lync module loaded
#endregion

#region 39. [BE-4] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/stop-services
# Stop-CsWindowsService -Verbose on sql10a.fabrikam.com: stop the Lync Server services
Invoke-Command -ComputerName 'sql10a.fabrikam.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 40. [BE-5] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/stop-web-service
# net stop w3svc on sql10a.fabrikam.com: stop the World Wide Web service
Set-WebServiceState -Server 'sql10a.fabrikam.com' -Running $false
#endregion

#region 41. [BE-6] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/close-management-shells
# Close every Lync Server Management Shell window on sql10a.fabrikam.com
# Manual: automation holds no Management Shell open while the installer runs; close any window an operator left open
#endregion

#region 42. [BE-7] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/install-update
# Run the update installer with /silentmode on sql10a.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'sql10a.fabrikam.com'
#endregion

#region 43. [BE-8] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/reopen-management-shell
# Start the Lync Server Management Shell on sql10a.fabrikam.com again
# Manual: automation loads the updated Lync module in a fresh session for the next steps
#endregion

#region 44. [BE-9] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/stop-services-again
# Stop-CsWindowsService -Verbose again on sql10a.fabrikam.com, to catch the Global Assembly Cache (GAC) -d assemblies
Invoke-Command -ComputerName 'sql10a.fabrikam.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 45. [BE-10] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/start-web-service
# net start w3svc on sql10a.fabrikam.com: restart the World Wide Web service
Set-WebServiceState -Server 'sql10a.fabrikam.com' -Running $true
#endregion

#region 46. [BE-11a] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/update-databases
# Apply the update to the SQL Server databases: Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn ag10.fabrikam.com
Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn ag10.fabrikam.com
#endregion

#region 47. [CR-7] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/verify-databases
# Check the database update: Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn ag10.fabrikam.com (every expected version installed)
Assert-DatabasesCurrent -SqlServer 'ag10.fabrikam.com'
#endregion

#region 48. [CR-6] pool10.fabrikam.com/back-end/sql10a.fabrikam.com/publish-topology
# Publish the topology again (Publish-CsTopology with Get-CsTopology -AsXml, then Enable-CsTopology) after the availability group's databases were updated
$topologyFile = Join-Path ([IO.Path]::GetTempPath()) 'lync-upgrade-topology.xml'
(Get-CsTopology -AsXml).ToString() | Set-Content -Path $topologyFile -Encoding UTF8
Publish-CsTopology -FileName $topologyFile -Force -Confirm:$false
Enable-CsTopology -Confirm:$false
#endregion

#region 49. [SDK-3] pool10.fabrikam.com/fail-back
# Only if the pool was failed over: fail pool10.fabrikam.com back from pool11.fabrikam.com (Invoke-CsPoolFailBack) once all its servers are verified
# Only if this pool was failed over, once all its servers are verified (SDK-3):
# Invoke-CsPoolFailBack -PoolFqdn 'pool10.fabrikam.com' -Confirm:$false   # from pool11.fabrikam.com
#endregion

#region 50. [FE-1c] pool11.fabrikam.com/fail-over
# Only if a readiness check or settle wait finds a pool problem (FE-1b): fail pool11.fabrikam.com over to pool10.fabrikam.com (Invoke-CsPoolFailOver), then update its servers
# Only if a readiness check or settle wait of this pool threw (FE-1b); the pool still runs, so the planned form, without -DisasterMode:
# Invoke-CsPoolFailOver -PoolFqdn 'pool11.fabrikam.com' -Confirm:$false   # to pool10.fabrikam.com
#endregion

#region 51. [CR-3] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool11.fabrikam.com before fe111.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool11.fabrikam.com' -Reset $false
#endregion

#region 52. [CR-3a] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe111.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe111.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 53. [CR-3b] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/install-update
# Run the update installer with /silentmode on fe111.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe111.fabrikam.com'
#endregion

#region 54. [CR-3b] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/restart
# Restart fe111.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe111.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 55. [CR-3c] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe111.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe111.fabrikam.com' -Confirm:$false
#endregion

#region 56. [CR-3c] pool11.fabrikam.com/UpgradeDomain1/fe111.fabrikam.com/verify
# Check that fe111.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe111.fabrikam.com'
#endregion

#region 57. [CR-3] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool11.fabrikam.com before fe112.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool11.fabrikam.com' -Reset $false
#endregion

#region 58. [CR-3a] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe112.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe112.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 59. [CR-3b] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/install-update
# Run the update installer with /silentmode on fe112.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe112.fabrikam.com'
#endregion

#region 60. [CR-3b] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/restart
# Restart fe112.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe112.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 61. [CR-3c] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe112.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe112.fabrikam.com' -Confirm:$false
#endregion

#region 62. [CR-3c] pool11.fabrikam.com/UpgradeDomain2/fe112.fabrikam.com/verify
# Check that fe112.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe112.fabrikam.com'
#endregion

#region 63. [CR-3] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/check-fabric-state
# Run Get-CsPoolFabricState -PoolFqdn pool11.fabrikam.com before fe113.fabrikam.com: go on when every routing group has its replicas; if any are missing, stop: the operator decides on Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery
Assert-ReplicasPresent -Pool 'pool11.fabrikam.com' -Reset $false
#endregion

#region 64. [CR-3a] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/fail-over-server
# Invoke-CsComputerFailOver -ComputerName fe113.fabrikam.com -DrainingTimeout (New-TimeSpan -Seconds 1800): drain it (at most 30 min), then stop and disable its services
Invoke-CsComputerFailOver -ComputerName 'fe113.fabrikam.com' -DrainingTimeout (New-TimeSpan -Seconds 1800) -Confirm:$false
#endregion

#region 65. [CR-3b] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/install-update
# Run the update installer with /silentmode on fe113.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'fe113.fabrikam.com'
#endregion

#region 66. [CR-3b] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/restart
# Restart fe113.fabrikam.com and wait for it to come back
Restart-Computer -ComputerName 'fe113.fabrikam.com' -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force
#endregion

#region 67. [CR-3c] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/fail-back-server
# Invoke-CsComputerFailBack -ComputerName fe113.fabrikam.com: enable and start its services
Invoke-CsComputerFailBack -ComputerName 'fe113.fabrikam.com' -Confirm:$false
#endregion

#region 68. [CR-3c] pool11.fabrikam.com/UpgradeDomain3/fe113.fabrikam.com/verify
# Check that fe113.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'fe113.fabrikam.com'
#endregion

#region 69. [BE-1] pool11.fabrikam.com/back-end/sql11.fabrikam.com/check-administrator-role
# Check that the account updating sql11.fabrikam.com is a member of the CsAdministrator role
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }
#endregion

#region 70. [BE-3] pool11.fabrikam.com/back-end/sql11.fabrikam.com/open-management-shell
# Start the Lync Server Management Shell on sql11.fabrikam.com
# Manual: automation runs the cmdlets in its own PowerShell session with the Lync module loaded
#endregion

#region 71. [BE-4] pool11.fabrikam.com/back-end/sql11.fabrikam.com/stop-services
# Stop-CsWindowsService -Verbose on sql11.fabrikam.com: stop the Lync Server services
Invoke-Command -ComputerName 'sql11.fabrikam.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 72. [BE-5] pool11.fabrikam.com/back-end/sql11.fabrikam.com/stop-web-service
# net stop w3svc on sql11.fabrikam.com: stop the World Wide Web service
Set-WebServiceState -Server 'sql11.fabrikam.com' -Running $false
#endregion

#region 73. [BE-6] pool11.fabrikam.com/back-end/sql11.fabrikam.com/close-management-shells
# Close every Lync Server Management Shell window on sql11.fabrikam.com
# Manual: automation holds no Management Shell open while the installer runs; close any window an operator left open
#endregion

#region 74. [BE-7] pool11.fabrikam.com/back-end/sql11.fabrikam.com/install-update
# Run the update installer with /silentmode on sql11.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'sql11.fabrikam.com'
#endregion

#region 75. [BE-8] pool11.fabrikam.com/back-end/sql11.fabrikam.com/reopen-management-shell
# Start the Lync Server Management Shell on sql11.fabrikam.com again
# Manual: automation loads the updated Lync module in a fresh session for the next steps
#endregion

#region 76. [BE-9] pool11.fabrikam.com/back-end/sql11.fabrikam.com/stop-services-again
# Stop-CsWindowsService -Verbose again on sql11.fabrikam.com, to catch the Global Assembly Cache (GAC) -d assemblies
Invoke-Command -ComputerName 'sql11.fabrikam.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 77. [BE-10] pool11.fabrikam.com/back-end/sql11.fabrikam.com/start-web-service
# net start w3svc on sql11.fabrikam.com: restart the World Wide Web service
Set-WebServiceState -Server 'sql11.fabrikam.com' -Running $true
#endregion

#region 78. [BE-11b] pool11.fabrikam.com/back-end/sql11.fabrikam.com/update-databases
# Apply the update to the SQL Server databases: Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql11.fabrikam.com -ExcludeCollocatedStores
Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn sql11.fabrikam.com -ExcludeCollocatedStores
#endregion

#region 79. [CR-7] pool11.fabrikam.com/back-end/sql11.fabrikam.com/verify-databases
# Check the database update: Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn sql11.fabrikam.com (every expected version installed)
Assert-DatabasesCurrent -SqlServer 'sql11.fabrikam.com'
#endregion

#region 80. [SDK-3] pool11.fabrikam.com/fail-back
# Only if the pool was failed over: fail pool11.fabrikam.com back from pool10.fabrikam.com (Invoke-CsPoolFailBack) once all its servers are verified
# Only if this pool was failed over, once all its servers are verified (SDK-3):
# Invoke-CsPoolFailBack -PoolFqdn 'pool11.fabrikam.com' -Confirm:$false   # from pool10.fabrikam.com
#endregion

#region 81. [BE-1] se12.fabrikam.com/back-end/se12.fabrikam.com/check-administrator-role
# Check that the account updating se12.fabrikam.com is a member of the CsAdministrator role
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }
#endregion

#region 82. [BE-3] se12.fabrikam.com/back-end/se12.fabrikam.com/open-management-shell
# Start the Lync Server Management Shell on se12.fabrikam.com
# Manual: automation runs the cmdlets in its own PowerShell session with the Lync module loaded
#endregion

#region 83. [BE-4] se12.fabrikam.com/back-end/se12.fabrikam.com/stop-services
# Stop-CsWindowsService -Verbose on se12.fabrikam.com: stop the Lync Server services
Invoke-Command -ComputerName 'se12.fabrikam.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 84. [BE-5] se12.fabrikam.com/back-end/se12.fabrikam.com/stop-web-service
# net stop w3svc on se12.fabrikam.com: stop the World Wide Web service
Set-WebServiceState -Server 'se12.fabrikam.com' -Running $false
#endregion

#region 85. [BE-6] se12.fabrikam.com/back-end/se12.fabrikam.com/close-management-shells
# Close every Lync Server Management Shell window on se12.fabrikam.com
# Manual: automation holds no Management Shell open while the installer runs; close any window an operator left open
#endregion

#region 86. [BE-7] se12.fabrikam.com/back-end/se12.fabrikam.com/install-update
# Run the update installer with /silentmode on se12.fabrikam.com (exit 0, or 3010: restart required; CR-8)
Install-Update -Server 'se12.fabrikam.com'
#endregion

#region 87. [BE-8] se12.fabrikam.com/back-end/se12.fabrikam.com/reopen-management-shell
# Start the Lync Server Management Shell on se12.fabrikam.com again
# Manual: automation loads the updated Lync module in a fresh session for the next steps
#endregion

#region 88. [BE-9] se12.fabrikam.com/back-end/se12.fabrikam.com/stop-services-again
# Stop-CsWindowsService -Verbose again on se12.fabrikam.com, to catch the Global Assembly Cache (GAC) -d assemblies
Invoke-Command -ComputerName 'se12.fabrikam.com' -ScriptBlock { Stop-CsWindowsService -Verbose }
#endregion

#region 89. [BE-10] se12.fabrikam.com/back-end/se12.fabrikam.com/start-web-service
# net start w3svc on se12.fabrikam.com: restart the World Wide Web service
Set-WebServiceState -Server 'se12.fabrikam.com' -Running $true
#endregion

#region 90. [BE-11c] se12.fabrikam.com/back-end/se12.fabrikam.com/update-databases
# Apply the update to the SQL Server databases: Install-CsDatabase -Update -LocalDatabases
# On the server itself: it reads the topology from the Central Management Store, a second hop from a
# remote session unless the store is on this server or an arrangement of docs/decisions.md is in place.
Invoke-Command -ComputerName 'se12.fabrikam.com' -ScriptBlock { Install-CsDatabase -Update -LocalDatabases }
#endregion

#region 91. [CR-7] se12.fabrikam.com/back-end/se12.fabrikam.com/verify-databases
# Check the database update: Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn se12.fabrikam.com (every expected version installed)
Assert-DatabasesCurrent -SqlServer 'se12.fabrikam.com'
#endregion

#region 92. [SDK-2] se12.fabrikam.com/back-end/se12.fabrikam.com/start-services
# Start-CsWindowsService on se12.fabrikam.com: the Back End procedure leaves the services stopped
Invoke-Command -ComputerName 'se12.fabrikam.com' -ScriptBlock { Start-CsWindowsService }
#endregion

#region 93. [SDK-2] se12.fabrikam.com/back-end/se12.fabrikam.com/verify
# Check that se12.fabrikam.com accepts new connections (Get-CsWindowsService: all services running)
Assert-ServerRunning -Server 'se12.fabrikam.com'
#endregion

Write-Host 'Every step of the runbook is done.'
