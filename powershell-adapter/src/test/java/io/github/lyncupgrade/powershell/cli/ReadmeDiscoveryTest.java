package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.powershell.DocBlocks;
import io.github.lyncupgrade.powershell.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of {@code discover} in docs/real-deployment.md: the command as shown, against the fake shell, prints these lines in order. */
class ReadmeDiscoveryTest {
  private static final String PROMPT = "$ lync-upgrade ";

  @TempDir
  Path directory;

  @Test
  void theDiscoverExamplePrintsWhatThePageShows() throws IOException {
    List<String> example = DocBlocks.block("discover-output").strip().lines().toList();
    assertThat(example.get(0)).startsWith(PROMPT);
    List<String> args = new ArrayList<>();
    args.add(CommandLineTest.fakeShell());
    for (String arg : example.get(0).substring(PROMPT.length()).split(" ")) {
      args.add(arg.endsWith(".json") || arg.endsWith(".xml") ? directory.resolve(arg).toString() : arg);
    }
    args.add(0, args.remove(1)); // the subcommand first, then the shell, then the command's own options

    Result result = CommandLineTest.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> printed = (result.err() + result.out()).replace(directory + "/", "").lines().toList();
    int at = 0;
    for (String line : example.subList(1, example.size())) {
      String start = line.endsWith("...") ? line.substring(0, line.length() - 3) : null;
      while (at < printed.size() && !(start == null ? printed.get(at).equals(line) : printed.get(at).startsWith(start))) {
        at++;
      }
      assertThat(at).as("the page's line '%s', in order, in:%n%s", line, String.join("\n", printed))
          .isLessThan(printed.size());
      at++;
    }
  }
}
