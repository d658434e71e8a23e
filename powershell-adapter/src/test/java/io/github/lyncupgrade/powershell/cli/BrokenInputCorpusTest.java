package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.journal.FileJournal;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command's corpus of broken inputs ({@code src/test/resources/broken-inputs/cases.txt}, whose
 * head says how to read it): every case with its documented exit code, one message naming the
 * problem and its place, no stack trace, no raw control character, no file created, changed or
 * truncated, no child process left.
 */
@Tag("reliability")
class BrokenInputCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/broken-inputs");
  private static final Instant T0 = Instant.parse("2026-01-10T22:00:00Z");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
  private static final Pattern STACK_TRACE = Pattern.compile("\\n\\s+at [\\w.$]+\\(|\\b[A-Z]\\w*(Exception|Error)\\b");
  /** Names of the Java API where an operator needs options and commands: "resume(plan)", "FrontEndStrategy.X", "io.github...". */
  private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z][A-Za-z]*\\((true|false|plan|\\.\\.\\.|)\\)"
      + "|\\b[A-Z][a-z]+[A-Z]\\w*\\.([A-Z_]{2,}\\b|[a-z]\\w*\\()|io\\.github\\.|\\bPlanOptions\\[");

  @TempDir
  static Path root;

  private static Path pristine;
  private static final Map<String, String> DEFINES = new LinkedHashMap<>();
  private static final Map<String, Integer> CASES_BY_CLASS = new TreeMap<>();

  private record Case(String name, String defectClass, String run, boolean stdoutFull, int exit, List<String> says,
      List<String> out) {}

  @BeforeAll
  static void makeTheInputs() throws IOException {
    pristine = Files.createDirectory(root.resolve("inputs"));
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(file -> !file.getFileName().toString().equals("cases.txt")).toList()) {
        Files.copy(file, pristine.resolve(file.getFileName()));
      }
    }
    for (String line : manifest()) {
      String[] words = line.split(" ", 3);
      switch (words[0]) {
        case "define" -> DEFINES.put(words[1], words[2]);
        case "sample" -> {
          try (OutputStream out = Files.newOutputStream(pristine.resolve(words[1]))) {
            TopologyFile.write(TopologyArguments.Sample.valueOf(words[2].replace('-', '_')).topology(), out);
          }
        }
        case "copy" -> Files.copy(CORPUS.resolve(words[2]), pristine.resolve(words[1]));
        case "generate" -> Files.writeString(pristine.resolve(words[1]), repeated(words.length > 2 ? words[2] : ""),
            StandardCharsets.UTF_8);
        case "journal" -> journal(line.substring("journal ".length()));
        default -> {
          // cases are read by the factory
        }
      }
    }
  }

  @AfterAll
  static void printTheCounts() throws IOException {
    int passed = CASES_BY_CLASS.values().stream().mapToInt(Integer::intValue).sum();
    int total = cases().size();
    System.out.printf("RELIABILITY command line, the corpus of broken inputs: %d cases (%s), %d failures%n", total,
        CASES_BY_CLASS.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(", ")), total - passed);
  }

  @TestFactory
  Stream<DynamicTest> everyCase() throws IOException {
    return cases().stream().map(each -> DynamicTest.dynamicTest(each.name(), () -> check(each)));
  }

  @Test
  void theChecksCatchWhatTheyLookFor() {
    assertThat(List.of("call resume(plan) to go on", "add one with Topology.builder().pool(...)",
        "patch it by upgrade domain (FrontEndStrategy.BY_UPGRADE_DOMAIN)",
        "No enum constant io.github.lyncupgrade.core.journal.StepStatus.DONE", "the journal has options PlanOptions[scheduledDowntime=false",
        "confirmMirroredDatabaseUpdate(true)"))
        .allSatisfy(message -> assertThat(JAVA_NAME.matcher(message).find()).as(message).isTrue());
    assertThat(List.of("--strategy BY_UPGRADE_DOMAIN", "--update '\\\\files\\cu\\LyncServerUpdateInstaller.exe'",
        "only ASCII letters, digits, '-' and '.' are allowed (RFC 1123)", "Install-CsDatabase -Update", "pools[0].fqdn"))
        .allSatisfy(message -> assertThat(JAVA_NAME.matcher(message).find()).as(message).isFalse());
    assertThat(STACK_TRACE.matcher("java.lang.NullPointerException\n\tat io.github.X.y(X.java:71)").find()).isTrue();
    assertThat(STACK_TRACE.matcher("boom\n\tat io.github.X.y(X.java:71)").find()).isTrue();
    assertThat(STACK_TRACE.matcher("the file is not valid JSON: Unexpected end-of-input").find()).isFalse();
  }

  private static void check(Case each) throws Exception {
    Path folder = Files.createDirectory(root.resolve("case-" + Integer.toHexString(each.name().hashCode())
        + "-" + System.nanoTime()));
    List<String> args = arguments(expand(each.run(), folder, true));
    Map<String, String> before = snapshot(folder);
    Set<Long> childrenBefore = children();

    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    Main.FailureRecorder recorder = new Main.FailureRecorder(each.stdoutFull() ? new FullDisk() : outBytes);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), true);
    StringWriter errText = new StringWriter();
    int exit = Main.run(args.toArray(String[]::new), out, new PrintWriter(errText, true), recorder);
    String err = errText.toString();
    String stdout = outBytes.toString(StandardCharsets.UTF_8);

    assertThat(exit).as("exit code of %s%nerr: %s", args, err).isEqualTo(each.exit());
    for (String says : each.says()) {
      String expected = expand(says, folder, false);
      assertThat(occurrences(err, expected)).as("'%s' once on standard error, which has:%n%s", expected, err)
          .isEqualTo(1);
    }
    for (String text : each.out()) {
      assertThat(stdout).contains(expand(text, folder, false));
    }
    assertThat(STACK_TRACE.matcher(err + stdout).find()).as("a stack trace or an exception's name in%n%s", err).isFalse();
    assertThat(JAVA_NAME.matcher(err).find()).as("a name of the Java API in%n%s", err).isFalse();
    assertThat(err.chars().filter(c -> c < 0x20 && c != '\n').count()).as("raw control characters in%n%s", err)
        .isZero();
    assertThat(snapshot(folder)).as("the files of the folder, unchanged").isEqualTo(before);
    assertThat(childrenLeft(childrenBefore)).as("child processes left").isZero();
    synchronized (CASES_BY_CLASS) {
      CASES_BY_CLASS.merge(each.defectClass(), 1, Integer::sum);
    }
  }

  // ---- the manifest ----

  private static List<String> manifest() throws IOException {
    return Files.readAllLines(CORPUS.resolve("cases.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
  }

  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    List<String> lines = manifest();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("== ")) {
        continue;
      }
      String name = lines.get(i).substring(3);
      String defectClass = null;
      String run = null;
      boolean stdoutFull = false;
      int exit = -1;
      List<String> says = new ArrayList<>();
      List<String> out = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("== "); i++) {
        String[] field = lines.get(i).split(" ", 2);
        switch (field[0]) {
          case "class" -> defectClass = field[1];
          case "run" -> run = field[1];
          case "stdout" -> stdoutFull = field[1].equals("full");
          case "exit" -> exit = Integer.parseInt(field[1]);
          case "says" -> says.add(field[1]);
          case "out" -> out.add(field[1]);
          default -> throw new IllegalStateException("case '" + name + "': unknown line " + lines.get(i));
        }
      }
      i--;
      assertThat(defectClass).as("the class of '%s'", name).isNotNull();
      assertThat(run).as("the command line of '%s'", name).isNotNull();
      assertThat(exit).as("the exit code of '%s'", name).isNotNegative();
      assertThat(says.isEmpty() && out.isEmpty()).as("'%s' checks what it says", name).isFalse();
      if (exit == ExitCodes.BAD_INPUT || exit == ExitCodes.OUTPUT_FAILED) {
        assertThat(says).as("'%s' names its problem", name).isNotEmpty();
      }
      cases.add(new Case(name, defectClass, run, stdoutFull, exit, says, out));
    }
    return cases;
  }

  /** {@code text} with defines, {dir}, {fakeshell ...} and files in {@code folder}, inputs copied there when {@code copy}. */
  private static String expand(String text, Path folder, boolean copy) throws IOException {
    String defined = text;
    for (Map.Entry<String, String> define : DEFINES.entrySet()) {
      defined = defined.replace("{" + define.getKey() + "}", define.getValue());
    }
    Matcher matcher = PLACEHOLDER.matcher(defined);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value;
      if (name.equals("dir")) {
        value = folder.toString();
      } else if (name.equals("fakeshell") || name.startsWith("fakeshell ")) {
        value = fakeShell(name.equals("fakeshell") ? "" : name.substring("fakeshell ".length()));
      } else {
        Path file = folder.resolve(name);
        if (copy && Files.exists(pristine.resolve(name)) && !Files.exists(file)) {
          Files.copy(pristine.resolve(name), file);
        }
        value = file.toString();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The command line split at spaces, each \\uXXXX the character it names. */
  private static List<String> arguments(String line) {
    List<String> args = new ArrayList<>();
    for (String word : line.split(" +")) {
      Matcher escape = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(word);
      StringBuilder arg = new StringBuilder();
      while (escape.find()) {
        escape.appendReplacement(arg, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1),
            16))));
      }
      escape.appendTail(arg);
      args.add(arg.toString());
    }
    return args;
  }

  private static String fakeShell(String flags) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        FakeShell.class.getName(), "--deployment"));
    if (!flags.isBlank()) {
      command.addAll(Arrays.asList(flags.split(" ")));
    }
    return "--shell-command=" + String.join("|", command);
  }

  /** {repeat N:S} written out. */
  private static String repeated(String text) {
    Matcher matcher = Pattern.compile("\\{repeat (\\d+):(.)}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(2).repeat(Integer.parseInt(matcher.group(1)))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** {@code FILE N [forged|blank-line] -- ARGS}: see the manifest's head. */
  private static void journal(String spec) throws IOException {
    String[] halves = spec.split(" -- ", 2);
    String[] head = halves[0].split(" ");
    Path file = pristine.resolve(head[0]);
    int records = Integer.parseInt(head[1]);
    StatusCommand status = new StatusCommand();
    List<String> args = new ArrayList<>(arguments(expand(halves[1], pristine, false)));
    args.addAll(List.of("--journal", file.toString()));
    new CommandLine(status).parseArgs(args.toArray(String[]::new));
    Topology topology = status.topology.read(new PrintWriter(new StringWriter()));
    UpgradePlan plan = status.plan.plan(topology, true, new PrintWriter(new StringWriter()));
    try (FileJournal journal = FileJournal.open(file, FileJournal.Durability.FLUSH)) {
      journal.open(plan);
      for (int i = 1; i <= records; i++) {
        journal.append(new JournalRecord(i, T0.plusSeconds(60L * i), plan.steps().get((i - 1) / 2).id(),
            i % 2 == 1 ? StepStatus.STARTED : StepStatus.SUCCEEDED, "ok"));
      }
    }
    String extra = head.length > 2 ? head[2] : "";
    if (extra.equals("forged")) {
      String content = String.join("\t", String.valueOf(records + 1), T0.toString(), "SUCCEEDED",
          "pool01.contoso.com/UD9/fe99.contoso.com/verify", "ok");
      CRC32 crc = new CRC32();
      crc.update(content.getBytes(StandardCharsets.UTF_8));
      Files.writeString(file, content + "\t" + String.format("%08x", crc.getValue()) + "\n", StandardOpenOption.APPEND);
    } else if (extra.equals("blank-line")) {
      Files.writeString(file, "\n", StandardOpenOption.APPEND);
    }
  }

  // ---- what must not change ----

  /** Every file and folder under {@code folder} with a digest of its content. */
  private static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.toList()) {
        String name = folder.relativize(path).toString();
        files.put(name, Files.isDirectory(path) ? "folder" : digest(path));
      }
    }
    return files;
  }

  private static String digest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        sha.update(buffer, 0, read);
      }
      return Files.size(file) + " bytes, " + HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<Long> children() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  /** Child processes started by the case and still alive once they were given 10 s to end. */
  private static long childrenLeft(Set<Long> before) {
    List<ProcessHandle> started = ProcessHandle.current().descendants()
        .filter(child -> child.isAlive() && !before.contains(child.pid())).toList();
    for (ProcessHandle child : started) {
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // counted below
      }
    }
    return started.stream().filter(ProcessHandle::isAlive).count();
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  /** Standard output on a full disk. */
  private static final class FullDisk extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      throw new IOException("No space left on device");
    }
  }
}
