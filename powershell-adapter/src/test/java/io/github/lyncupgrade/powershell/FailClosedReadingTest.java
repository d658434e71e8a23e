package io.github.lyncupgrade.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.run.RunReport;
import io.github.lyncupgrade.powershell.internal.ReplyField;
import io.github.lyncupgrade.powershell.internal.ReplyKind;
import io.github.lyncupgrade.powershell.internal.ReplyType;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import io.github.lyncupgrade.powershell.topology.TopologyDocumentException;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.VirtualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: every property the SDK reads, taken from the contracts themselves, is left out of
 * the fake shell's replies or sent with the wrong type (a Boolean or a number as the string a
 * remoting hop makes of it, a string as an array), and whatever reads it stops with an
 * {@link UnreadableReplyException} naming the script, the cmdlet, the property and what arrived
 * (discovery's published topology, read before any pool or server is known, with a
 * {@link TopologyDocumentException} naming the same).
 * Through a run of the sample, the run stops there and nothing is stopped, installed, restarted
 * or failed over after the broken read.
 */
@Tag("reliability")
class FailClosedReadingTest {
  private static final Fqdn POOL01 = Fqdn.of("pool01.contoso.com");
  /** How each script the SDK reads is reached; ping's reply is only logged, so it is not among them. */
  private enum Reader { RUN, PREFLIGHT, FAILOVER_STATE, SYNTHETIC_TRANSACTIONS, PROBE, DISCOVERY }

  private static final Map<String, Reader> READERS = Map.ofEntries(Map.entry("pool-readiness", Reader.RUN),
      Map.entry("fabric-state", Reader.RUN), Map.entry("server-status", Reader.RUN),
      Map.entry("is-administrator", Reader.RUN), Map.entry("test-databases", Reader.RUN),
      Map.entry("install-update", Reader.RUN), Map.entry("preflight", Reader.PREFLIGHT),
      Map.entry("failover-state", Reader.FAILOVER_STATE),
      Map.entry("synthetic-transactions", Reader.SYNTHETIC_TRANSACTIONS), Map.entry("local-databases", Reader.PROBE),
      Map.entry("backup-relationship", Reader.PROBE), Map.entry("cms-location", Reader.PROBE),
      Map.entry("topology", Reader.DISCOVERY), Map.entry("store-mirror", Reader.DISCOVERY));
  private static final Set<String> ACTIONS = ScriptContracts.ALL.stream().filter(contract -> contract.kinds().isEmpty())
      .map(ScriptContract::script).collect(Collectors.toSet());

  @TempDir
  Path directory;

  private record Case(ScriptContract contract, ReplyKind kind, ReplyField<?> field, String how) {
    String flag() {
      return "--break=" + contract.script() + ":" + kind.name() + "." + field.name() + ":" + how;
    }

    /** What arrived, as the exception must render it. */
    String arrived() {
      if (how.equals("absent")) {
        return "nothing: the reply has no such property";
      }
      return field.type() == ReplyType.FLAG || field.type() == ReplyType.INTEGER ? "System.String '" : "System.Object[] '";
    }
  }

  @Test
  void everyPropertyTheSdkReadsLeftOutOrOfTheWrongTypeStopsWithTheTypedExceptionNamingIt() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (ScriptContract contract : ScriptContracts.ALL) {
      if (contract.kinds().isEmpty() || contract == ScriptContracts.Ping.CONTRACT) {
        continue;
      }
      assertThat(READERS).as("how %s is read", contract.script()).containsKey(contract.script());
      for (ReplyKind kind : contract.kinds()) {
        if (kind == ScriptContracts.Shapes.SHAPE) {
          continue; // the probe's diagnostics, asked for only by the probe and never read as a value
        }
        for (ReplyField<?> field : kind.fields()) {
          cases.add(new Case(contract, kind, field, "absent"));
          cases.add(new Case(contract, kind, field, "type"));
        }
      }
    }

    if (MutationRun.active()) {
      cases = onePerScript(cases);
    }

    ExecutorService threads = Executors.newFixedThreadPool(3);
    Map<Reader, Integer> counts = new TreeMap<>();
    try {
      List<Callable<Reader>> runs = cases.stream().<Callable<Reader>>map(c -> () -> exercise(c)).toList();
      for (Future<Reader> reader : threads.invokeAll(runs)) {
        counts.merge(reader.get(), 1, Integer::sum);
      }
    } finally {
      threads.shutdownNow();
    }

    if (MutationRun.active()) {
      System.out.printf("RELIABILITY fail-closed reading (the mutation profile's sample): %d cases, one per script,"
          + " read by %s, 0 failures%n", cases.size(), counts);
      return;
    }
    System.out.printf("RELIABILITY fail-closed reading: %d cases (%d properties of %d scripts, each left out and of the"
        + " wrong type), read by %s, each stopped with UnreadableReplyException (TopologyDocumentException for"
        + " discovery's published topology) naming it, 0 failures%n", cases.size(),
        cases.size() / 2, READERS.size(), counts);
  }

  /**
   * Under the mutation profile, one case per script, its first field left out or (every other
   * script) of the wrong type: each script's reply is still read once through the path that reads
   * it, and the check each field goes through is the contract's one check, pinned at unit level
   * ({@code ScriptContractTest}); the 82 shells of the whole matrix would start again for every mutant.
   */
  private static List<Case> onePerScript(List<Case> cases) {
    Map<String, List<Case>> byScript = cases.stream()
        .collect(Collectors.groupingBy(c -> c.contract().script(), TreeMap::new, Collectors.toList()));
    List<Case> sample = new ArrayList<>();
    int index = 0;
    for (List<Case> ofScript : byScript.values()) {
      String how = index++ % 2 == 0 ? "absent" : "type";
      sample.add(ofScript.stream().filter(c -> c.how().equals(how)).findFirst().orElseThrow());
    }
    return sample;
  }

  private Reader exercise(Case c) throws Exception {
    Reader reader = READERS.get(c.contract().script());
    Path record = directory.resolve(c.flag().replaceAll("[^A-Za-z0-9]", "_") + ".requests");
    String said;
    try (PowerShellSession session = PowerShellSession.start(FakeShells.options("--deployment", c.flag(),
        "--record=" + record)); PowerShellDeployment deployment = PowerShellDeployment.over(session)) {
      said = switch (reader) {
        case RUN -> run(deployment, record, c);
        case PREFLIGHT -> String.join("\n", Preflight.check(session, SampleTopologies.contoso()).problems());
        case FAILOVER_STATE -> thrown(() -> deployment.isFailedOver(POOL01));
        case SYNTHETIC_TRANSACTIONS -> thrown(() -> deployment.syntheticTransactions(POOL01));
        case PROBE -> Probe.run(session, SampleTopologies.contoso()).notMatched().stream()
            .filter(check -> check.outcome() == ProbeReport.Outcome.UNREADABLE)
            .flatMap(check -> check.problems().stream()).map(ReplyProblem::describe).collect(Collectors.joining("\n"));
        case DISCOVERY -> discoveryFailure(session, c);
      };
    }
    assertThat(said).as(c.flag()).contains(c.contract().script() + ".ps1: " + c.kind().cmdlet() + "'s "
        + c.field().name() + " (" + c.kind().name() + " record 1): expected " + c.field().type().expected()
        + ", got " + c.arrived());
    return reader;
  }

  /** The sample's run: it stops at the broken read, and nothing acts after it. */
  private static String run(PowerShellDeployment deployment, Path record, Case c) throws Exception {
    UpgradePlan plan = Planner.create(PlanOptions.builder().updatePackage(Simulation.SAMPLE_UPDATE)
        .concurrency(Concurrency.sequential()).build()).plan(SampleTopologies.contoso());
    RunReport report = Executor.builder(deployment).clock(VirtualClock.create()).build().run(plan);

    assertThat(report.outcome()).as(c.flag()).isInstanceOf(RunOutcome.StepFailed.class);
    List<String> scripts = RecordedRequests.scripts(record);
    List<String> after = scripts.subList(scripts.indexOf(c.contract().script()) + 1, scripts.size());
    assertThat(after).as("%s: what ran after the broken read", c.flag()).noneMatch(ACTIONS::contains);
    return ((RunOutcome.StepFailed) report.outcome()).reason();
  }

  /**
   * Discovery stops: a broken published topology is a {@link TopologyDocumentException} (no pool or
   * server to name yet), any other reply an {@link UnreadableReplyException}.
   */
  private static String discoveryFailure(PowerShellSession session, Case c) {
    Throwable thrown = catchThrowable(() -> TopologyDiscovery.discover(session));
    assertThat(thrown).as(c.flag()).isInstanceOf(c.contract() == ScriptContracts.Topology.CONTRACT
        ? TopologyDocumentException.class : UnreadableReplyException.class);
    return thrown.getMessage();
  }

  private static String thrown(Runnable read) {
    return catchThrowableOfType(read::run, UnreadableReplyException.class).getMessage();
  }
}
