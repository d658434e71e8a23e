package io.github.lyncupgrade.powershell.fakeshell;

import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import io.github.lyncupgrade.powershell.internal.Wire;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for PowerShell, run as a real child process: it speaks the session protocol on its
 * standard input and output, parses every request the way the bootstrap does (Base64 script and
 * values, never evaluated), and answers from a handler. Flags make it misbehave the ways real
 * shells do: {@code --bom} (a byte-order mark first), {@code --noise} (stray lines and forged
 * markers around every reply), {@code --stderr-flood} (a megabyte on standard error first),
 * {@code --child} (start a long-lived child process, to test that the tree dies),
 * {@code --die-on=SCRIPT}, {@code --hang-on=SCRIPT}, {@code --garbage-on=SCRIPT} (die in the middle
 * of the reply, never answer, or answer with a broken frame whenever that script runs),
 * {@code --error-without-record=SCRIPT} (SCRIPT's replies close with ERROR but hold no error record),
 * {@code --break=SCRIPT:KIND.FIELD:HOW} (in every KIND record of SCRIPT's replies, FIELD is
 * {@code absent}, {@code null}, of the wrong {@code type} (a Boolean or a number as the string a
 * remoting hop makes of it, a string as an array) or {@code text=VALUE}), {@code --drop=SCRIPT:KIND}
 * (SCRIPT's replies without their KIND records), and
 * {@code --record=FILE} (append every request as parsed, for tests of what arrived),
 * {@code --exited=FILE} (write FILE when asked to {@code exit}, before leaving on its own). The {@code ping}
 * script's {@code Echo} value also steers it: {@code hang} never answers, {@code die} exits in
 * the middle of the reply, {@code garbage} answers as {@code --garbage-on} does, {@code exit-before} exits (code 5) before answering, {@code exit-after}
 * answers and then exits (code 0), {@code not-a-record:N} answers with a line of N characters that is no
 * record, {@code bad-index:N} with a record whose index is N digits, {@code huge:N} answers with N
 * megabytes, {@code wait-for:PORT} answers
 * once the test writes a byte to it on that local port (a command that runs as long as the test says), and
 * {@code --hold-on=SCRIPT:PORT} does the same the first time SCRIPT runs (an install the test interrupts).
 */
public final class FakeShell {
  private static final Pattern REQUEST =
      Pattern.compile("__Invoke '([0-9a-f]{32})' '([A-Za-z0-9+/=]*)' '([A-Za-z0-9+/=:,]*)'");

  private final PrintStream out;
  private final BiFunction<String, Map<String, String>, List<Map<String, PsValue>>> handler;
  private final boolean noise;
  private final String childPid;
  private final List<String> flags;
  private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  private boolean held;

  private FakeShell(PrintStream out, BiFunction<String, Map<String, String>, List<Map<String, PsValue>>> handler,
      boolean noise, String childPid, List<String> flags) {
    this.out = out;
    this.handler = handler;
    this.noise = noise;
    this.childPid = childPid;
    this.flags = flags;
  }

  /** The value of flag {@code --name=value}, or empty. */
  private String flag(String name) {
    return flags.stream().filter(flag -> flag.startsWith("--" + name + "=")).map(flag -> flag.substring(name.length() + 3))
        .findFirst().orElse("");
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> flags = Arrays.asList(args);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    if (flags.contains("--stderr-flood")) {
      System.err.print("x".repeat(1024 * 1024));
      System.err.flush();
    }
    if (flags.contains("--bom")) {
      out.print('\uFEFF');
    }
    String childPid = "";
    if (flags.contains("--child")) {
      childPid = String.valueOf(new ProcessBuilder("sleep", "600").start().pid());
    }
    BiFunction<String, Map<String, String>, List<Map<String, PsValue>>> handler = flags.contains("--deployment")
        ? new DeploymentScripts(flags) : (script, parameters) -> {
          throw new IllegalArgumentException("no handler for " + script);
        };
    new FakeShell(out, handler, flags.contains("--noise"), childPid, flags).serve();
  }

  private void serve() throws IOException, InterruptedException {
    String bootstrap = in.readLine();
    if (bootstrap == null || !bootstrap.startsWith("$__b = '")
        || !Wire.decode(bootstrap.substring(8, bootstrap.indexOf('\'', 8))).contains("function global:__Invoke")) {
      System.err.println("the first line was not the bootstrap: " + bootstrap);
      System.exit(2);
    }
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("exit")) {
        String exited = flag("exited");
        if (!exited.isEmpty()) {
          Files.writeString(Path.of(exited), "asked to exit\n", StandardCharsets.UTF_8);
        }
        return;
      }
      Matcher request = REQUEST.matcher(line);
      if (!request.matches()) {
        System.err.println("The term is not recognized as a cmdlet: " + line);
        continue;
      }
      answer(request.group(1), Wire.decode(request.group(2)), parameters(request.group(3)));
    }
  }

  private static Map<String, String> parameters(String encoded) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (!encoded.isEmpty()) {
      for (String pair : encoded.split(",")) {
        String[] nameAndValue = pair.split(":", 2);
        parameters.put(nameAndValue[0], Wire.decode(nameAndValue[1]));
      }
    }
    return parameters;
  }

  /**
   * With {@code --record=FILE}: appends the request as this shell parsed it, the script and each
   * value Base64-encoded, one request per line, so a test can see exactly what arrived.
   */
  private void record(String script, Map<String, String> parameters) throws IOException {
    String file = flag("record");
    if (file.isEmpty()) {
      return;
    }
    StringBuilder line = new StringBuilder(Wire.encode(script));
    parameters.forEach((name, value) -> line.append('\t').append(name).append('=').append(Wire.encode(value)));
    Files.writeString(Path.of(file), line.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /**
   * Never answers again, not even {@code exit}; ends only when its input closes, so a session that
   * failed to kill it (a mutant of the kill, under the mutation profile) leaves no hung process behind.
   */
  private void hangUntilInputCloses() throws IOException {
    while (in.readLine() != null) {
      // a hung shell reads nothing it is sent
    }
    System.exit(0);
  }

  /** Blocks until the test, listening on {@code port}, writes a byte or closes the connection. */
  private static void awaitRelease(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.getInputStream().read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answer(String id, String script, Map<String, String> parameters)
      throws InterruptedException, IOException {
    String name = script.lines().findFirst().orElse("").replace("# lync-upgrade:", "");
    String echo = parameters.getOrDefault("Echo", "");
    record(script, parameters);
    if (flags.contains("--hang-on=" + name)) {
      hangUntilInputCloses(); // this script hangs: nothing ever answers
    }
    if (flags.contains("--garbage-on=" + name) || echo.equals("garbage")) {
      out.println(Wire.begin(id));
      out.println("\u0000garbage\tthat is no record");
      out.println("<<<LYNCSDK:END:" + id + ":MAYBE>>>");
      out.flush();
      return;
    }
    if (flags.contains("--die-on=" + name)) {
      out.println(Wire.begin(id));
      out.flush();
      System.exit(4);
    }
    if (noise) {
      out.println("WARNING: some module printed this with Write-Host");
      out.println(Wire.end("0123456789abcdef0123456789abcdef", true));
    }
    if (echo.equals("exit-before")) {
      System.exit(5);
    }
    if (echo.equals("hang")) {
      hangUntilInputCloses(); // a hung shell: nothing ever answers
    }
    if (echo.startsWith("wait-for:")) {
      awaitRelease(Integer.parseInt(echo.substring("wait-for:".length())));
    }
    String holdOn = flag("hold-on");
    if (!held && !holdOn.isEmpty() && name.equals(holdOn.substring(0, holdOn.lastIndexOf(':')))) {
      held = true;
      awaitRelease(Integer.parseInt(holdOn.substring(holdOn.lastIndexOf(':') + 1)));
    }
    out.println(Wire.begin(id));
    if (echo.equals("die")) {
      out.println(Wire.record('O', 0, "Echo", "half a reply"));
      out.flush();
      System.exit(3);
    }
    if (echo.startsWith("bad-index:")) {
      out.println("O\t" + "9".repeat(Integer.parseInt(echo.substring("bad-index:".length()))) + "\tEcho\tSystem.String\t"
          + Wire.encode(echo));
      out.println(Wire.end(id, true));
      out.flush();
      return;
    }
    if (echo.startsWith("not-a-record:")) {
      out.println("y".repeat(Integer.parseInt(echo.substring("not-a-record:".length()))));
      out.println(Wire.end(id, true));
      out.flush();
      return;
    }
    List<String> records = new ArrayList<>();
    boolean ok = true;
    try {
      List<Map<String, PsValue>> objects = broken(name, name.equals("ping") ? List.of(ping(parameters, echo))
          : handler.apply(name, parameters));
      for (int i = 0; i < objects.size(); i++) {
        int index = i;
        objects.get(i).forEach((property, value) -> records.add(Wire.record('O', index, property, value)));
      }
    } catch (RuntimeException e) {
      ok = false;
      records.clear();
      records.add(Wire.record('E', 0, "Message", String.valueOf(e.getMessage())));
      records.add(Wire.record('E', 0, "FullyQualifiedErrorId", e.getClass().getSimpleName()));
    }
    records.forEach(out::println);
    out.println(Wire.end(id, ok && !flags.contains("--error-without-record=" + name)));
    if (noise) {
      out.println("VERBOSE: stray output after the reply");
    }
    out.flush();
    if (echo.equals("exit-after")) {
      System.exit(0);
    }
  }

  /** The Pong of ping's contract, plus what the tests of the session read: the child's pid and the parameters' names. */
  private Map<String, PsValue> ping(Map<String, String> parameters, String echo) {
    Map<String, PsValue> pong = new LinkedHashMap<>(ScriptContracts.Ping.CONTRACT.record(ScriptContracts.Ping.PONG)
        .with(ScriptContracts.Ping.PS_VERSION, "fake-5.1")
        .with(ScriptContracts.Ping.ECHO, echo.startsWith("huge:")
            ? "x".repeat(Integer.parseInt(echo.substring(5)) * 1024 * 1024) : echo).build());
    pong.put("Child", PsValue.text(childPid));
    pong.put("Parameters", PsValue.text(String.join(",", parameters.keySet())));
    return pong;
  }

  /** The replies with every {@code --break} for {@code script} applied. */
  private List<Map<String, PsValue>> broken(String script, List<Map<String, PsValue>> objects) {
    List<Map<String, PsValue>> replies = new ArrayList<>();
    for (Map<String, PsValue> object : objects) {
      PsValue objectKind = object.get("Kind");
      if (objectKind != null && flags.contains("--drop=" + script + ":" + objectKind.text())) {
        continue;
      }
      Map<String, PsValue> reply = new LinkedHashMap<>(object);
      for (String flag : flags) {
        if (!flag.startsWith("--break=" + script + ":")) {
          continue;
        }
        String[] parts = flag.substring(("--break=" + script + ":").length()).split(":", 2);
        String kind = parts[0].substring(0, parts[0].indexOf('.'));
        String field = parts[0].substring(parts[0].indexOf('.') + 1);
        PsValue kindValue = reply.get("Kind");
        if (kindValue == null || !kindValue.text().equals(kind) || !reply.containsKey(field)) {
          continue;
        }
        PsValue value = reply.get(field);
        String how = parts[1];
        if (how.equals("absent")) {
          reply.remove(field);
        } else if (how.equals("null")) {
          reply.put(field, PsValue.ofNull());
        } else if (how.equals("type")) {
          reply.put(field, value.type().equals("System.String") ? new PsValue("System.Object[]", value.text())
              : PsValue.text(value.text()));
        } else if (how.startsWith("text=")) {
          reply.put(field, PsValue.text(how.substring(5)));
        } else {
          throw new IllegalArgumentException("unknown --break " + flag);
        }
      }
      replies.add(reply);
    }
    return replies;
  }
}
