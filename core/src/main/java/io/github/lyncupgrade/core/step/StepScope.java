package io.github.lyncupgrade.core.step;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.Optional;

/**
 * Where a server step runs: the pool, the group of steps it belongs to (an upgrade domain, or
 * {@value #BACK_END} for the Back End procedure) and the server.
 *
 * @param pool the pool being upgraded
 * @param group the upgrade domain's name, or {@value #BACK_END}
 * @param server the server the step acts on
 */
public record StepScope(Fqdn pool, String group, Fqdn server) {
  /** The group of the Back End and Standard Edition procedure's steps (BE-1..BE-11). */
  public static final String BACK_END = "back-end";

  /** Rejects nulls. */
  public StepScope {
    requireNonNull(pool, "pool");
    requireNonNull(group, "group");
    requireNonNull(server, "server");
  }

  /** The scope of a Front End server in upgrade domain {@code upgradeDomain}. */
  public static StepScope frontEnd(Fqdn pool, String upgradeDomain, Fqdn server) {
    return new StepScope(pool, upgradeDomain, server);
  }

  /** The scope of the Back End procedure on {@code host}. */
  public static StepScope backEnd(Fqdn pool, Fqdn host) {
    return new StepScope(pool, BACK_END, host);
  }

  /** Whether this is the Back End procedure's scope. */
  public boolean isBackEnd() {
    return BACK_END.equals(group);
  }

  /** The upgrade domain, for a Front End step. */
  public Optional<String> upgradeDomain() {
    return isBackEnd() ? Optional.empty() : Optional.of(group);
  }

  /** The id of the action {@code action} in this scope. */
  public StepId stepId(String action) {
    return new StepId(pool + "/" + group + "/" + server + "/" + action);
  }
}
