package io.github.lyncupgrade.powershell;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.Fqdn;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A script's reply did not hold what the SDK reads, so nothing was read from it: never a
 * property absent taken as false, empty, "none missing", "current" or a build. It names the
 * script, the cmdlet, the property and what arrived instead (its type and a short rendering);
 * {@code lync-upgrade probe} shows the same on a lab deployment, with the properties the cmdlet
 * really has.
 */
public class UnreadableReplyException extends DeploymentException {
  private static final long serialVersionUID = 1L;

  private final String script;
  private final transient List<ReplyProblem> problems;

  /** {@code operation} on {@code target} ran {@code script}, whose reply had {@code problems}. */
  public UnreadableReplyException(String operation, Fqdn target, String script, List<ReplyProblem> problems) {
    super(operation, target, "its reply cannot be read, so nothing was read from it: " + problems.stream()
        .map(ReplyProblem::describe).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an unreadable reply has at least one problem");
    }
    this.script = script;
    this.problems = List.copyOf(problems);
  }

  /** The SDK script whose reply this was. */
  public String script() {
    return script;
  }

  /** Every problem found, in the order of the reply. */
  public List<ReplyProblem> problems() {
    return problems;
  }
}
