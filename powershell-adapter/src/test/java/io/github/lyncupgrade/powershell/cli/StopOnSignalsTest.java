package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each signal asks for, without sending real ones (SignalHandlingTest does, to a child process). */
class StopOnSignalsTest {
  @Test
  void theThirdSignalExitsAtOnceWithTheFirstSignalsCode() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    StringWriter err = new StringWriter();
    List<Integer> exits = new ArrayList<>();
    StopOnSignals stop = new StopOnSignals(Executor.builder(fake).clock(fake.clock()).build(),
        new PrintWriter(err, true), exits::add);

    stop.onSignal("TERM", ExitCodes.TERMINATED);
    stop.onSignal("INT", ExitCodes.INTERRUPTED);
    assertThat(exits).isEmpty();
    stop.onSignal("INT", ExitCodes.INTERRUPTED);

    assertThat(exits).containsExactly(ExitCodes.TERMINATED);
    assertThat(stop.exitCode()).hasValue(143);
    assertThat(err.toString()).contains("SIGTERM: stopping at the next safe point. No server's procedure is under way",
        "Send SIGTERM again to stop before the next step.", "SIGINT again: stopping before the next step",
        "Press Ctrl-C again to exit at once.", "SIGINT a third time: exiting now.");
  }

  @Test
  void withoutASignalThereIsNoExitCodeOfItsOwn() {
    FakeDeployment fake = FakeDeployment.of(SampleTopologies.contoso());
    try (StopOnSignals stop = StopOnSignals.install(Executor.builder(fake).clock(fake.clock()).build(),
        new PrintWriter(new StringWriter()))) {
      assertThat(stop.exitCode()).isEmpty();
    }
  }
}
