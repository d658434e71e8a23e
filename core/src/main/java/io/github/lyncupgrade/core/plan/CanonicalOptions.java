package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The plan options that shape the steps, as canonical {@code key=value} pairs: what a journal
 * records of the options a run was planned with, so that a journal written for other options can
 * name exactly which ones differ, and a stable, versioned encoding for anything that must compare
 * or hash options across versions of the SDK. {@link PlanOptions#canonical()} builds it; the
 * concurrency and the expected durations are not part of it (they change when steps run, not what
 * they do). Immutable.
 *
 * <p>Keys are dotted names ({@code settle.time}, {@code update.targetBuild},
 * {@code frontEnd.strategy.pool01.contoso.com}); values are {@code true}/{@code false}, whole
 * numbers, durations in ISO-8601 ({@code PT20M}, as {@link java.time.Duration#toString()} writes
 * them), enum constant names, builds or, for the update's location, the operator's text. {@link #encode()} writes version {@value #VERSION}:
 *
 * <pre>
 * lync-upgrade-plan-options 1
 * backEnd.order=AFTER_FRONT_ENDS
 * backEnd.serverProcedure=true
 * ...
 * </pre>
 *
 * one pair per line in key order (by UTF-16 code unit), each line ending with a line feed; in a
 * value, a backslash is written {@code \\}, a line feed {@code \n} and a carriage return
 * {@code \r}. The same options always give the same bytes; a new key or a changed meaning takes
 * a new version.
 */
public final class CanonicalOptions {
  /** The encoding {@link #encode()} writes. */
  public static final int VERSION = 1;

  private static final String HEADER = "lync-upgrade-plan-options ";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

  private final SortedMap<String, String> entries;

  private CanonicalOptions(SortedMap<String, String> entries) {
    this.entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
  }

  /**
   * Options from their pairs.
   *
   * @throws IllegalArgumentException if a key is not a dotted name or a value is null
   */
  public static CanonicalOptions of(Map<String, String> entries) {
    requireNonNull(entries, "entries");
    entries.forEach((key, value) -> {
      if (key == null || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("not an option key: " + key);
      }
      requireNonNull(value, key);
    });
    return new CanonicalOptions(new TreeMap<>(entries));
  }

  /** The pairs, in key order. */
  public SortedMap<String, String> entries() {
    return entries;
  }

  /** The value of {@code key}, if these options have it. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The canonical text of these options (see the class comment). */
  public String encode() {
    StringBuilder out = new StringBuilder(HEADER).append(VERSION).append('\n');
    entries.forEach((key, value) -> out.append(key).append('=').append(escape(value)).append('\n'));
    return out.toString();
  }

  /**
   * Reads {@link #encode()}'s text back; empty when {@code text} is not in this encoding at all
   * (a journal written before there was one records its options as free text).
   *
   * @throws IllegalArgumentException if the text claims the encoding but breaks it (another
   *     version, a line that is not {@code key=value}, keys out of order or repeated)
   */
  public static Optional<CanonicalOptions> decode(String text) {
    requireNonNull(text, "text");
    if (!text.startsWith(HEADER)) {
      return Optional.empty();
    }
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the options do not end with a line feed");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (!lines[0].equals(HEADER + VERSION)) {
      throw new IllegalArgumentException("the options are in encoding '" + lines[0].substring(HEADER.length())
          + "'; this version reads " + VERSION);
    }
    SortedMap<String, String> entries = new TreeMap<>();
    String previous = null;
    for (int i = 1; i < lines.length; i++) {
      int equals = lines[i].indexOf('=');
      String key = equals < 0 ? lines[i] : lines[i].substring(0, equals);
      if (equals < 0 || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("option line " + i + " is not key=value");
      }
      if (previous != null && previous.compareTo(key) >= 0) {
        throw new IllegalArgumentException("option '" + key + "' is out of order or repeated");
      }
      entries.put(key, unescape(lines[i].substring(equals + 1)));
      previous = key;
    }
    return Optional.of(new CanonicalOptions(entries));
  }

  /**
   * A key whose value differs between two sets of options.
   *
   * @param key the option's key
   * @param before its value in the earlier options, or empty if they do not have it
   * @param after its value in the later ones, or empty if they do not have it
   */
  public record Change(String key, Optional<String> before, Optional<String> after) {
    /** Rejects nulls. */
    public Change {
      requireNonNull(key, "key");
      requireNonNull(before, "before");
      requireNonNull(after, "after");
    }
  }

  /** Every key whose value differs from {@code earlier}'s, in key order; empty when the options are the same. */
  public List<Change> changesSince(CanonicalOptions earlier) {
    requireNonNull(earlier, "earlier");
    TreeSet<String> keys = new TreeSet<>(entries.keySet());
    keys.addAll(earlier.entries.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      Optional<String> before = earlier.get(key);
      Optional<String> after = get(key);
      if (!before.equals(after)) {
        changes.add(new Change(key, before, after));
      }
    }
    return List.copyOf(changes);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 == value.length()) {
        throw new IllegalArgumentException("an option value ends with a lone backslash");
      }
      char next = value.charAt(++i);
      out.append(switch (next) {
        case '\\' -> '\\';
        case 'n' -> '\n';
        case 'r' -> '\r';
        default -> throw new IllegalArgumentException("an option value has the unknown escape \\" + next);
      });
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CanonicalOptions that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "CanonicalOptions[", "]");
    entries.forEach((key, value) -> out.add(key + "=" + value));
    return out.toString();
  }
}
