package io.github.lyncupgrade.core.procedure;

/**
 * The numbered rules of the procedure this SDK implements, as {@code PROCEDURE.md} restates
 * Microsoft's topics (FE-*, BE-*), the facts it adds from Microsoft's cmdlet reference and
 * companion topics (CR-*, numbered here and in docs/procedure.md in the order the page gives them),
 * plus the decisions the topics leave to the SDK (SDK-*), which docs/decisions.md explains. Every step cites the rule it carries out.
 */
public enum ProcedureRule {
  FE_0("FE-0", "Upgrade one upgrade domain at a time and keep track of what is done"),
  FE_1("FE-1", "Run Get-CsPoolUpgradeReadinessState on a Front End server of the pool"),
  FE_1A("FE-1a", "PoolUpgradeState Busy: wait 10 minutes, then check again"),
  FE_1B("FE-1b", "Busy three times in a row, or InsufficientActiveFrontEnds: the pool has a problem"),
  FE_1C("FE-1c", "A pool with a problem and a backup pool: fail over, then update its servers"),
  FE_1D("FE-1d", "PoolUpgradeState Ready: go on to FE-2"),
  FE_2("FE-2", "Upgrade a domain's servers only when its ReadyForUpgrade is True"),
  FE_2A("FE-2a", "Stop-CsWindowsService -Graceful -Verbose (without -Graceful in scheduled downtime)"),
  FE_2B("FE-2b", "Upgrade the servers of the domain"),
  FE_2C("FE-2c", "Restart the servers and check that they accept new connections"),
  FE_3("FE-3", "Repeat FE-1 and FE-2 for every other upgrade domain"),
  BE_0("BE-0", "A Back End down for 30 minutes or more may put users into resiliency mode"),
  BE_1("BE-1", "Log on to the server as a member of the CsAdministrator role"),
  BE_2("BE-2", "Download the update and extract it to the local disk"),
  BE_3("BE-3", "Start the Lync Server Management Shell"),
  BE_4("BE-4", "Stop-CsWindowsService"),
  BE_5("BE-5", "net stop w3svc"),
  BE_6("BE-6", "Close every Management Shell window"),
  BE_7("BE-7", "Install the update"),
  BE_8("BE-8", "Start the Management Shell again"),
  BE_9("BE-9", "Stop-CsWindowsService again, to catch the GAC'd assemblies"),
  BE_10("BE-10", "net start w3svc"),
  BE_11A("BE-11a", "Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn <fqdn>"),
  BE_11B("BE-11b", "Install-CsDatabase -Update -ConfiguredDatabases -SqlServerFqdn <fqdn> -ExcludeCollocatedStores"),
  BE_11C("BE-11c", "Install-CsDatabase -Update -LocalDatabases"),
  CR_1("CR-1", "Never run fewer Front Ends of a pool than Microsoft's quorum table allows (by topology order)"),
  CR_2("CR-2", "After a domain reports Ready wait 20 minutes (again if it turns Not Ready); routing groups must not move"),
  CR_3("CR-3", "Get-CsPoolFabricState before each server; replicas missing: Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery"),
  CR_3A("CR-3a", "Invoke-CsComputerFailOver -ComputerName <fe> -DrainingTimeout <bound>: drain, stop, disable its services"),
  CR_3B("CR-3b", "Patch the failed-over server: run the installer, restart"),
  CR_3C("CR-3c", "Invoke-CsComputerFailBack -ComputerName <fe>, check it, then the next server"),
  CR_4("CR-4", "Skype for Business Server 2019: Get-CsUpgradeDomainInfo where Get-CsPoolUpgradeReadinessState was"),
  CR_5("CR-5", "Install-CsDatabase -Update cannot be used against mirrored databases: remove the mirror, or confirm the risk"),
  CR_6("CR-6", "AlwaysOn availability group: Install-CsDatabase targets the listener, then the topology is published again"),
  CR_7("CR-7", "After Install-CsDatabase, Test-CsDatabase -ConfiguredDatabases: every expected version installed"),
  CR_8("CR-8", "The update installer runs with /silentmode; exit 0 is success, 3010 success with a restart required"),
  CR_9("CR-9", "Failing over the pool that hosts the Central Management Store moves the store first"),
  SDK_1("SDK-1", "Order between a pool's Front End domains and its Back End database update"),
  SDK_2("SDK-2", "Start a Standard Edition server's services after BE-11 and check them"),
  SDK_3("SDK-3", "Fail a failed-over pool back once all its servers are verified"),
  SDK_4("SDK-4", "Pools run under the plan's concurrency, never both pools of a disaster-recovery pair at once"),
  SDK_5("SDK-5", "Stage the update on every server of a pool before any of its services stops"),
  SDK_6("SDK-6", "A step the plan's user added, carried out by the action they registered"),
  SDK_7("SDK-7", "A paired single-server pool, which cannot keep its users served while updated, fails over first");

  private final String id;
  private final String summary;

  ProcedureRule(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** The rule's id as {@code PROCEDURE.md} writes it, for example {@code FE-2a}. */
  public String id() {
    return id;
  }

  /** The rule in one line. */
  public String summary() {
    return summary;
  }

  /** Whether this is a decision of the SDK rather than a rule of Microsoft's procedure. */
  public boolean isSdkDecision() {
    return id.startsWith("SDK-");
  }

  @Override
  public String toString() {
    return id;
  }
}
