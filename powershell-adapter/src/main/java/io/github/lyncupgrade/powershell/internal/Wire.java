package io.github.lyncupgrade.powershell.internal;

import io.github.lyncupgrade.powershell.PsInvocation;
import io.github.lyncupgrade.powershell.PsReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The session protocol, both ways. A request is one ASCII line,
 * {@code __Invoke '<id>' '<base64 script>' '<name>:<base64 value>,...'}: Base64 has no quote,
 * space or separator, so nothing in a script or a value can break the line or become code. A
 * reply is {@code <<<LYNCSDK:BEGIN:<id>>>}, record lines {@code kind TAB index TAB name TAB type
 * TAB base64(value)}, then {@code <<<LYNCSDK:END:<id>:<OK|ERROR>>>}; anything else is noise.
 * Protocol 2: the type is the value's first PowerShell type name, empty for {@code $null}, so
 * the reader can tell a Boolean from the string a remoting hop turned it into.
 */
public final class Wire {
  private static final String MARK = "<<<LYNCSDK:";
  private static final Base64.Encoder ENCODER = Base64.getEncoder();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private Wire() {}

  /** The request line for {@code invocation}, without its line end. */
  public static String request(String id, PsInvocation invocation) {
    StringJoiner parameters = new StringJoiner(",");
    invocation.parameters().forEach((name, value) -> parameters.add(name + ":" + encode(value)));
    return "__Invoke '" + id + "' '" + encode(invocation.script().text()) + "' '" + parameters + "'";
  }

  /** The line that opens the reply to request {@code id}. */
  public static String begin(String id) {
    return MARK + "BEGIN:" + id + ">>>";
  }

  /** Whether {@code line} closes the reply to request {@code id}; then its status follows. */
  public static boolean isEnd(String line, String id) {
    return line.startsWith(MARK + "END:" + id + ":") && line.endsWith(">>>");
  }

  /** Whether the closing line says the script failed. */
  public static boolean endSaysError(String line) {
    return line.endsWith(":ERROR>>>");
  }

  /** The closing line of a reply. */
  public static String end(String id, boolean ok) {
    return MARK + "END:" + id + ":" + (ok ? "OK" : "ERROR") + ">>>";
  }

  /** One record line with a string value. */
  public static String record(char kind, int index, String name, String value) {
    return record(kind, index, name, PsReply.PsValue.text(value));
  }

  /** One record line. */
  public static String record(char kind, int index, String name, PsReply.PsValue value) {
    return kind + "\t" + index + "\t" + name + "\t" + value.type() + "\t" + encode(value.text());
  }

  /**
   * The reply held by {@code records}, the lines between the markers.
   *
   * @throws IllegalArgumentException if a line is not a record
   */
  public static PsReply reply(List<String> records) {
    Map<Integer, Map<String, PsReply.PsValue>> objects = new TreeMap<>();
    Map<Integer, Map<String, String>> errors = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    OptionalInt exitCode = OptionalInt.empty();
    for (String line : records) {
      String[] fields = line.split("\t", -1);
      if (fields.length != 5 || fields[0].length() != 1) {
        throw new IllegalArgumentException("not a reply record: " + abbreviate(line));
      }
      int index = Integer.parseInt(fields[1]);
      String value = decode(fields[4]);
      switch (fields[0].charAt(0)) {
        case 'O' -> objects.computeIfAbsent(index, i -> new LinkedHashMap<>())
            .put(fields[2], new PsReply.PsValue(fields[3], value));
        case 'E' -> errors.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(fields[2], value);
        case 'W' -> warnings.add(value);
        case 'X' -> exitCode = OptionalInt.of(Integer.parseInt(value.trim()));
        default -> throw new IllegalArgumentException("unknown record kind in: " + abbreviate(line));
      }
    }
    List<PsReply.PsError> errorList = errors.values().stream()
        .map(fields -> new PsReply.PsError(fields.getOrDefault("Message", ""), fields.getOrDefault("FullyQualifiedErrorId", "")))
        .toList();
    return new PsReply(new ArrayList<>(objects.values()), errorList, warnings, exitCode);
  }

  /** Base64 of the UTF-8 bytes of {@code text}. */
  public static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The text whose UTF-8 bytes {@code base64} holds. */
  public static String decode(String base64) {
    return new String(DECODER.decode(base64), StandardCharsets.UTF_8);
  }

  /** The first line sent to a new session: it runs the bootstrap, which defines {@code __Invoke}. */
  public static String bootstrapLine(String bootstrap) {
    return "$__b = '" + encode(bootstrap) + "'; . ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString("
        + "[Convert]::FromBase64String($__b))))";
  }

  static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 120) + "... (" + line.length() + " characters)";
  }
}
