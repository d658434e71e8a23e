package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.internal.ScriptContract;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks everything a live run needs before anything runs, and reports every problem at once:
 * an elevated process (Windows), Windows PowerShell 5.1 or newer, the Lync Server module,
 * membership in CsAdministrator (BE-1), and PowerShell remoting to every server of the topology.
 * A reply that does not hold to the script's contract is a problem of its own, naming what arrived.
 */
public final class Preflight {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  /**
   * What the checks found.
   *
   * @param problems every problem, in the order checked; empty when all is well
   */
  public record Report(List<String> problems) {
    /** Copies the list. */
    public Report {
      problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean passed() {
      return problems.isEmpty();
    }

    /**
     * This report, if it passed.
     *
     * @throws PreflightFailedException listing every problem, if not
     */
    public Report orThrow() {
      if (!passed()) {
        throw new PreflightFailedException(this);
      }
      return this;
    }
  }

  /** The checks failed; nothing was run. */
  public static final class PreflightFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Report report;

    PreflightFailedException(Report report) {
      super("Pre-flight checks found " + report.problems().size() + " problem(s); nothing was run:\n  - "
          + String.join("\n  - ", report.problems()));
      this.report = report;
    }

    /** The report. */
    public Report report() {
      return report;
    }
  }

  private Preflight() {}

  /** Runs the checks for an upgrade of {@code topology} through {@code session}. */
  public static Report check(PowerShellSession session, Topology topology) {
    requireNonNull(session, "session");
    requireNonNull(topology, "topology");
    List<String> problems = new ArrayList<>();
    if (Elevation.isRequired() && !Elevation.isElevated()) {
      problems.add("this process is not elevated: run it as an administrator (Run as administrator)");
    }
    Set<String> servers = new LinkedHashSet<>();
    for (Pool pool : topology.pools()) {
      pool.frontEnds().forEach(server -> servers.add(server.toString()));
      servers.add(pool.backEndHost().toString());
    }
    PsReply reply = session.invoke(PsInvocation.of(PsScript.named("preflight")).with("Servers", String.join(",", servers)),
        session.options().readTimeout());
    if (!reply.succeeded()) {
      problems.add("the checks could not run in PowerShell: " + reply.errors());
      return new Report(problems);
    }
    List<ReplyProblem> unreadable = ScriptContracts.Preflight.CONTRACT.check(reply);
    if (!unreadable.isEmpty()) {
      unreadable.forEach(problem -> problems.add("the checks' reply cannot be read: " + problem.describe()));
      return new Report(problems);
    }
    List<String> unreachable = new ArrayList<>();
    for (Map<String, PsValue> record : reply.output()) {
      if (ScriptContracts.Preflight.SHELL.name().equals(record.get(ScriptContract.KIND).text())) {
        checkShell(record, problems);
      } else if (!ScriptContracts.Preflight.REACHABLE.from(record)) {
        unreachable.add(ScriptContracts.Preflight.NAME.from(record));
      }
    }
    if (!unreachable.isEmpty()) {
      problems.add("PowerShell remoting (WinRM) does not reach " + String.join(", ", unreachable)
          + "; check that each is up and that Enable-PSRemoting was run on it");
    }
    return new Report(problems);
  }

  private static void checkShell(Map<String, PsValue> shell, List<String> problems) {
    String psVersion = ScriptContracts.Preflight.PS_VERSION.from(shell);
    Matcher version = VERSION.matcher(psVersion);
    boolean atLeast51 = version.find() && (Integer.parseInt(version.group(1)) > 5
        || Integer.parseInt(version.group(1)) == 5 && Integer.parseInt(version.group(2)) >= 1);
    if (!atLeast51) {
      problems.add("PowerShell " + psVersion + " is too old: the Lync Server module needs 5.1");
    }
    if (!ScriptContracts.Preflight.LYNC_MODULE.from(shell)) {
      problems.add("the Lync Server module is not installed here: run from a machine with the Lync Server"
          + " administrative tools");
    }
    if (!ScriptContracts.Preflight.CS_ADMINISTRATOR.from(shell)) {
      problems.add("the account is not a member of CsAdministrator (BE-1)");
    }
  }
}
