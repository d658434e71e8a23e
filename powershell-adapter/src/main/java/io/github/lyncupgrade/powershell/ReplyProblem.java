package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

/**
 * One thing a script's reply did not hold as the SDK reads it: a property absent, of another type,
 * or unparseable, or records missing. Immutable.
 *
 * @param script the SDK script, for example {@code pool-readiness}
 * @param cmdlet the cmdlet whose output the value comes from
 * @param record which record, for example {@code Domain record 2}, or {@code the reply}
 * @param property the property read, as the cmdlet names it
 * @param expected what the SDK expected, for example {@code a System.Boolean}
 * @param arrived what arrived: its type and a short rendering, {@code $null}, or {@code nothing}
 */
public record ReplyProblem(String script, String cmdlet, String record, String property, String expected,
    String arrived) {
  /** Rejects nulls. */
  public ReplyProblem {
    requireNonNull(script, "script");
    requireNonNull(cmdlet, "cmdlet");
    requireNonNull(record, "record");
    requireNonNull(property, "property");
    requireNonNull(expected, "expected");
    requireNonNull(arrived, "arrived");
  }

  /** One line: {@code pool-readiness.ps1: Get-CsPoolUpgradeReadinessState's ReadyForUpgrade (Domain record 1): expected ..., got ...}. */
  public String describe() {
    return script + ".ps1: " + cmdlet + "'s " + property + " (" + record + "): expected " + expected + ", got " + arrived;
  }

  @Override
  public String toString() {
    return describe();
  }
}
