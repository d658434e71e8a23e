package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code simulate}: the plan run against a fake deployment in virtual time, with faults on request. */
@Command(name = "simulate",
    description = "Plan, then run the plan against a fake deployment in virtual time: hours of procedure in seconds, no"
        + " Windows needed. With no arguments it simulates the built-in sample deployment. Each fault names a pool or"
        + " server of the topology; a fault the run never meets is named after the report.")
final class SimulateCommand implements Callable<Integer> {
  @Mixin
  TopologyArguments.FileOrSample topology;

  @Mixin
  PlanArguments plan;

  @Option(names = "--busy", paramLabel = "POOL[:N]",
      description = "The pool's next N readiness checks (1 to " + Bounded.MAX_CHECKS + ", default 1) report Busy.")
  List<String> busy = new ArrayList<>();

  @Option(names = "--insufficient", paramLabel = "POOL[:N]",
      description = "The pool's next N readiness checks (1 to " + Bounded.MAX_CHECKS + ", default 1) report"
          + " InsufficientActiveFrontEnds.")
  List<String> insufficient = new ArrayList<>();

  @Option(names = "--install-fails", paramLabel = "SERVER", description = "The update installer fails on the server.")
  List<String> installFails = new ArrayList<>();

  @Option(names = "--never-back", paramLabel = "SERVER", description = "The server does not come back from its restart.")
  List<String> neverBack = new ArrayList<>();

  @Option(names = "--crash-after", paramLabel = "K", converter = Bounded.CrashAfter.class,
      description = "The controlling process crashes after call K (1 to " + Bounded.MAX_CRASH_AFTER + "); the"
          + " simulation then resumes from its journal.")
  Integer crashAfter;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Topology deployment = topology.read(spec.commandLine().getErr());
    UpgradePlan upgradePlan = plan.plan(deployment, false, spec.commandLine().getErr());
    List<Fault> faults = new ArrayList<>();
    busy.forEach(text -> faults.add(poolFault("--busy", text, upgradePlan, Fault::busy)));
    insufficient.forEach(text -> faults.add(poolFault("--insufficient", text, upgradePlan,
        Fault::insufficientActiveFrontEnds)));
    installFails.forEach(text -> faults.add(serverFault("--install-fails", text, upgradePlan, Set.of(StepKind.INSTALL_UPDATE),
        "installs the update on", Fault::installFails)));
    neverBack.forEach(text -> faults.add(serverFault("--never-back", text, upgradePlan, Set.of(StepKind.RESTART_SERVER),
        "restarts", Fault::neverComesBack)));
    if (crashAfter != null) {
      faults.add(Fault.crashAfterCall(crashAfter));
    }
    RunReport report = Simulation.of(deployment).withOptions(upgradePlan.options())
        .withFaults(FaultSchedule.of(faults)).run(spec.commandLine().getOut());
    return report.outcome().isCompleted() ? ExitCodes.OK : ExitCodes.RUN_INCOMPLETE;
  }

  /** {@code POOL[:N]} for a pool whose readiness the plan checks. */
  private static Fault poolFault(String option, String text, UpgradePlan plan, BiFunction<String, Integer, Fault> fault) {
    int colon = text.lastIndexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    int checks;
    try {
      checks = colon < 0 ? 1 : Bounded.parse(text.substring(colon + 1), 1, Bounded.MAX_CHECKS);
    } catch (TypeConversionException e) {
      throw new BadInputException(option + " " + Text.printable(text) + ": the count after ':' " + e.getMessage());
    }
    Fqdn pool = name(option, text, name, "POOL");
    if (plan.topology().pool(pool).isEmpty()) {
      throw new BadInputException(option + " " + Text.printable(text) + ": " + pool + " is not a pool of the topology"
          + serverOf(plan.topology(), pool).map(owner -> " (it is a server of " + owner + "; " + option + " takes a pool)")
              .orElse("; its pools are " + String.join(", ", plan.topology().pools().stream()
                  .map(each -> each.fqdn().toString()).toList())));
    }
    boolean checked = plan.steps().stream().anyMatch(step -> step.pool().equals(pool)
        && (step.kind() == StepKind.CHECK_POOL_READINESS || step.kind() == StepKind.SETTLE_POOL));
    if (!checked) {
      Pool checkedPool = plan.topology().pool(pool).orElseThrow();
      String why = checkedPool instanceof StandardEditionPool ? "a Standard Edition server has no upgrade domains to check"
          : "it is patched server by server (CR-3), checked with Get-CsPoolFabricState instead";
      throw new BadInputException(option + " " + Text.printable(text) + ": the plan never checks the readiness of " + pool
          + " (" + why + "), so the fault could never strike");
    }
    return fault.apply(pool.toString(), checks);
  }

  /** {@code SERVER} that the plan acts on with one of {@code kinds}. */
  private static Fault serverFault(String option, String text, UpgradePlan plan, Set<StepKind> kinds, String action,
      Function<String, Fault> fault) {
    Fqdn server = name(option, text, text, "SERVER");
    boolean acted = plan.steps().stream().anyMatch(step -> kinds.contains(step.kind()) && step.target().equals(server));
    if (!acted) {
      List<String> targets = plan.steps().stream().filter(step -> kinds.contains(step.kind()))
          .map(step -> step.target().toString()).distinct().toList();
      throw new BadInputException(option + " " + Text.printable(text) + ": the plan never " + action + " " + server
          + "; it does so on " + String.join(", ", targets));
    }
    return fault.apply(server.toString());
  }

  private static Fqdn name(String option, String text, String name, String what) {
    Optional<String> problem = Fqdn.problemWith(name);
    if (name.isEmpty() || problem.isPresent()) {
      throw new BadInputException(option + " " + Text.printable(text) + ": expected " + what + (what.equals("POOL")
          ? "[:N], like pool01.contoso.com:3" : ", like fe01.contoso.com") + (name.isEmpty() ? "" : "; '"
          + Text.printable(name) + "' " + problem.get()));
    }
    return Fqdn.of(name);
  }

  private static Optional<Fqdn> serverOf(Topology topology, Fqdn server) {
    return topology.pools().stream().filter(pool -> pool.frontEnds().stream()
        .anyMatch(frontEnd -> frontEnd.fqdn().equals(server)) || pool.backEndHost().equals(server))
        .map(Pool::fqdn).findFirst();
  }
}
