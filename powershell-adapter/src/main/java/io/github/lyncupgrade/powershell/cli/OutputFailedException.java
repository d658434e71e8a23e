package io.github.lyncupgrade.powershell.cli;

/** The output could not be written; exit code {@link ExitCodes#OUTPUT_FAILED}. The message says what was kept. */
final class OutputFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutputFailedException(String message) {
    super(message, null, false, false);
  }
}
