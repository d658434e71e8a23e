package io.github.lyncupgrade.powershell.internal;

import io.github.lyncupgrade.powershell.PsReply.PsValue;
import java.util.Set;

/**
 * The type a field of a script's reply must arrive with: exactly what the script projects, so a
 * value that lost its type in a remoting hop, or a property the cmdlet does not have ({@code $null}),
 * is refused rather than read as false, empty, zero or a build.
 */
public enum ReplyType {
  /** A string with something in it. */
  TEXT("a non-empty System.String", Set.of("System.String")),
  /** A string, possibly empty, never {@code $null}. */
  TEXT_OR_EMPTY("a System.String", Set.of("System.String")),
  /** A Boolean, as the cmdlet's own property or the script's test gives it: never a string that says True. */
  FLAG("a System.Boolean", Set.of("System.Boolean")),
  /** Any .NET integer type: the reference does not say which one a count or an exit code is. */
  INTEGER("an integer (System.Int32, System.Int64 or another integer type)", Set.of("System.Byte", "System.SByte",
      "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64"));

  private final String expected;
  private final Set<String> types;

  ReplyType(String expected, Set<String> types) {
    this.expected = expected;
    this.types = types;
  }

  /** The .NET type a faithful projection gives the value: {@code System.String}, {@code System.Boolean}, {@code System.Int32}. */
  public String typeName() {
    return this == FLAG ? "System.Boolean" : this == INTEGER ? "System.Int32" : "System.String";
  }

  /** What the type expects, for messages. */
  public String expected() {
    return expected;
  }

  /** Whether {@code value} is of this type (and, for {@link #TEXT}, not blank; for {@link #INTEGER}, a number). */
  public boolean accepts(PsValue value) {
    if (value.isNull() || !types.contains(value.type())) {
      return false;
    }
    return switch (this) {
      case TEXT -> !value.text().isBlank();
      case INTEGER -> value.text().trim().matches("-?[0-9]{1,19}");
      case TEXT_OR_EMPTY, FLAG -> this != FLAG || value.text().equals("True") || value.text().equals("False");
    };
  }

  /** The value as Java reads it: a String, a Boolean or a Long; {@link #accepts} it first. */
  Object read(PsValue value) {
    return switch (this) {
      case TEXT, TEXT_OR_EMPTY -> value.text();
      case FLAG -> Boolean.valueOf(value.text().equals("True"));
      case INTEGER -> Long.valueOf(value.text().trim());
    };
  }

  /** The value a faithful reply carries for {@code value}, with the type name the script's projection gives it. */
  PsValue write(Object value) {
    return new PsValue(typeName(), this == FLAG ? (((Boolean) value) ? "True" : "False") : String.valueOf(value));
  }
}
