package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@link Probe} found: one check per read-only operation the SDK relies on, each matched or
 * not, and the properties (with their types) the cmdlets really returned. Immutable.
 *
 * @param checks every check, in the order run
 * @param shapes the properties of the cmdlets' own objects, as the reading scripts saw them before projection
 */
public record ProbeReport(List<Check> checks, List<Shape> shapes) {
  /** Copies the lists. */
  public ProbeReport {
    checks = List.copyOf(checks);
    shapes = List.copyOf(shapes);
  }

  /** How a check came out. */
  public enum Outcome {
    /** The reply held what the SDK reads, and agreed with the topology. */
    MATCHED,
    /** The reply was readable but disagrees with the topology (upgrade domains, partner, the store's pool). */
    DIFFERS,
    /** The reply lacked a property the SDK reads, or held one of another type or unparseable. */
    UNREADABLE,
    /** The script failed: the cmdlet, remoting or the server refused. */
    FAILED
  }

  /**
   * One check.
   *
   * @param what what was asked, for example {@code pool-readiness (Get-CsPoolUpgradeReadinessState)}
   * @param target the server or pool it concerned, or {@code this machine}
   * @param outcome how it came out
   * @param detail what was read, or what went wrong
   * @param problems for an unreadable reply, each property that did not arrive as the SDK reads it
   */
  public record Check(String what, String target, Outcome outcome, String detail, List<ReplyProblem> problems) {
    /** Rejects nulls; copies the list. */
    public Check {
      requireNonNull(what, "what");
      requireNonNull(target, "target");
      requireNonNull(outcome, "outcome");
      requireNonNull(detail, "detail");
      problems = List.copyOf(problems);
    }
  }

  /**
   * One property of a cmdlet's own object.
   *
   * @param script the SDK script that looked
   * @param target where it ran
   * @param of the object, for example {@code PoolUpgradeState} or {@code UpgradeDomains[0]}
   * @param property the property's name
   * @param type its type ({@code TypeNameOfValue})
   */
  public record Shape(String script, String target, String of, String property, String type) {}

  /** Whether every check matched: the SDK can read this deployment as it is. */
  public boolean allMatched() {
    return checks.stream().allMatch(check -> check.outcome() == Outcome.MATCHED);
  }

  /** The checks that did not match. */
  public List<Check> notMatched() {
    return checks.stream().filter(check -> check.outcome() != Outcome.MATCHED).toList();
  }

  /** The report for people: one line per check, then the cmdlets' shapes, which is what to send back. */
  public String toText() {
    StringBuilder out = new StringBuilder("lync-upgrade probe: ").append(checks.size()).append(" checks, ")
        .append(checks.size() - notMatched().size()).append(" matched");
    Map<Outcome, Long> others = notMatched().stream()
        .collect(Collectors.groupingBy(Check::outcome, TreeMap::new, Collectors.counting()));
    others.forEach((outcome, count) -> out.append(", ").append(count).append(' ')
        .append(outcome.name().toLowerCase(Locale.ROOT)));
    out.append(allMatched() ? "; nothing was changed on any server.\n"
        : "; nothing was changed on any server. Send this whole report back with the topology file.\n");
    for (Check check : checks) {
      out.append(String.format("%-10s %s on %s: %s%n", check.outcome(), check.what(), check.target(), check.detail()));
      check.problems().forEach(problem -> out.append("             ").append(problem.describe()).append('\n'));
    }
    if (!shapes.isEmpty()) {
      out.append("\nWhat the cmdlets returned before the scripts projected it (property: type):\n");
      Map<String, List<Shape>> byObject = shapes.stream().collect(Collectors.groupingBy(
          shape -> shape.script() + " on " + shape.target() + ", " + shape.of(), TreeMap::new, Collectors.toList()));
      byObject.forEach((object, properties) -> out.append("  ").append(object).append(": ")
          .append(properties.stream().map(shape -> shape.property() + ": " + shape.type())
              .collect(Collectors.joining(", "))).append('\n'));
    }
    return out.toString();
  }
}
