# lync-upgrade:runbook-functions
# The functions every runbook RunbookWriter writes defines after its header: the waits and checks its regions call.
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
