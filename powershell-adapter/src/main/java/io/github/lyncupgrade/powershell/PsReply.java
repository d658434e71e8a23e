package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a script produced: its output objects (each a map of property name to text), its errors,
 * its warnings and the exit code of the last native program it ran. Immutable.
 *
 * @param objects the output objects, in order
 * @param errors the errors, in order; a reply with errors failed
 * @param warnings the warnings, in order
 * @param exitCode the last native exit code, if a native program ran
 */
public record PsReply(List<Map<String, String>> objects, List<PsError> errors, List<String> warnings,
    OptionalInt exitCode) {

  /** Copies the lists. */
  public PsReply {
    objects = objects.stream().map(Map::copyOf).toList();
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    requireNonNull(exitCode, "exitCode");
  }

  /** Whether the script ran without error. */
  public boolean succeeded() {
    return errors.isEmpty();
  }

  /** The first output object, if any. */
  public Optional<Map<String, String>> first() {
    return objects.isEmpty() ? Optional.empty() : Optional.of(objects.get(0));
  }

  /**
   * One PowerShell error.
   *
   * @param message the error's message
   * @param fullyQualifiedErrorId PowerShell's id for the error, for example {@code CommandNotFoundException}
   */
  public record PsError(String message, String fullyQualifiedErrorId) {
    /** Rejects nulls. */
    public PsError {
      requireNonNull(message, "message");
      requireNonNull(fullyQualifiedErrorId, "fullyQualifiedErrorId");
    }

    @Override
    public String toString() {
      return fullyQualifiedErrorId.isEmpty() ? message : message + " (" + fullyQualifiedErrorId + ")";
    }
  }
}
