package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.PoolQuorum;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.testkit.fake.FakeEvent.BackEndDowntime;
import io.github.lyncupgrade.testkit.fake.FakeEvent.DatabasesUpdated;
import io.github.lyncupgrade.testkit.fake.FakeEvent.OperationCalled;
import io.github.lyncupgrade.testkit.fake.FakeEvent.ServerStateChanged;
import io.github.lyncupgrade.testkit.fake.FakeEvent.ServicesStopped;
import io.github.lyncupgrade.testkit.fake.FakeEvent.UpdateInstalled;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything that happened in a {@link FakeDeployment}, in order, and the questions tests ask
 * of it: its {@link FakeEvent}s, among them every call ({@link #calls(Operation, String)}, named by
 * {@link Operation}). Every server or pool is named as a {@code String} or an {@link Fqdn}. A
 * snapshot: immutable and thread-safe.
 */
public final class History {
  /**
   * When a pool had users without part of their service: from the first moment one of its
   * Front End (or Standard Edition) servers stopped running, or its Back End's w3svc stopped,
   * to the last moment they were all back.
   *
   * @param pool the pool
   * @param from when the first went down
   * @param to when the last came back, or the end of the history if one never did
   */
  public record Disruption(Fqdn pool, Instant from, Instant to) {}

  private final List<FakeEvent> events;
  private final Topology topology;

  History(List<FakeEvent> events, Topology topology) {
    this.events = List.copyOf(events);
    this.topology = topology;
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
  /** See {@link #maxDomainsDownAtOnce(Fqdn)}. */
  public int maxDomainsDownAtOnce(String pool) {
    return maxDomainsDownAtOnce(Fqdn.of(pool));
  }


  /** The most Front Ends of {@code pool} down at the same moment (one, server by server: CR-3). */
  public int maxFrontEndsDownAtOnce(Fqdn pool) {
    int most = 0;
    for (Map<String, Set<Fqdn>> down : downDomainsOverTime(pool)) {
      most = Math.max(most, down.values().stream().mapToInt(Set::size).sum());
    }
    return most;
  }
  /** See {@link #maxFrontEndsDownAtOnce(Fqdn)}. */
  public int maxFrontEndsDownAtOnce(String pool) {
    return maxFrontEndsDownAtOnce(Fqdn.of(pool));
  }


  /**
   * The first moment two or more upgrade domains of {@code pool} had servers down, as the down
   * servers by domain, or empty if that never happened.
   */
  public Optional<Map<String, Set<Fqdn>>> firstTimeSeveralDomainsWereDown(Fqdn pool) {
    return downDomainsOverTime(pool).stream().filter(down -> down.size() > 1).findFirst();
  }
  /** See {@link #firstTimeSeveralDomainsWereDown(Fqdn)}. */
  public Optional<Map<String, Set<Fqdn>>> firstTimeSeveralDomainsWereDown(String pool) {
    return firstTimeSeveralDomainsWereDown(Fqdn.of(pool));
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

  /**
   * The most pools disrupted at the same moment: with a server not running or the Back End's
   * w3svc stopped (SDK-4 allows the plan's {@code Concurrency.pools()}).
   */
  public int maxPoolsDisruptedAtOnce() {
    return disruptedPoolsOverTime().stream().mapToInt(moment -> moment.disrupted().size()).max().orElse(0);
  }

  /**
   * The first moment both {@code pool} and {@code partner} were disrupted (SDK-4 forbids it for
   * a disaster-recovery pair: the partner must stay up to take a failover), or empty if never.
   */
  public Optional<Set<Fqdn>> firstTimeBothWereDisrupted(Fqdn pool, Fqdn partner) {
    requireNonNull(pool, "pool");
    requireNonNull(partner, "partner");
    return disruptedPoolsOverTime().stream()
        .map(Moment::disrupted)
        .filter(disrupted -> disrupted.contains(pool) && disrupted.contains(partner))
        .findFirst();
  }
  /** See {@link #firstTimeBothWereDisrupted(Fqdn, Fqdn)}. */
  public Optional<Set<Fqdn>> firstTimeBothWereDisrupted(String pool, String partner) {
    return firstTimeBothWereDisrupted(Fqdn.of(pool), Fqdn.of(partner));
  }


  /** Each pool's disruptions, in order of their start. */
  public List<Disruption> disruptions() {
    List<Disruption> disruptions = new ArrayList<>();
    Map<Fqdn, Instant> since = new LinkedHashMap<>();
    for (Moment moment : disruptedPoolsOverTime()) {
      moment.disrupted().forEach(pool -> since.putIfAbsent(pool, moment.at()));
      for (Fqdn pool : List.copyOf(since.keySet())) {
        if (!moment.disrupted().contains(pool)) {
          disruptions.add(new Disruption(pool, since.remove(pool), moment.at()));
        }
      }
    }
    Instant end = events.isEmpty() ? Instant.MIN : events.get(events.size() - 1).at();
    since.forEach((pool, from) -> disruptions.add(new Disruption(pool, from, end)));
    disruptions.sort(Comparator.comparing(Disruption::from));
    return disruptions;
  }

  private record PoolChange(Fqdn pool, Fqdn server, boolean down) {}

  /** What {@code event} changes about a pool's service, if anything. */
  private PoolChange poolChange(FakeEvent event) {
    if (event instanceof ServerStateChanged change && isFrontEnd(change.pool(), change.server())
        && change.from().isUp() != change.to().isUp()) {
      return new PoolChange(change.pool(), change.server(), !change.to().isUp());
    }
    if (event instanceof FakeEvent.WebServiceChanged change) {
      return new PoolChange(change.pool(), change.server(), !change.running());
    }
    return null;
  }

  private boolean isFrontEnd(Fqdn pool, Fqdn server) {
    return topology.pool(pool).map(found -> found.frontEnds().stream().anyMatch(fe -> fe.fqdn().equals(server)))
        .orElse(false);
  }

  private record Moment(Instant at, Set<Fqdn> disrupted) {}

  /** After each change of a pool's service: the pools disrupted. */
  private List<Moment> disruptedPoolsOverTime() {
    Map<Fqdn, Set<Fqdn>> down = new HashMap<>();
    List<Moment> moments = new ArrayList<>();
    for (FakeEvent event : events) {
      PoolChange change = poolChange(event);
      if (change == null) {
        continue;
      }
      Set<Fqdn> servers = down.computeIfAbsent(change.pool(), pool -> new TreeSet<>());
      if (change.down()) {
        servers.add(change.server());
      } else {
        servers.remove(change.server());
      }
      Set<Fqdn> disrupted = new TreeSet<>();
      down.forEach((pool, fqdns) -> {
        if (!fqdns.isEmpty()) {
          disrupted.add(pool);
        }
      });
      moments.add(new Moment(event.at(), disrupted));
    }
    return moments;
  }

  /**
   * A moment a pool ran fewer Front Ends than Microsoft's quorum table allows (CR-1).
   *
   * @param at when
   * @param pool the pool
   * @param running the Front Ends that ran
   * @param quorum what the pool needs
   */
  public record QuorumBreach(Instant at, Fqdn pool, Set<Fqdn> running, PoolQuorum quorum) {}

  /**
   * The first moment, if any, an Enterprise pool of two or more Front Ends ran fewer of them than
   * its quorum needs, replayed from every server state change (servers down at the start
   * included): the question a run must always answer with none.
   */
  public Optional<QuorumBreach> firstQuorumBreach() {
    Map<Fqdn, Set<Fqdn>> running = new HashMap<>();
    for (Pool pool : topology.pools()) {
      running.put(pool.fqdn(), new TreeSet<>(pool.frontEnds().stream().map(Server::fqdn).toList()));
    }
    for (ServerStateChanged change : events(ServerStateChanged.class)) {
      Pool pool = topology.pool(change.pool()).orElse(null);
      if (!(pool instanceof EnterprisePool enterprise) || enterprise.frontEnds().size() < 2
          || !isFrontEnd(change.pool(), change.server())) {
        continue;
      }
      Set<Fqdn> up = running.get(pool.fqdn());
      if (change.to().isUp()) {
        up.add(change.server());
      } else {
        up.remove(change.server());
      }
      PoolQuorum quorum = PoolQuorum.of(pool);
      Set<Server> upServers = new HashSet<>();
      up.forEach(fqdn -> upServers.add(new Server(fqdn)));
      if (!quorum.isMetBy(pool.frontEnds(), upServers)) {
        return Optional.of(new QuorumBreach(change.at(), pool.fqdn(), Set.copyOf(up), quorum));
      }
    }
    return Optional.empty();
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
  /** See {@link #timesUpdated(Fqdn)}. */
  public int timesUpdated(String server) {
    return timesUpdated(Fqdn.of(server));
  }


  /** Each completed Back End downtime of {@code pool}, in order (BE-0). */
  public List<Duration> backEndDowntimes(Fqdn pool) {
    requireNonNull(pool, "pool");
    return events(BackEndDowntime.class).stream()
        .filter(downtime -> downtime.pool().equals(pool))
        .map(BackEndDowntime::downtime)
        .toList();
  }
  /** See {@link #backEndDowntimes(Fqdn)}. */
  public List<Duration> backEndDowntimes(String pool) {
    return backEndDowntimes(Fqdn.of(pool));
  }


  /** The longest completed Back End downtime of {@code pool}, zero if none. */
  public Duration longestBackEndDowntime(Fqdn pool) {
    return backEndDowntimes(pool).stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }
  /** See {@link #longestBackEndDowntime(Fqdn)}. */
  public Duration longestBackEndDowntime(String pool) {
    return longestBackEndDowntime(Fqdn.of(pool));
  }


  /** Whether {@code pool}'s users went into resiliency mode: a Back End down 30 minutes or more (BE-0). */
  public boolean usersWentIntoResiliencyMode(Fqdn pool) {
    requireNonNull(pool, "pool");
    return events(BackEndDowntime.class).stream()
        .anyMatch(downtime -> downtime.pool().equals(pool) && downtime.usersInResiliencyMode());
  }
  /** See {@link #usersWentIntoResiliencyMode(Fqdn)}. */
  public boolean usersWentIntoResiliencyMode(String pool) {
    return usersWentIntoResiliencyMode(Fqdn.of(pool));
  }


  /** The {@code Install-CsDatabase} variants used for {@code pool}, in order. */
  public List<DatabaseUpdateVariant> databaseUpdates(Fqdn pool) {
    requireNonNull(pool, "pool");
    return events(DatabasesUpdated.class).stream()
        .filter(update -> update.pool().equals(pool))
        .map(DatabasesUpdated::variant)
        .toList();
  }
  /** See {@link #databaseUpdates(Fqdn)}. */
  public List<DatabaseUpdateVariant> databaseUpdates(String pool) {
    return databaseUpdates(Fqdn.of(pool));
  }


  /** How many operations were called. */
  public int callCount() {
    return calls().size();
  }

  /** Every call, in order: what a run asked of the deployment, with its arguments. */
  public List<OperationCalled> calls() {
    return events(OperationCalled.class);
  }

  /** The calls of {@code operation}, in order. */
  public List<OperationCalled> calls(Operation operation) {
    requireNonNull(operation, "operation");
    return calls().stream().filter(call -> call.operation() == operation).toList();
  }

  /**
   * The calls of {@code operation} on {@code target}, in order: {@code calls(STOP_SERVICES,
   * "sql01.contoso.com")} are a Back End's stops, BE-4's and BE-9's, each with its {@code Graceful}.
   */
  public List<OperationCalled> calls(Operation operation, String target) {
    return calls(operation, Fqdn.of(target));
  }

  /** See {@link #calls(Operation, String)}. */
  public List<OperationCalled> calls(Operation operation, Fqdn target) {
    requireNonNull(target, "target");
    return calls(operation).stream().filter(call -> call.target().equals(target)).toList();
  }

  @Override
  public String toString() {
    return "History[" + events.size() + " events]";
  }
}
