package io.github.lyncupgrade.powershell.cli;

/** The command's exit codes, documented in its help and in docs/command.md. */
final class ExitCodes {
  /** Done: the plan was printed, or the run completed. */
  static final int OK = 0;
  /** The run did not complete (a step failed, a pool problem, a cancel): resume once the cause is fixed. */
  static final int RUN_INCOMPLETE = 1;
  /** Bad input: the command line, the topology file, the options or the journal; nothing ran. */
  static final int BAD_INPUT = 2;
  /** The environment is not ready: PowerShell cannot start, or the pre-flight checks failed; nothing ran. */
  static final int ENVIRONMENT = 3;
  /** The output could not be written (a full disk, a closed pipe): what was asked for is not all there. */
  static final int OUTPUT_FAILED = 4;
  /**
   * A live run stopped by SIGINT (Ctrl-C) at a safe point, or sooner if it came twice: 128 + 2, as shells
   * report it. The journal is consistent: resume goes on.
   */
  static final int INTERRUPTED = 130;
  /** The same, stopped by SIGTERM: 128 + 15. */
  static final int TERMINATED = 143;

  private ExitCodes() {}
}
