package io.github.lyncupgrade.powershell;

import static io.github.lyncupgrade.powershell.PowerShellQuoting.singleQuoted;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.plan.CheckDomainReadiness;
import io.github.lyncupgrade.core.plan.CheckPoolReadiness;
import io.github.lyncupgrade.core.plan.CustomStep;
import io.github.lyncupgrade.core.plan.FailBackPool;
import io.github.lyncupgrade.core.plan.FailOverPool;
import io.github.lyncupgrade.core.plan.Step;
import io.github.lyncupgrade.core.plan.StopServices;
import io.github.lyncupgrade.core.plan.UpdateDatabases;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import java.util.List;

/**
 * Writes an {@link UpgradePlan} as a commented {@code .ps1} runbook for operators who review the
 * procedure or carry it out by hand: one region per step citing its PROCEDURE rule, the
 * readiness waits written out, every value single-quoted by {@link PowerShellQuoting}, and
 * {@code $ErrorActionPreference = 'Stop'} so the first error stops it. Contingent steps (pool
 * failover and failback) are written as commented-out commands with the condition that calls
 * for them; manual steps as comments with their reason.
 */
public final class RunbookWriter {
  private RunbookWriter() {}

  /** The runbook of {@code plan}. */
  public static String write(UpgradePlan plan) {
    requireNonNull(plan, "plan");
    StringBuilder out = new StringBuilder();
    header(plan, out);
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      out.append("#region ").append(i + 1).append(". [").append(step.rule().id()).append("] ").append(step.id())
          .append('\n');
      out.append("# ").append(step.description().replace("\n", " ")).append('\n');
      body(step, out);
      out.append("#endregion\n\n");
    }
    out.append("Write-Host 'Every step of the runbook is done.'\n");
    return out.toString();
  }

  private static void header(UpgradePlan plan, StringBuilder out) {
    out.append("# Lync Server 2013 cumulative update runbook, written by lync-upgrade.\n");
    out.append("# Plan fingerprint ").append(plan.fingerprint()).append('\n');
    out.append("# ").append(plan.size()).append(" steps for ").append(plan.topology().pools().size())
        .append(" pools. Run it in the Lync Server Management Shell as a member of CsAdministrator,\n")
        .append("# or read it as the procedure: each region cites the PROCEDURE rule it carries out.\n");
    out.append("#Requires -Version 3.0\n");
    out.append("$ErrorActionPreference = 'Stop'\n");
    String installer = plan.options().updatePackage().map(UpdatePackage::location)
        .orElse("<the LyncServerUpdateInstaller.exe of the cumulative update>");
    out.append("$UpdateInstaller = ").append(singleQuoted(installer)).append('\n');
    out.append("$Policy = @{ BusyWaitMinutes = ").append(plan.options().readinessPolicy().busyInterval().toMinutes())
        .append("; MaxConsecutiveBusy = ").append(plan.options().readinessPolicy().maxConsecutiveBusy()).append(" }\n\n");
    out.append("""
        function Wait-PoolReady([string]$FrontEnd) {
          # FE-1: Get-CsPoolUpgradeReadinessState runs only locally on a Front End of the pool.
          $busy = 0
          while ($true) {
            $state = Invoke-Command -ComputerName $FrontEnd -ScriptBlock { Get-CsPoolUpgradeReadinessState }
            switch ([string]$state.PoolUpgradeState) {
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

        function Copy-Update([string]$Server) {
          # BE-2, SDK-5: copy the installer to the server's local disk.
          $session = New-PSSession -ComputerName $Server
          try {
            Invoke-Command -Session $session -ScriptBlock { $null = New-Item -ItemType Directory -Force 'C:\\LyncUpgrade' }
            Copy-Item -Path $UpdateInstaller -Destination 'C:\\LyncUpgrade' -ToSession $session -Force
          } finally {
            Remove-PSSession $session
          }
        }

        function Install-Update([string]$Server) {
          # FE-2b, BE-7: the installer runs unattended; 0 is success, 3010 success with a restart required.
          $local = Join-Path 'C:\\LyncUpgrade' (Split-Path $UpdateInstaller -Leaf)
          $staged = Invoke-Command -ComputerName $Server -ArgumentList $local -ScriptBlock { param($path) Test-Path $path }
          if (-not $staged) { Copy-Update -Server $Server }
          $exit = Invoke-Command -ComputerName $Server -ArgumentList $local -ScriptBlock {
            param($path) (Start-Process -FilePath $path -ArgumentList '/silentmode' -Wait -PassThru).ExitCode
          }
          if ($exit -ne 0 -and $exit -ne 3010) { throw "The installer exited with $exit on $Server; its log is next to it in C:\\LyncUpgrade" }
        }

        """);
  }

  private static void body(Step step, StringBuilder out) {
    if (step.isManual()) {
      out.append("# Manual: ").append(step.manualReason().orElseThrow()).append('\n');
      return;
    }
    String target = singleQuoted(step.target().toString());
    switch (step.kind()) {
      case CHECK_POOL_READINESS -> out.append("$null = Wait-PoolReady -FrontEnd ")
          .append(singleQuoted(((CheckPoolReadiness) step).runOn().toString())).append('\n');
      case CHECK_DOMAIN_READINESS -> {
        CheckDomainReadiness gate = (CheckDomainReadiness) step;
        out.append("$state = Wait-PoolReady -FrontEnd ").append(singleQuoted(gate.runOn().toString())).append('\n')
            .append("$domain = $state.UpgradeDomains | Where-Object { [string]$_.UpgradeDomain -eq ")
            .append(singleQuoted(gate.upgradeDomain().name())).append(" }\n")
            .append("if (-not $domain -or [string]$domain.ReadyForUpgrade -ne 'True') { throw ")
            .append(singleQuoted("Upgrade domain " + gate.upgradeDomain().name() + " is not ReadyForUpgrade (FE-2)"))
            .append(" }\n");
      }
      case STOP_SERVICES -> out.append("Invoke-Command -ComputerName ").append(target).append(" -ScriptBlock { ")
          .append(((StopServices) step).command()).append(" }\n");
      case INSTALL_UPDATE -> out.append("Install-Update -Server ").append(target).append('\n');
      case RESTART_SERVER -> out.append("Restart-Computer -ComputerName ").append(target)
          .append(" -Wait -For PowerShell -Timeout 3600 -Force\n");
      case VERIFY_SERVER -> out.append("$stopped = Invoke-Command -ComputerName ").append(target)
          .append(" -ScriptBlock { Get-CsWindowsService | Where-Object { $_.Status -ne 'Running' } }\n")
          .append("if ($stopped) { throw ").append(singleQuoted(step.target() + " does not run all its Lync services"))
          .append(" }\n");
      case START_SERVICES -> out.append("Invoke-Command -ComputerName ").append(target)
          .append(" -ScriptBlock { Start-CsWindowsService }\n");
      case CHECK_ADMINISTRATOR_ROLE -> out.append("if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('CSAdministrator')) { throw 'Run this as a member of CsAdministrator (BE-1)' }\n");
      case STAGE_UPDATE -> out.append("Copy-Update -Server ").append(target).append('\n');
      case STOP_WEB_SERVICE -> out.append("Invoke-Command -ComputerName ").append(target)
          .append(" -ScriptBlock { net stop w3svc }\n");
      case START_WEB_SERVICE -> out.append("Invoke-Command -ComputerName ").append(target)
          .append(" -ScriptBlock { net start w3svc }\n");
      case UPDATE_DATABASES -> out.append(((UpdateDatabases) step).command()).append('\n');
      case FAIL_OVER_POOL -> out.append("# Only if a readiness check of this pool threw (FE-1b):\n")
          .append("# Invoke-CsPoolFailOver -PoolFqdn ").append(singleQuoted(step.pool().toString()))
          .append(" -DisasterMode -Confirm:$false   # to ")
          .append(((FailOverPool) step).partner()).append('\n');
      case FAIL_BACK_POOL -> out.append("# Only if this pool was failed over, once all its servers are verified (SDK-3):\n")
          .append("# Invoke-CsPoolFailBack -PoolFqdn ").append(singleQuoted(step.pool().toString()))
          .append(" -Confirm:$false   # from ").append(((FailBackPool) step).partner()).append('\n');
      case MANUAL -> throw new IllegalStateException("manual steps are written above");
      case CUSTOM -> out.append("# Custom step (SDK-6): your own automation's action ")
          .append(((CustomStep) step).action()).append(" does this; it is not scripted here.\n");
    }
  }
}
