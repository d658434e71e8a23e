package io.github.lyncupgrade.testkit.assertions;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import io.github.lyncupgrade.testkit.fake.History;
import io.github.lyncupgrade.testkit.fake.ServerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what happened in a {@link FakeDeployment}, with failures in the domain's words.
 * They read its {@link History} and {@link io.github.lyncupgrade.testkit.fake.Inspection}, never
 * calling it, so asserting changes nothing. Every server or pool is named as a {@code String} or an
 * {@link Fqdn}.
 */
public final class FakeDeploymentAssert extends AbstractAssert<FakeDeploymentAssert, FakeDeployment> {

  FakeDeploymentAssert(FakeDeployment actual) {
    super(actual, FakeDeploymentAssert.class);
  }

  private History history() {
    isNotNull();
    return actual.history();
  }

  /** FE-0: no pool ever had servers of two upgrade domains down at the same moment. */
  public FakeDeploymentAssert upgradedOneDomainAtATime() {
    History history = history();
    for (Pool pool : actual.topology().pools()) {
      Optional<Map<String, Set<Fqdn>>> overlap = history.firstTimeSeveralDomainsWereDown(pool.fqdn());
      if (overlap.isPresent()) {
        failWithMessage("Expected %s to upgrade one domain at a time, but these domains were down together: %s",
            pool.fqdn(), overlap.get());
      }
    }
    return this;
  }

  /**
   * SDK-4: the two pools of a disaster-recovery pair were never disrupted at the same moment,
   * so each could always take the other's users.
   */
  public FakeDeploymentAssert neverDisruptedBothPoolsOfAPair() {
    History history = history();
    for (Pool pool : actual.topology().pools()) {
      pool.partnerPool().flatMap(partner -> history.firstTimeBothWereDisrupted(pool.fqdn(), partner))
          .ifPresent(disrupted -> failWithMessage("Expected %s and its disaster-recovery partner %s never to be"
              + " disrupted at once, but at one moment these pools were: %s", pool.fqdn(),
              pool.partnerPool().orElseThrow(), disrupted));
    }
    return this;
  }

  /** SDK-4: never more than {@code pools} pools disrupted at the same moment. */
  public FakeDeploymentAssert neverDisruptedMorePoolsAtOnceThan(int pools) {
    int most = history().maxPoolsDisruptedAtOnce();
    if (most > pools) {
      failWithMessage("Expected at most %s pools disrupted at once, but %s were: %s", pools, most,
          history().disruptions());
    }
    return this;
  }

  /** FE-2: no Front End was stopped while its domain was not ReadyForUpgrade. */
  public FakeDeploymentAssert neverStoppedADomainThatWasNotReady() {
    List<FakeEvent.ServicesStopped> stops = history().stopsWhileDomainNotReady();
    if (!stops.isEmpty()) {
      failWithMessage("Expected no server to be stopped while its domain was not ReadyForUpgrade, but: %s",
          stops.stream().map(stop -> stop.server() + " (" + stop.upgradeDomain() + " of " + stop.pool() + ") at "
              + stop.at()).toList());
    }
    return this;
  }

  /** Every Front End and Standard Edition server got the update exactly once. */
  public FakeDeploymentAssert upgradedEveryServerExactlyOnce() {
    Map<Fqdn, Integer> counts = history().updateCounts();
    Map<Fqdn, Integer> wrong = new LinkedHashMap<>();
    for (Pool pool : actual.topology().pools()) {
      for (Server server : pool.frontEnds()) {
        int times = counts.getOrDefault(server.fqdn(), 0);
        if (times != 1) {
          wrong.put(server.fqdn(), times);
        }
      }
    }
    if (!wrong.isEmpty()) {
      failWithMessage("Expected every server to be updated exactly once, but these were updated this many times: %s",
          wrong);
    }
    return this;
  }

  /** BE-11: {@code pool}'s databases were updated with {@code variant}, and only with it. */
  public FakeDeploymentAssert usedDatabaseVariant(String pool, DatabaseUpdateVariant variant) {
    return usedDatabaseVariant(Fqdn.of(pool), variant);
  }

  /** See {@link #usedDatabaseVariant(String, DatabaseUpdateVariant)}. */
  public FakeDeploymentAssert usedDatabaseVariant(Fqdn pool, DatabaseUpdateVariant variant) {
    List<DatabaseUpdateVariant> used = history().databaseUpdates(pool);
    if (used.isEmpty() || used.stream().anyMatch(other -> other != variant)) {
      failWithMessage("Expected %s's databases to be updated with %s (%s), but the variants used were %s",
          pool, variant, variant.rule(), used);
    }
    return this;
  }

  /** BE-0: no pool's Back End was down for 30 minutes or more. */
  public FakeDeploymentAssert keptUsersOutOfResiliencyMode() {
    History history = history();
    for (Pool pool : actual.topology().pools()) {
      if (history.usersWentIntoResiliencyMode(pool.fqdn())) {
        failWithMessage("Expected %s's users to stay out of resiliency mode, but its Back End was down for %s",
            pool.fqdn(), history.longestBackEndDowntime(pool.fqdn()));
      }
    }
    return this;
  }

  /**
   * No Enterprise pool ever ran fewer Front Ends than Microsoft's quorum table allows (CR-1): no
   * stop cost it quorum, and no moment in its servers' history, replayed, was below it.
   */
  public FakeDeploymentAssert neverLostQuorum() {
    List<FakeEvent.QuorumLost> losses = history().events(FakeEvent.QuorumLost.class);
    if (!losses.isEmpty()) {
      failWithMessage("Expected no pool to lose quorum, but: %s", losses.stream()
          .map(loss -> loss.pool() + " ran " + loss.running() + " Front Ends, needs " + loss.quorum()).toList());
    }
    history().firstQuorumBreach().ifPresent(breach -> failWithMessage(
        "Expected no pool to run below its quorum (CR-1), but at %s %s ran only %s and needs %s", breach.at(),
        breach.pool(), breach.running(), breach.quorum()));
    return this;
  }

  /** {@code pool} never had more than one Front End down at a time (server by server, CR-3). */
  public FakeDeploymentAssert upgradedOneServerAtATime(String pool) {
    return upgradedOneServerAtATime(Fqdn.of(pool));
  }

  /** See {@link #upgradedOneServerAtATime(String)}. */
  public FakeDeploymentAssert upgradedOneServerAtATime(Fqdn pool) {
    isNotNull();
    int most = history().maxFrontEndsDownAtOnce(pool);
    if (most > 1) {
      failWithMessage("Expected %s to have one Front End down at a time (CR-3), but %d were down at once", pool, most);
    }
    return this;
  }

  /** Every Front End and Standard Edition server runs its services now. */
  public FakeDeploymentAssert hasEveryServerRunning() {
    isNotNull();
    for (Pool pool : actual.topology().pools()) {
      for (Server server : pool.frontEnds()) {
        ServerState state = actual.inspect().state(server.fqdn());
        if (state != ServerState.RUNNING) {
          failWithMessage("Expected every server to run, but %s of %s is %s", server, pool.fqdn(), state);
        }
      }
    }
    return this;
  }

  /** {@code server} is in {@code state} now. */
  public FakeDeploymentAssert hasServerIn(String server, ServerState state) {
    return hasServerIn(Fqdn.of(server), state);
  }

  /** See {@link #hasServerIn(String, ServerState)}. */
  public FakeDeploymentAssert hasServerIn(Fqdn server, ServerState state) {
    isNotNull();
    ServerState actualState = actual.inspect().state(server);
    if (actualState != state) {
      failWithMessage("Expected %s to be %s, but it is %s", server, state, actualState);
    }
    return this;
  }

  /** Every pool that was failed over was failed back. */
  public FakeDeploymentAssert hasNoPoolLeftFailedOver() {
    isNotNull();
    for (Pool pool : actual.topology().pools()) {
      if (actual.inspect().isFailedOver(pool.fqdn())) {
        failWithMessage("Expected no pool left failed over, but %s still runs on %s", pool.fqdn(),
            pool.partnerPool().orElseThrow());
      }
    }
    return this;
  }
}
