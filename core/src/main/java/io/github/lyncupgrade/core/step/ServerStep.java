package io.github.lyncupgrade.core.step;

import io.github.lyncupgrade.core.model.Fqdn;
import java.util.Optional;

/** A step that acts on one server, in an upgrade domain or in the Back End procedure. */
public sealed interface ServerStep extends Step
    permits StopServices, InstallUpdate, RestartServer, VerifyServer, StartServices, CheckAdministratorRole,
        StageUpdate, ManualStep, StopWebService, StartWebService, UpdateDatabases, CheckFabricState, FailOverServer,
        FailBackServer, VerifyDatabases, PublishTopology {

  /** Where the step runs. */
  StepScope scope();

  /** The last part of the step's id, for example {@code install-update}. */
  String action();

  /**
   * Whether this step takes a Front End of an upgrade domain down, opening its procedure
   * (FE-2a's stop, CR-3a's failover): the run counts the server as down from then until it is
   * verified (FE-0, CR-1).
   */
  default boolean takesAFrontEndDown() {
    return false;
  }

  @Override
  default StepId id() {
    return scope().stepId(action());
  }

  @Override
  default Optional<String> group() {
    return Optional.of(scope().group());
  }

  @Override
  default Optional<StepScope> serverProcedure() {
    return runsAhead() ? Optional.empty() : Optional.of(scope());
  }

  @Override
  default Fqdn pool() {
    return scope().pool();
  }

  @Override
  default Fqdn target() {
    return scope().server();
  }
}
