package io.github.lyncupgrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.fake.Fault;
import io.github.lyncupgrade.testkit.fake.FaultSchedule;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static String run(Simulation simulation, RunReport[] report) {
    StringWriter out = new StringWriter();
    report[0] = simulation.run(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void theSamplePrintsItsPlanProgressAndReport() {
    RunReport[] report = new RunReport[1];
    String out = run(Simulation.of(SampleTopologies.contoso()), report);

    assertThat(report[0].outcome().isCompleted()).isTrue();
    assertThat(out).startsWith("Upgrade plan: 3 pools")
        .contains("Simulating on a fake deployment in virtual time (no faults):")
        .contains("] done     pool01.contoso.com/UpgradeDomain1/fe01.contoso.com/install-update: installed build")
        .contains("Estimated window 6h 12m 00s (1 pool at once, up to 4 servers of a domain at once;")
        .contains("Run COMPLETED after 6h 08m 30s");
  }

  @Test
  void aCrashIsShownAndTheRunResumesFromItsJournal() {
    RunReport[] report = new RunReport[1];
    String out = run(Simulation.of(SampleTopologies.contoso()).withFaults(FaultSchedule.of(Fault.crashAfterCall(20))),
        report);

    assertThat(out).contains("CRASH    simulated crash of the controlling process after call 20")
        .contains("resuming from the journal");
    assertThat(report[0].outcome().isCompleted()).isTrue();
  }

  @Test
  void aFailureEndsWithItsOutcome() {
    RunReport[] report = new RunReport[1];
    String out = run(Simulation.of(SampleTopologies.contoso())
        .withFaults(FaultSchedule.of(Fault.installFails("fe04.contoso.com"))), report);

    assertThat(report[0].outcome().kind()).isEqualTo(RunOutcome.Kind.STEP_FAILED);
    assertThat(out).contains("FAILED   pool01.contoso.com/UpgradeDomain2/fe04.contoso.com/install-update");
  }
}
