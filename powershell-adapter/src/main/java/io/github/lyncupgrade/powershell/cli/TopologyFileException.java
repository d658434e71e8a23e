package io.github.lyncupgrade.powershell.cli;

import java.util.List;

/** A topology file cannot be used; every problem names its line. Nothing runs. */
final class TopologyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  TopologyFileException(String file, List<String> problems) {
    super(file + " is not a usable topology (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "); nothing was run:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
