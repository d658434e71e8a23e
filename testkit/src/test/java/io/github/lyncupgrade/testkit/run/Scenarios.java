package io.github.lyncupgrade.testkit.run;

import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.Concurrency;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.Executor;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import io.github.lyncupgrade.testkit.fake.FakeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Shared set-up for executor tests: the update, plans, and an executor wired to a fake. */
final class Scenarios {
  static final UpdatePackage CU = UpdatePackage.of("\\\\files.contoso.com\\cu\\LyncServerUpdateInstaller.exe",
      "5.0.8308.1001");

  private Scenarios() {}

  /** One step at a time, so each test sees the calls in the plan's order; the fleet tests set their own. */
  static PlanOptions.Builder options() {
    return PlanOptions.builder().updatePackage(CU).concurrency(Concurrency.sequential());
  }

  static UpgradePlan plan(Topology topology) {
    return Planner.create(options().build()).plan(topology);
  }

  /** One Enterprise pool of 4 Front Ends in 2 domains, with no partner. */
  static Topology lonePool() {
    return Topology.builder()
        .pool(Pool.enterprise("pool09.contoso.com")
            .upgradeDomain("UD1", "fe91.contoso.com", "fe92.contoso.com")
            .upgradeDomain("UD2", "fe93.contoso.com", "fe94.contoso.com")
            .backEnd("sql09.contoso.com", CollocatedDatabase.ARCHIVING))
        .build();
  }

  /** Collects a run's events. */
  static final class Events {
    final List<RunEvent> all = new CopyOnWriteArrayList<>();

    <T extends RunEvent> List<T> of(Class<T> type) {
      return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** The position of the first event of {@code history} that {@code match} accepts, or -1: for "this came before that". */
  static int indexOf(List<FakeEvent> history, Predicate<FakeEvent> match) {
    for (int i = 0; i < history.size(); i++) {
      if (match.test(history.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static Executor.Builder executor(FakeDeployment fake, Events events, Journal journal) {
    return Executor.builder(fake).clock(fake.clock()).journal(journal).listener(events.all::add);
  }
}
