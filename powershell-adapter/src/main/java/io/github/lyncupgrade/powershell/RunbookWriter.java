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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
  /** The functions a runbook's regions call (waits, checks, the installer), from {@code runbook-functions.ps1}. */
  private static final String FUNCTIONS = functions();

  private RunbookWriter() {}

  private static String functions() {
    try (InputStream in = RunbookWriter.class.getResourceAsStream("runbook-functions.ps1")) {
      if (in == null) {
        throw new IllegalStateException("runbook-functions.ps1 is missing from the adapter's jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(text.indexOf('\n', text.indexOf('\n') + 1) + 1); // the two header comment lines stay behind
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
    out.append(FUNCTIONS).append('\n');
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
     * second hop when the store is elsewhere: see docs/decisions.md).
     */
    @Override
    public String visit(UpdateDatabases step) {
      if (step.variant() != DatabaseUpdateVariant.LOCAL_DATABASES) {
        return step.command() + "\n";
      }
      return "# On the server itself: it reads the topology from the Central Management Store, a second hop from a\n"
          + "# remote session unless the store is on this server or an arrangement of docs/decisions.md is in place.\n"
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
