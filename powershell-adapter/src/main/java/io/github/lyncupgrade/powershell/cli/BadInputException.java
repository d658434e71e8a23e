package io.github.lyncupgrade.powershell.cli;

/**
 * What the operator gave cannot be used (an option, a file, a combination of them); the message
 * says it in options and commands. Nothing has run: exit code {@link ExitCodes#BAD_INPUT}.
 */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message, null, false, false);
  }
}
