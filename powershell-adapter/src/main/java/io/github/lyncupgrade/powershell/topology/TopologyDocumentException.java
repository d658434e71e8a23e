package io.github.lyncupgrade.powershell.topology;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A topology document cannot be used: every problem found, each with its document, line and
 * element, all at once. Nothing is planned from it. Also thrown for documents refused as hostile
 * or too large (a DTD, an entity, nesting deeper than the reader allows, more bytes than it reads).
 */
public final class TopologyDocumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<DocumentFinding> problems;

  /** Creates the exception for {@code source} from a non-empty list of problems. */
  public TopologyDocumentException(String source, List<DocumentFinding> problems) {
    super(describe(source, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a TopologyDocumentException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in document order. */
  public List<DocumentFinding> problems() {
    return problems;
  }

  private static String describe(String source, List<DocumentFinding> problems) {
    return source + " is not a usable topology (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "); nothing was planned:\n" + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n"));
  }
}
