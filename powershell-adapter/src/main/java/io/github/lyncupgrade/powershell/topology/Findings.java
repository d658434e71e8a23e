package io.github.lyncupgrade.powershell.topology;

import java.util.ArrayList;
import java.util.List;

/** The warnings and problems found while reading one document, in the order found. */
final class Findings {
  private final List<DocumentFinding> warnings = new ArrayList<>();
  private final List<DocumentFinding> problems = new ArrayList<>();

  void warn(SourceLocation location, String message) {
    warnings.add(new DocumentFinding(location, message));
  }

  void problem(SourceLocation location, String message) {
    problems.add(new DocumentFinding(location, message));
  }

  List<DocumentFinding> warnings() {
    return warnings;
  }

  List<DocumentFinding> problems() {
    return problems;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }
}
