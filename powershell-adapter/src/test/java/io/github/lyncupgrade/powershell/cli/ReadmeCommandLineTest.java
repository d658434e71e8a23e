package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.DocBlocks;
import io.github.lyncupgrade.powershell.fakeshell.FakeShell;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The command's page (docs/command.md): its examples run, its topology file reads, and it names every option, limit
 * and exit code; and the README's account of the main command is what it prints.
 */
class ReadmeCommandLineTest {
  @TempDir
  Path directory;

  private record Result(int exitCode, String out, String err) {}

  private static Result run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
    return new Result(exitCode, out.toString(), err.toString());
  }

  private static String block(String name) throws IOException {
    return DocBlocks.block(name);
  }

  @Test
  void theTopologyFileExampleIsReadAndPlanned() throws IOException {
    Path file = directory.resolve("topology.json");
    Files.writeString(file, block("topology-file"), StandardCharsets.UTF_8);

    Topology topology = TopologyFile.read(file);
    Result plan = run(List.of("plan", "--topology", file.toString()));

    assertThat(topology.pools()).hasSize(3);
    assertThat(topology.frontEndCount()).isEqualTo(7);
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).startsWith("Upgrade plan: 3 pools, 7 Front End and Standard Edition servers");
  }

  @Test
  void theTopologyFileErrorIsWhatTheExampleWithFe03WrittenFeSemicolon03Gives() throws IOException {
    Path file = directory.resolve("topology.json");
    Files.writeString(file, block("topology-file").replace("\"fe03.contoso.com\"", "\"fe;03.contoso.com\""),
        StandardCharsets.UTF_8);

    Result plan = run(List.of("plan", "--topology", file.toString()));

    assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(plan.err()).contains("(1 problem)")
        .contains("\n  " + block("topology-file-error").strip().replace("topology.json:", file + ":") + "\n");
  }

  @Test
  void theExamplesRunInTheirOrder() throws IOException {
    List<String> lines = block("command-examples").lines().filter(line -> line.startsWith("lync-upgrade ")).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(7);

    for (String line : lines) {
      List<String> args = new ArrayList<>();
      for (String word : words(line.substring("lync-upgrade ".length()))) {
        args.add(word.endsWith(".json") || word.endsWith(".journal") || word.endsWith(".ps1")
            ? directory.resolve(word).toString() : word);
      }
      String subcommand = args.get(0);
      if (List.of("discover", "run", "resume").contains(subcommand)) {
        args.add(fakeShell());
      }
      if (List.of("run", "resume").contains(subcommand)) {
        args.addAll(List.of("--sessions", "1"));
      }
      if (List.of("run", "resume", "status").contains(subcommand)) {
        args.addAll(List.of("--settle-minutes", "0"));
      }

      Result result = run(args);

      int expected = subcommand.equals("simulate") ? ExitCodes.RUN_INCOMPLETE : ExitCodes.OK; // fe03's install fails
      assertThat(result.exitCode()).as("%s%n%s", line, result.err()).isEqualTo(expected);
    }
    assertThat(directory.resolve("upgrade.ps1")).isNotEmptyFile();
    assertThat(run(List.of("status", "--topology", directory.resolve("topology.json").toString(), "--journal",
        directory.resolve("night1.journal").toString(), "--update", "\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe",
        "--target-build", "5.0.8308.1001", "--settle-minutes", "0")).out()).containsPattern("^(\\d+) of \\1 steps done");
  }

  /** A command line split as a POSIX shell would for these lines: at spaces, '...' quoting. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher matcher = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
    while (matcher.find()) {
      words.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
    return words;
  }

  private static String fakeShell() {
    return "--shell-command=" + String.join("|", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FakeShell.class.getName(),
        "--deployment");
  }

  @Test
  void everyOptionOfEverySubcommandIsOnTheCommandsPage() throws IOException {
    String section = block("command");
    CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<String> missing = new ArrayList<>();

    for (Map.Entry<String, CommandLine> subcommand : commandLine.getSubcommands().entrySet()) {
      CommandSpec spec = subcommand.getValue().getCommandSpec();
      assertThat(section).contains("| `" + subcommand.getKey() + "` |");
      for (OptionSpec option : spec.options()) {
        if (option.hidden() || option.usageHelp() || option.versionHelp()) {
          continue;
        }
        if (!section.contains("`" + option.longestName())) {
          missing.add(subcommand.getKey() + " " + option.longestName());
        }
        if (option.required()) {
          assertThat(section).as("%s %s is marked required", subcommand.getKey(), option.longestName())
              .containsPattern("\\*\\*`" + Pattern.quote(option.longestName()) + "[^`]*`\\*\\*|\\*\\*`-o`/`"
                  + Pattern.quote(option.longestName()));
        }
      }
    }
    assertThat(missing).as("options docs/command.md does not name").isEmpty();
  }

  @Test
  void theLimitsAreTheOnesTheCommandAppliesAtBothEnds() throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `(--[a-z-]+)` \\|[^|]*\\| (\\d+) to (\\d+) \\|").matcher(block("limits"));
    while (row.find()) {
      rows.put(row.group(1), List.of(row.group(2), row.group(3)));
    }
    assertThat(rows).hasSize(9);

    rows.forEach((option, range) -> {
      String subcommand = switch (option) {
        case "--sessions", "--powershell-start-timeout", "--powershell-command-timeout" -> "discover";
        case "--crash-after" -> "simulate";
        default -> "plan";
      };
      long below = Long.parseLong(range.get(0)) - 1;
      long above = Long.parseLong(range.get(1)) + 1;
      for (long outside : new long[] {below, above}) {
        List<String> args = new ArrayList<>(List.of(subcommand, option, String.valueOf(outside)));
        if (option.equals("--sessions")) {
          args.set(0, "run");
        }
        Result result = run(args);
        assertThat(result.err()).as("%s %d", option, outside).contains(option)
            .contains(outside + " is out of range: " + range.get(0) + " to " + range.get(1));
      }
    });
  }

  @Test
  void theExitCodesAreTheOnesTheHelpLists() throws IOException {
    Result help = run(List.of("--help"));
    Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| (.+) \\|$").matcher(block("exit-codes"));
    int rows = 0;
    while (row.find()) {
      rows++;
      assertThat(help.out().replaceAll("\\n {6,}", " ")).containsPattern("(?m)^  " + row.group(1) + " +"
          + Pattern.quote(row.group(2)) + "$");
    }
    assertThat(rows).isEqualTo(7);
  }

  @Test
  void theMainCommandPrintsWhatTheReadmeSaysItDoes() throws IOException {
    String readme = DocBlocks.page("README.md");
    Matcher claims = Pattern.compile("Edition server: (\\d+) steps, each citing its rule\\) and its estimated window \\(([^)]+)\\)"
        + "(?s).*?\\(\"(Run COMPLETED after [^\"]+)\"\\)").matcher(readme);
    assertThat(claims.find()).isTrue();

    Result simulate = run(List.of("simulate"));

    assertThat(simulate.exitCode()).isZero();
    assertThat(simulate.out()).contains(", " + claims.group(1) + " steps\n", "Estimated window " + claims.group(2) + " ",
        claims.group(3));
    Matcher skype = Pattern.compile("Central Management Store \\((\\d+) steps\\)").matcher(readme);
    assertThat(skype.find()).isTrue();
    assertThat(run(List.of("simulate", "--sample", "skype-2015")).out()).contains(", " + skype.group(1) + " steps\n");
  }
}
