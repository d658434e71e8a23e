package io.github.lyncupgrade.core.run;

/** A run did not complete; {@link #report()} says how it ended and where everything stands. */
public class RunFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RunReport report;

  /** For a report whose outcome is not {@link RunOutcome.Completed}. */
  public RunFailedException(RunReport report) {
    super(report.outcome().describe());
    this.report = report;
  }

  /** The run's report. */
  public RunReport report() {
    return report;
  }

  /** How the run ended. */
  public RunOutcome outcome() {
    return report.outcome();
  }
}
