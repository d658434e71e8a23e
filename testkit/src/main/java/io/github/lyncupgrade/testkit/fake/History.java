package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.DatabaseUpdateVariant;
import io.github.lyncupgrade.testkit.fake.FakeEvent.BackEndDowntime;
import io.github.lyncupgrade.testkit.fake.FakeEvent.DatabasesUpdated;
import io.github.lyncupgrade.testkit.fake.FakeEvent.ServerStateChanged;
import io.github.lyncupgrade.testkit.fake.FakeEvent.ServicesStopped;
import io.github.lyncupgrade.testkit.fake.FakeEvent.UpdateInstalled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything that happened in a {@link FakeDeployment}, in order, and the questions tests ask
 * of it. A snapshot: immutable and thread-safe.
 */
public final class History {
  private final List<FakeEvent> events;

  History(List<FakeEvent> events) {
    this.events = List.copyOf(events);
  }

  /** Every event, in order. */
  public List<FakeEvent> events() {
    return events;
  }

  /** The events of one type, in order. */
  public <T extends FakeEvent> List<T> events(Class<T> type) {
    requireNonNull(type, "type");
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The most upgrade domains of {@code pool} that had a server down at the same moment
   * (FE-0 allows one).
   */
  public int maxDomainsDownAtOnce(Fqdn pool) {
    int most = 0;
    for (Map<String, Set<Fqdn>> down : downDomainsOverTime(pool)) {
      most = Math.max(most, down.size());
    }
    return most;
  }

  /**
   * The first moment two or more upgrade domains of {@code pool} had servers down, as the down
   * servers by domain, or empty if that never happened.
   */
  public Optional<Map<String, Set<Fqdn>>> firstTimeSeveralDomainsWereDown(Fqdn pool) {
    return downDomainsOverTime(pool).stream().filter(down -> down.size() > 1).findFirst();
  }

  /** After each state change of one of {@code pool}'s Front Ends: its domains with servers down, and those servers. */
  private List<Map<String, Set<Fqdn>>> downDomainsOverTime(Fqdn pool) {
    requireNonNull(pool, "pool");
    Map<String, Set<Fqdn>> down = new TreeMap<>();
    List<Map<String, Set<Fqdn>>> moments = new ArrayList<>();
    for (ServerStateChanged change : events(ServerStateChanged.class)) {
      if (!change.pool().equals(pool) || change.upgradeDomain().isEmpty()) {
        continue;
      }
      Set<Fqdn> servers = down.computeIfAbsent(change.upgradeDomain(), domain -> new TreeSet<>());
      if (change.to().isUp()) {
        servers.remove(change.server());
      } else {
        servers.add(change.server());
      }
      down.values().removeIf(Set::isEmpty);
      Map<String, Set<Fqdn>> snapshot = new TreeMap<>();
      down.forEach((domain, fqdns) -> snapshot.put(domain, Set.copyOf(fqdns)));
      moments.add(snapshot);
    }
    return moments;
  }

  /** The stops of Front End servers whose domain was not ReadyForUpgrade at the time (FE-2 forbids them). */
  public List<ServicesStopped> stopsWhileDomainNotReady() {
    return events(ServicesStopped.class).stream()
        .filter(stop -> !stop.upgradeDomain().isEmpty() && !stop.domainReadyForUpgrade())
        .toList();
  }

  /** How many times the installer ran to success on each server that it ran on, in order of first install. */
  public Map<Fqdn, Integer> updateCounts() {
    Map<Fqdn, Integer> counts = new LinkedHashMap<>();
    for (UpdateInstalled install : events(UpdateInstalled.class)) {
      counts.merge(install.server(), 1, Integer::sum);
    }
    return counts;
  }

  /** How many times the installer ran to success on {@code server}. */
  public int timesUpdated(Fqdn server) {
    return updateCounts().getOrDefault(requireNonNull(server, "server"), 0);
  }

  /** Each completed Back End downtime of {@code pool}, in order (BE-0). */
  public List<Duration> backEndDowntimes(Fqdn pool) {
    requireNonNull(pool, "pool");
    return events(BackEndDowntime.class).stream()
        .filter(downtime -> downtime.pool().equals(pool))
        .map(BackEndDowntime::downtime)
        .toList();
  }

  /** The longest completed Back End downtime of {@code pool}, zero if none. */
  public Duration longestBackEndDowntime(Fqdn pool) {
    return backEndDowntimes(pool).stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** Whether {@code pool}'s users went into resiliency mode: a Back End down 30 minutes or more (BE-0). */
  public boolean usersWentIntoResiliencyMode(Fqdn pool) {
    requireNonNull(pool, "pool");
    return events(BackEndDowntime.class).stream()
        .anyMatch(downtime -> downtime.pool().equals(pool) && downtime.usersInResiliencyMode());
  }

  /** The {@code Install-CsDatabase} variants used for {@code pool}, in order. */
  public List<DatabaseUpdateVariant> databaseUpdates(Fqdn pool) {
    requireNonNull(pool, "pool");
    return events(DatabasesUpdated.class).stream()
        .filter(update -> update.pool().equals(pool))
        .map(DatabasesUpdated::variant)
        .toList();
  }

  /** How many operations were called. */
  public int callCount() {
    return events(FakeEvent.OperationCalled.class).size();
  }

  @Override
  public String toString() {
    return "History[" + events.size() + " events]";
  }
}
