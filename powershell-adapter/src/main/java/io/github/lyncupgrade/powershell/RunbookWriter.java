package io.github.lyncupgrade.powershell;

import static io.github.lyncupgrade.powershell.PowerShellQuoting.singleQuoted;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import io.github.lyncupgrade.core.step.CheckAdministratorRole;
import io.github.lyncupgrade.core.step.CheckDomainReadiness;
import io.github.lyncupgrade.core.step.CheckFabricState;
import io.github.lyncupgrade.core.step.CheckPoolReadiness;
import io.github.lyncupgrade.core.step.CustomStep;
import io.github.lyncupgrade.core.step.FailBackPool;
import io.github.lyncupgrade.core.step.FailBackServer;
import io.github.lyncupgrade.core.step.FailOverCentralManagementStore;
import io.github.lyncupgrade.core.step.FailOverPool;
import io.github.lyncupgrade.core.step.FailOverServer;
import io.github.lyncupgrade.core.step.InstallUpdate;
import io.github.lyncupgrade.core.step.ManualStep;
import io.github.lyncupgrade.core.step.PublishTopology;
import io.github.lyncupgrade.core.step.RestartServer;
import io.github.lyncupgrade.core.step.SettlePool;
import io.github.lyncupgrade.core.step.StageUpdate;
import io.github.lyncupgrade.core.step.StartServices;
import io.github.lyncupgrade.core.step.StartWebService;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepVisitor;
import io.github.lyncupgrade.core.step.StopServices;
import io.github.lyncupgrade.core.step.StopWebService;
import io.github.lyncupgrade.core.step.UpdateDatabases;
import io.github.lyncupgrade.core.step.VerifyDatabases;
import io.github.lyncupgrade.core.step.VerifyServer;
import java.util.List;

/**
 * Writes an {@link UpgradePlan} as a commented {@code .ps1} runbook for operators who review the
 * procedure or carry it out by hand: one region per step citing its PROCEDURE rule, the
 * readiness waits written out, every value single-quoted by {@link PowerShellQuoting}, and
 * {@code $ErrorActionPreference = 'Stop'} so the first error stops it. Contingent steps (pool
 * failover and failback, the Central Management Store's failover) are written as commented-out
 * commands with the condition that calls for them, unless the pool fails over before its update
 * (SDK-7); manual steps as comments with their reason.
 * Skype for Business pools patched server by server get {@code Invoke-CsComputerFailOver} and
 * {@code Invoke-CsComputerFailBack} (CR-3); 2019 pools ask {@code Get-CsUpgradeDomainInfo} (CR-4).
 */
public final class RunbookWriter {
  private RunbookWriter() {}

  /** The runbook of {@code plan}. */
  public static String write(UpgradePlan plan) {
    requireNonNull(plan, "plan");
    StringBuilder out = new StringBuilder();
    header(plan, out);
    List<Step> steps = plan.steps();
    Region region = new Region(plan);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      out.append("#region ").append(i + 1).append(". [").append(step.rule().id()).append("] ").append(step.id())
          .append('\n');
      out.append("# ").append(step.description().replace("\n", " ")).append('\n');
      out.append(step.accept(region));
      out.append("#endregion\n\n");
    }
    out.append("Write-Host 'Every step of the runbook is done.'\n");
    return out.toString();
  }

  private static void header(UpgradePlan plan, StringBuilder out) {
    out.append("# Lync Server 2013 / Skype for Business Server cumulative update runbook, written by lync-upgrade.\n");
    out.append("# Plan fingerprint ").append(plan.fingerprint()).append('\n');
    out.append("# ").append(plan.size()).append(" steps for ").append(plan.topology().pools().size())
        .append(" pools. Run it in the Lync Server Management Shell as a member of CsAdministrator,\n")
        .append("# or read it as the procedure: each region cites the PROCEDURE rule it carries out.\n");
    out.append("# Windows PowerShell 5.1, as pre-flight asks: Copy-Item -ToSession needs 5.0 or later.\n");
    out.append("#Requires -Version 5.1\n");
    out.append("$ErrorActionPreference = 'Stop'\n");
    String installer = plan.options().updatePackage().map(UpdatePackage::location)
        .orElse("<the cumulative update's installer: LyncServerUpdateInstaller.exe or SkypeServerUpdateInstaller.exe>");
    out.append("$UpdateInstaller = ").append(singleQuoted(installer)).append('\n');
    out.append("$TargetBuild = ").append(singleQuoted(plan.options().updatePackage()
        .map(update -> update.targetVersion().toString()).orElse(""))).append('\n');
    out.append("$Policy = @{ BusyWaitMinutes = ").append(plan.options().readinessPolicy().busyInterval().toMinutes())
        .append("; MaxConsecutiveBusy = ").append(plan.options().readinessPolicy().maxConsecutiveBusy()).append(" }\n\n");
    out.append("""
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
          # Server\\Core\\RtcHost.exe is at least that build (Lync Server 2013, Skype for Business Server 2015 or 2019).
          $found = Invoke-Command -ComputerName $Server -ScriptBlock {
            $ErrorActionPreference = 'Stop'
            $builds = @(foreach ($product in 'Microsoft Lync Server 2013', 'Skype for Business Server 2015', 'Skype for Business Server 2019') {
              $path = Join-Path $env:ProgramFiles "$product\\Server\\Core\\RtcHost.exe"
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
            Invoke-Command -Session $session -ScriptBlock { $null = New-Item -ItemType Directory -Force -Path 'C:\\LyncUpgrade' }
            Copy-Item -Path $UpdateInstaller -Destination 'C:\\LyncUpgrade' -ToSession $session -Force
          } finally {
            Remove-PSSession $session
          }
        }

        function Install-Update([string]$Server) {
          # FE-2b, BE-7, CR-8: the installer runs unattended; 0 is success, 3010 success with a restart required.
          $local = Join-Path 'C:\\LyncUpgrade' (Split-Path $UpdateInstaller -Leaf)
          $staged = Invoke-Command -ComputerName $Server -ArgumentList $local -ScriptBlock { param($path) Test-Path -LiteralPath $path }
          if (-not $staged) { Copy-Update -Server $Server }
          $exit = Invoke-Command -ComputerName $Server -ArgumentList $local -ScriptBlock {
            param($path) (Start-Process -FilePath $path -ArgumentList '/silentmode' -Wait -PassThru).ExitCode
          }
          if ($null -eq $exit) { throw "The installer on $Server reported no exit code; its log is next to it in C:\\LyncUpgrade" }
          if ($exit -ne 0 -and $exit -ne 3010) { throw "The installer exited with $exit on $Server; its log is next to it in C:\\LyncUpgrade" }
        }

        """);
  }

  /** A region's commands for each type of step. */
  private static final class Region implements StepVisitor<String> {
    private final UpgradePlan plan;

    Region(UpgradePlan plan) {
      this.plan = plan;
    }

    private String is2019(Step step) {
      return plan.topology().pool(step.pool()).orElseThrow().product() == ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019
          ? "$true" : "$false";
    }

    /** Whether {@code step}'s pool fails over before its update (SDK-7), so that its failover and failback always run. */
    private boolean failsOverBeforeUpdate(Step step) {
      return plan.step(FailOverPool.idOf(step.pool())).map(FailOverPool.class::cast).map(FailOverPool::beforeUpdate)
          .orElse(false);
    }

    private static String target(Step step) {
      return singleQuoted(step.target().toString());
    }

    private static String onServer(Step step, String command) {
      return "Invoke-Command -ComputerName " + target(step) + " -ScriptBlock { " + command + " }\n";
    }

    @Override
    public String visit(CheckPoolReadiness step) {
      return "$null = Wait-PoolReady -FrontEnd " + singleQuoted(step.runOn().toString()) + " -Is2019 " + is2019(step)
          + "\n";
    }

    @Override
    public String visit(CheckDomainReadiness step) {
      return "Assert-DomainReady -FrontEnd " + singleQuoted(step.runOn().toString()) + " -Is2019 " + is2019(step)
          + " -UpgradeDomain " + singleQuoted(step.upgradeDomain().name()) + "\n";
    }

    @Override
    public String visit(SettlePool step) {
      return "Wait-PoolSettled -FrontEnd " + singleQuoted(step.runOn().toString()) + " -Pool "
          + singleQuoted(step.pool().toString()) + " -Is2019 " + is2019(step) + " -Minutes "
          + step.policy().settleTime().toMinutes() + " -PollMinutes " + step.policy().pollInterval().toMinutes()
          + " -GiveUpMinutes " + step.policy().giveUpAfter().toMinutes() + "\n";
    }

    @Override
    public String visit(FailOverPool step) {
      String command = "Invoke-CsPoolFailOver -PoolFqdn " + singleQuoted(step.pool().toString())
          + (step.mode() == PoolFailoverMode.DISASTER ? " -DisasterMode" : "") + " -Confirm:$false   # to "
          + step.partner() + "\n";
      if (step.beforeUpdate()) {
        return "# A single server cannot keep its users served while it is updated: they move to its partner first (SDK-7).\n"
            + command;
      }
      return "# Only if a readiness check or settle wait of this pool threw (FE-1b)"
          + (step.mode() == PoolFailoverMode.DISASTER ? ", treating the pool as lost (disaster mode):\n"
              : "; the pool still runs, so the planned form, without -DisasterMode:\n")
          + "# " + command;
    }

    @Override
    public String visit(FailOverCentralManagementStore step) {
      SqlStoreName backup = SqlStoreName.parse(step.backupStore());
      String target = step.mode() == PoolFailoverMode.DISASTER ? "-BackupSqlServerFqdn " + singleQuoted(backup.server())
          + (backup.hasInstance() ? " -BackupSqlInstanceName " + singleQuoted(backup.instance()) : "") + " -Force " : "";
      String command = "Invoke-Command -ComputerName " + singleQuoted(step.runOn().toString())
          + " -ScriptBlock { Invoke-CsManagementServerFailover " + target + "-Confirm:$false }   # to "
          + step.backupStore() + "\n";
      String where = " on a server of the pool that takes the store; check where it is first:"
          + " Get-CsConfigurationStoreLocation\n";
      return step.beforeUpdate() ? "# Before this pool fails over for its update (SDK-7), and first (CR-9)," + where + command
          : "# Only before this pool is failed over (FE-1c), and first (CR-9)," + where + "# " + command;
    }

    @Override
    public String visit(FailBackPool step) {
      String command = "Invoke-CsPoolFailBack -PoolFqdn " + singleQuoted(step.pool().toString())
          + " -Confirm:$false   # from " + step.partner() + "\n";
      return failsOverBeforeUpdate(step) ? "# Its servers are verified: its users come back (SDK-3).\n" + command
          : "# Only if this pool was failed over, once all its servers are verified (SDK-3):\n# " + command;
    }

    @Override
    public String visit(StopServices step) {
      return onServer(step, step.command());
    }

    @Override
    public String visit(InstallUpdate step) {
      return "Install-Update -Server " + target(step) + "\n";
    }

    @Override
    public String visit(RestartServer step) {
      return "Restart-Computer -ComputerName " + target(step) + " -Protocol WSMan -Wait -For PowerShell -Timeout 3600 -Force\n";
    }

    @Override
    public String visit(VerifyServer step) {
      return "Assert-ServerRunning -Server " + target(step) + "\n";
    }

    @Override
    public String visit(StartServices step) {
      return onServer(step, "Start-CsWindowsService");
    }

    @Override
    public String visit(CheckAdministratorRole step) {
      return "if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent())"
          + ".IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }\n";
    }

    @Override
    public String visit(StageUpdate step) {
      return "Copy-Update -Server " + target(step) + "\n";
    }

    @Override
    public String visit(ManualStep step) {
      return "# Manual: " + step.manualReason().orElseThrow() + "\n";
    }

    @Override
    public String visit(StopWebService step) {
      return "Set-WebServiceState -Server " + target(step) + " -Running $false\n";
    }

    @Override
    public String visit(StartWebService step) {
      return "Set-WebServiceState -Server " + target(step) + " -Running $true\n";
    }

    /**
     * BE-11: a and b from here (they take the SQL Server); c acts on the local computer, so it runs on
     * the Standard Edition server, where it reads the topology from the Central Management Store (a
     * second hop when the store is elsewhere: see the README).
     */
    @Override
    public String visit(UpdateDatabases step) {
      if (step.variant() != DatabaseUpdateVariant.LOCAL_DATABASES) {
        return step.command() + "\n";
      }
      return "# On the server itself: it reads the topology from the Central Management Store, a second hop from a\n"
          + "# remote session unless the store is on this server or the README's arrangement is in place.\n"
          + onServer(step, step.command());
    }

    @Override
    public String visit(VerifyDatabases step) {
      return "Assert-DatabasesCurrent -SqlServer " + singleQuoted(step.sqlServer().toString()) + "\n";
    }

    @Override
    public String visit(PublishTopology step) {
      return "$topologyFile = Join-Path ([IO.Path]::GetTempPath()) 'lync-upgrade-topology.xml'\n"
          + "(Get-CsTopology -AsXml).ToString() | Set-Content -Path $topologyFile -Encoding UTF8\n"
          + "Publish-CsTopology -FileName $topologyFile -Force -Confirm:$false\n"
          + "Enable-CsTopology -Confirm:$false\n";
    }

    @Override
    public String visit(CheckFabricState step) {
      return "Assert-ReplicasPresent -Pool " + singleQuoted(step.pool().toString()) + " -Reset $"
          + step.resetOnMissingReplicas() + "\n";
    }

    @Override
    public String visit(FailOverServer step) {
      return "Invoke-CsComputerFailOver -ComputerName " + target(step) + " -DrainingTimeout (New-TimeSpan -Seconds "
          + step.drainingTimeout().toSeconds() + ") -Confirm:$false\n";
    }

    @Override
    public String visit(FailBackServer step) {
      return "Invoke-CsComputerFailBack -ComputerName " + target(step) + " -Confirm:$false\n";
    }

    @Override
    public String visit(CustomStep step) {
      return "# Custom step (SDK-6): your own automation's action " + step.action()
          + " does this; it is not scripted here.\n";
    }
  }
}
