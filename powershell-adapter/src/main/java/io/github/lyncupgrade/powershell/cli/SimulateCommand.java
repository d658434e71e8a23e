package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate}: the plan run against a fake deployment in virtual time, with faults on request. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Plan, then run the plan against a fake deployment in virtual time: hours of procedure in",
        "seconds, no Windows needed. With no arguments it simulates the built-in sample deployment."})
final class SimulateCommand implements Callable<Integer> {
  @Mixin
  PlanArguments plan;

  @Option(names = "--busy", paramLabel = "POOL:N", description = "The pool's next N readiness checks report Busy.")
  List<String> busy = new ArrayList<>();

  @Option(names = "--insufficient", paramLabel = "POOL:N",
      description = "The pool's next N readiness checks report InsufficientActiveFrontEnds.")
  List<String> insufficient = new ArrayList<>();

  @Option(names = "--install-fails", paramLabel = "SERVER", description = "The update installer fails on the server.")
  List<String> installFails = new ArrayList<>();

  @Option(names = "--never-back", paramLabel = "SERVER", description = "The server does not come back from its restart.")
  List<String> neverBack = new ArrayList<>();

  @Option(names = "--crash-after", paramLabel = "K",
      description = "The controlling process crashes after call K; the simulation then resumes from its journal.")
  Integer crashAfter;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Fault> faults = new ArrayList<>();
    busy.forEach(spec -> faults.add(Fault.busy(before(spec), after(spec))));
    insufficient.forEach(spec -> faults.add(Fault.insufficientActiveFrontEnds(before(spec), after(spec))));
    installFails.forEach(server -> faults.add(Fault.installFails(server)));
    neverBack.forEach(server -> faults.add(Fault.neverComesBack(server)));
    if (crashAfter != null) {
      faults.add(Fault.crashAfterCall(crashAfter));
    }
    Topology topology = plan.topology();
    RunReport report = Simulation.of(topology).withOptions(plan.options(topology, false))
        .withFaults(FaultSchedule.of(faults)).run(spec.commandLine().getOut());
    return report.outcome().isCompleted() ? ExitCodes.OK : ExitCodes.RUN_INCOMPLETE;
  }

  private static String before(String poolAndCount) {
    int colon = poolAndCount.lastIndexOf(':');
    return colon < 0 ? poolAndCount : poolAndCount.substring(0, colon);
  }

  private static int after(String poolAndCount) {
    int colon = poolAndCount.lastIndexOf(':');
    try {
      return colon < 0 ? 1 : Integer.parseInt(poolAndCount.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected POOL:N, like pool01.contoso.com:3, got " + poolAndCount);
    }
  }
}
