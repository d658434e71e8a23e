package io.github.lyncupgrade.powershell.internal;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.powershell.PsReply.PsValue;
import java.util.Map;

/**
 * One field of a reply record: its name, its type, and whether the script reads it from a
 * property of that name on the cmdlet's output ({@link #fromCmdlet()}: the property name the
 * probe and every error name) or computes it itself. Immutable.
 *
 * @param <T> what Java reads it as: {@code String}, {@code Boolean} or {@code Long}
 */
public final class ReplyField<T> {
  private final String name;
  private final ReplyType type;
  private final boolean fromCmdlet;
  private final Class<T> javaType;

  private ReplyField(String name, ReplyType type, boolean fromCmdlet, Class<T> javaType) {
    this.name = requireNonNull(name, "name");
    this.type = type;
    this.fromCmdlet = fromCmdlet;
    this.javaType = javaType;
  }

  /** A non-empty string read from the cmdlet's property {@code name}. */
  public static ReplyField<String> text(String name) {
    return new ReplyField<>(name, ReplyType.TEXT, true, String.class);
  }

  /** A string, possibly empty, read from the cmdlet's property {@code name}. */
  public static ReplyField<String> textOrEmpty(String name) {
    return new ReplyField<>(name, ReplyType.TEXT_OR_EMPTY, true, String.class);
  }

  /** A Boolean read from the cmdlet's property {@code name}. */
  public static ReplyField<Boolean> flag(String name) {
    return new ReplyField<>(name, ReplyType.FLAG, true, Boolean.class);
  }

  /** An integer read from the cmdlet's property {@code name}. */
  public static ReplyField<Long> integer(String name) {
    return new ReplyField<>(name, ReplyType.INTEGER, true, Long.class);
  }

  /** This field, computed by the script rather than read from a property of that name. */
  public ReplyField<T> computed() {
    return new ReplyField<>(name, type, false, javaType);
  }

  /** The field's name in the reply. */
  public String name() {
    return name;
  }

  /** Its type. */
  public ReplyType type() {
    return type;
  }

  /** Whether the script reads it from the cmdlet's property of the same name. */
  public boolean fromCmdlet() {
    return fromCmdlet;
  }

  /**
   * This field's value in {@code object}, a record that {@link ScriptContract#check} found sound.
   *
   * @throws IllegalStateException if the field is absent or not of its type there
   */
  public T from(Map<String, PsValue> object) {
    PsValue value = object.get(name);
    if (value == null || !type.accepts(value)) {
      throw new IllegalStateException(name + " was not checked: " + (value == null ? "absent" : value.rendering()));
    }
    return cast(type.read(value));
  }

  T cast(Object value) {
    return javaType.cast(value);
  }

  @Override
  public String toString() {
    return name + " (" + type.expected() + (fromCmdlet ? "" : ", computed by the script") + ")";
  }
}
