package io.github.lyncupgrade.testkit.cli;

import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The README's main command: plans the built-in sample deployment and simulates its upgrade.
 * Exits 0 when the simulated run completes, 1 otherwise.
 */
public final class SimulateSample {
  private SimulateSample() {}

  /** Runs the simulation of {@link SampleTopologies#contoso()} on standard output. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    RunReport report = Simulation.of(SampleTopologies.contoso()).run(out);
    System.exit(report.outcome().isCompleted() ? 0 : 1);
  }
}
