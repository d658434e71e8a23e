package io.github.lyncupgrade.powershell.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One kind of record a script replies with: the value of its {@code Kind} field, the cmdlet its
 * values come from, how many records of it a reply holds, and its fields. Immutable.
 */
public final class ReplyKind {
  /** How many records of a kind one reply holds. */
  public enum Count {
    EXACTLY_ONE("exactly one"), AT_LEAST_ONE("at least one"), ANY("any number of");

    private final String text;

    Count(String text) {
      this.text = text;
    }

    boolean allows(int n) {
      return switch (this) {
        case EXACTLY_ONE -> n == 1;
        case AT_LEAST_ONE -> n >= 1;
        case ANY -> true;
      };
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final String name;
  private final String cmdlet;
  private final Count count;
  private final List<ReplyField<?>> fields;

  private ReplyKind(String name, String cmdlet, Count count, List<ReplyField<?>> fields) {
    this.name = requireNonNull(name, "name");
    this.cmdlet = requireNonNull(cmdlet, "cmdlet");
    this.count = count;
    this.fields = List.copyOf(fields);
    if (this.fields.stream().anyMatch(field -> field.name().equals(ScriptContract.KIND))) {
      throw new IllegalArgumentException("Kind is every record's own field, not one of " + name + "'s");
    }
  }

  /** Exactly one record of this kind in every reply. */
  public static ReplyKind exactlyOne(String name, String cmdlet, ReplyField<?>... fields) {
    return new ReplyKind(name, cmdlet, Count.EXACTLY_ONE, List.of(fields));
  }

  /** At least one record of this kind in every reply. */
  public static ReplyKind atLeastOne(String name, String cmdlet, ReplyField<?>... fields) {
    return new ReplyKind(name, cmdlet, Count.AT_LEAST_ONE, List.of(fields));
  }

  /** Any number of records of this kind, none included. */
  public static ReplyKind any(String name, String cmdlet, ReplyField<?>... fields) {
    return new ReplyKind(name, cmdlet, Count.ANY, List.of(fields));
  }

  /** The record's {@code Kind}. */
  public String name() {
    return name;
  }

  /** The cmdlet (or command) whose output the record projects. */
  public String cmdlet() {
    return cmdlet;
  }

  /** How many records of this kind a reply holds. */
  public Count count() {
    return count;
  }

  /** The fields, in the order declared; {@code Kind} is not among them. */
  public List<ReplyField<?>> fields() {
    return fields;
  }

  boolean has(ReplyField<?> field) {
    return fields.contains(field);
  }

  @Override
  public String toString() {
    return name + " from " + cmdlet;
  }
}
