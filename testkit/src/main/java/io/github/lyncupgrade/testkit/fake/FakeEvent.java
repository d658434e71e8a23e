package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.DatabaseCheck;
import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that happened in a {@link FakeDeployment}, at a virtual time. The fake's
 * {@link History} holds them in order; its queries are computed from them.
 */
public sealed interface FakeEvent {

  /** When it happened, in virtual time. */
  Instant at();

  /**
   * A {@code LyncDeployment} operation was called: recorded before it does anything, so a call
   * that then fails (an unreachable server, a refusal) is here too.
   *
   * @param at when
   * @param call the call's number, from 1
   * @param operation the operation; {@link Operation} says what its target and arguments are
   * @param target the server or pool
   * @param arguments its other arguments by parameter name, in order, as text ({@code Graceful=true})
   */
  record OperationCalled(Instant at, int call, Operation operation, Fqdn target, Map<String, String> arguments)
      implements FakeEvent {
    /** Rejects nulls; keeps the arguments' order. */
    public OperationCalled {
      requireNonNull(at, "at");
      requireNonNull(operation, "operation");
      requireNonNull(target, "target");
      arguments = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(arguments, "arguments")));
    }

    /** The argument {@code name}, if the call had it. */
    public Optional<String> argument(String name) {
      return Optional.ofNullable(arguments.get(requireNonNull(name, "name")));
    }
  }

  /**
   * A server changed state.
   *
   * @param at when
   * @param pool the server's pool
   * @param upgradeDomain its upgrade domain, or empty for a Back End or Standard Edition server
   * @param server the server
   * @param from the state before
   * @param to the state after
   */
  record ServerStateChanged(Instant at, Fqdn pool, String upgradeDomain, Fqdn server, ServerState from,
      ServerState to) implements FakeEvent {}

  /**
   * A server's World Wide Web service (w3svc) stopped or started (BE-5, BE-10): while a Back
   * End's is stopped, the pools it stores are without their Back End.
   *
   * @param at when
   * @param pool a pool whose Back End or Standard Edition server it is
   * @param server the server
   * @param running whether it runs now
   */
  record WebServiceChanged(Instant at, Fqdn pool, Fqdn server, boolean running) implements FakeEvent {}

  /**
   * A server's services were stopped, with what {@code ReadyForUpgrade} its domain had then:
   * the pool kept quorum and no other domain of the pool was down.
   *
   * @param at when
   * @param pool the pool
   * @param upgradeDomain the domain, or empty for a Back End or Standard Edition server
   * @param server the server
   * @param graceful whether {@code -Graceful} was used
   * @param domainReadyForUpgrade whether its domain was ready for upgrade at that moment
   */
  record ServicesStopped(Instant at, Fqdn pool, String upgradeDomain, Fqdn server, boolean graceful,
      boolean domainReadyForUpgrade) implements FakeEvent {}

  /**
   * {@code Stop-CsWindowsService} found a server's services not running and stopped nothing: the
   * second stop of a Back End (BE-9, after BE-4), or a stop redone on resume.
   *
   * @param at when
   * @param pool the server's pool
   * @param upgradeDomain its upgrade domain, or empty for a Back End or Standard Edition server
   * @param server the server
   * @param graceful whether {@code -Graceful} was used
   */
  record ServicesAlreadyStopped(Instant at, Fqdn pool, String upgradeDomain, Fqdn server, boolean graceful)
      implements FakeEvent {}

  /**
   * The installer ran to success on a server.
   *
   * @param at when it finished
   * @param server the server
   * @param from the build before
   * @param to the build after
   */
  record UpdateInstalled(Instant at, Fqdn server, BuildVersion from, BuildVersion to) implements FakeEvent {}

  /**
   * {@code Install-CsDatabase -Update} ran for a pool.
   *
   * @param at when
   * @param pool the pool
   * @param sqlServer the SQL Server it ran against ({@code -SqlServerFqdn}): the Back End, or its AlwaysOn listener
   * @param variant the variant used
   * @param expected the variant the pool needs (BE-11a/b/c)
   */
  record DatabasesUpdated(Instant at, Fqdn pool, Fqdn sqlServer, DatabaseUpdateVariant variant,
      DatabaseUpdateVariant expected) implements FakeEvent {
    /** Whether the right variant was used. */
    public boolean isCorrectVariant() {
      return variant == expected;
    }
  }

  /**
   * A pool's Back End came back after a downtime (BE-0).
   *
   * @param at when it came back
   * @param pool the pool
   * @param downtime how long it was down
   * @param usersInResiliencyMode whether the downtime reached 30 minutes, putting users into resiliency mode
   */
  record BackEndDowntime(Instant at, Fqdn pool, Duration downtime, boolean usersInResiliencyMode)
      implements FakeEvent {}

  /**
   * Fewer Front Ends ran than the pool's quorum needs, so the remaining ones stopped their services.
   *
   * @param at when
   * @param pool the pool
   * @param running how many were running
   * @param quorum what the pool needs
   */
  record QuorumLost(Instant at, Fqdn pool, int running, PoolQuorum quorum) implements FakeEvent {}

  /**
   * The readiness cmdlet reported.
   *
   * @param at when
   * @param readiness what it reported
   */
  record ReadinessReported(Instant at, PoolReadiness readiness) implements FakeEvent {}

  /**
   * A pool was failed over to its partner: its users moved there (FE-1c).
   *
   * @param at when
   * @param pool the pool
   * @param partner the pool that took its users
   */
  record PoolFailedOver(Instant at, Fqdn pool, Fqdn partner) implements FakeEvent {}

  /**
   * A pool was failed back from its partner.
   *
   * @param at when
   * @param pool the pool
   * @param partner the pool that had its users
   */
  record PoolFailedBack(Instant at, Fqdn pool, Fqdn partner) implements FakeEvent {}

  /**
   * A scheduled fault fired.
   *
   * @param at when
   * @param fault the fault
   */
  record FaultFired(Instant at, Fault fault) implements FakeEvent {}

  /**
   * {@code Invoke-CsComputerFailOver} drained a Front End and stopped and disabled its services (CR-3a).
   *
   * @param at when it was done
   * @param pool the pool
   * @param server the server
   * @param drainingTimeout the draining timeout passed
   */
  record ComputerFailedOver(Instant at, Fqdn pool, Fqdn server, Duration drainingTimeout) implements FakeEvent {}

  /**
   * {@code Invoke-CsComputerFailBack} enabled and started a Front End's services (CR-3c).
   *
   * @param at when
   * @param pool the pool
   * @param server the server
   */
  record ComputerFailedBack(Instant at, Fqdn pool, Fqdn server) implements FakeEvent {}

  /**
   * {@code Get-CsPoolFabricState} answered.
   *
   * @param at when
   * @param state what it reported
   */
  record FabricStateReported(Instant at, PoolFabricState state) implements FakeEvent {}

  /**
   * {@code Reset-CsPoolRegistrarState -ResetType QuorumLossRecovery} ran (CR-3).
   *
   * @param at when
   * @param pool the pool
   */
  record RegistrarStateReset(Instant at, Fqdn pool) implements FakeEvent {}

  /**
   * {@code Test-CsDatabase -ConfiguredDatabases} answered (CR-7).
   *
   * @param at when
   * @param pool the pool
   * @param databases what it reported
   */
  record DatabasesTested(Instant at, Fqdn pool, List<DatabaseCheck> databases) implements FakeEvent {}

  /**
   * The topology was published again (CR-6).
   *
   * @param at when
   * @param pool the pool whose update asked for it
   */
  record TopologyPublished(Instant at, Fqdn pool) implements FakeEvent {}

  /**
   * {@code Invoke-CsManagementServerFailover} moved the Central Management Store (CR-9).
   *
   * @param at when
   * @param pool the pool that hosted it
   * @param backupStore where it went
   */
  record CentralManagementStoreMoved(Instant at, Fqdn pool, String backupStore) implements FakeEvent {}
}
