package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a script produced: its output objects (each a map of property name to the value that
 * arrived, with its .NET type), its errors, its warnings and the exit code of the last native
 * program it ran. Immutable.
 *
 * @param output the output objects, in order, each property with its value
 * @param errors the errors, in order; a reply with errors failed
 * @param warnings the warnings, in order
 * @param exitCode the last native exit code, if a native program ran
 */
public record PsReply(List<Map<String, PsValue>> output, List<PsError> errors, List<String> warnings,
    OptionalInt exitCode) {

  /** Copies the lists, keeping each object's property order. */
  public PsReply {
    output = output.stream().map(object -> Collections.unmodifiableMap(new LinkedHashMap<>(object))).toList();
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    requireNonNull(exitCode, "exitCode");
  }

  /** Whether the script ran without error. */
  public boolean succeeded() {
    return errors.isEmpty();
  }

  /**
   * The output objects with each value as text, a {@code $null} as an empty string: for display
   * and for callers that do their own checks. Reading a deployment goes through the typed
   * {@link #output()}.
   */
  public List<Map<String, String>> objects() {
    return output.stream().map(PsReply::texts).toList();
  }

  /** The first output object as text, if any (see {@link #objects()}). */
  public Optional<Map<String, String>> first() {
    return output.isEmpty() ? Optional.empty() : Optional.of(texts(output.get(0)));
  }

  private static Map<String, String> texts(Map<String, PsValue> object) {
    Map<String, String> texts = new LinkedHashMap<>();
    object.forEach((name, value) -> texts.put(name, value.text()));
    return Collections.unmodifiableMap(texts);
  }

  /**
   * One property's value as it arrived from PowerShell.
   *
   * @param type the first of PowerShell's type names for the value ({@code System.String},
   *     {@code System.Boolean}, {@code Deserialized.Microsoft.Rtc...} for an object that lost its
   *     properties in remoting); empty for {@code $null}
   * @param text the value converted to a string ({@code [string]$value}); empty for {@code $null}
   */
  public record PsValue(String type, String text) {
    private static final int RENDERING = 80;

    /** Rejects nulls; a null value has no text. */
    public PsValue {
      requireNonNull(type, "type");
      requireNonNull(text, "text");
      if (type.isEmpty() && !text.isEmpty()) {
        throw new IllegalArgumentException("a $null value has no text, got '" + text + "'");
      }
    }

    /** A string value. */
    public static PsValue text(String text) {
      return new PsValue("System.String", text);
    }

    /** {@code $null}. */
    public static PsValue ofNull() {
      return new PsValue("", "");
    }

    /** Whether the value was {@code $null}. */
    public boolean isNull() {
      return type.isEmpty();
    }

    /** The type and a short rendering of the text, for messages: {@code System.String 'Busy'}, or {@code $null}. */
    public String rendering() {
      if (isNull()) {
        return "$null";
      }
      String shown = text.length() <= RENDERING ? text : text.substring(0, RENDERING) + "... (" + text.length()
          + " characters)";
      return type + " '" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
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
