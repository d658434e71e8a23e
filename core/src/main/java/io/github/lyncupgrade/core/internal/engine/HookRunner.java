package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.run.HookDecision;
import io.github.lyncupgrade.core.run.RunHooks;
import io.github.lyncupgrade.core.run.RunOutcome;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Asks the run's {@link RunHooks} at each boundary: before a pool's, a domain's or a server's
 * first step, after their last. A veto or a failing hook fails the step at hand in the journal
 * and stops the run; resume asks again there.
 */
final class HookRunner implements AutoCloseable {

  private final List<Engine.NamedHooks> hooks;
  private final Duration timeout;
  private final StepRecorder recorder;
  private final Map<StepScope, List<Step>> servers = new HashMap<>();
  private final Map<String, List<Step>> domains = new HashMap<>();
  private final Map<Fqdn, List<Step>> pools = new HashMap<>();
  private final Set<Object> begun = ConcurrentHashMap.newKeySet();
  private final Set<Object> ended = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;

  HookRunner(UpgradePlan plan, List<Engine.NamedHooks> hooks, Duration timeout, StepRecorder recorder) {
    this.hooks = hooks;
    this.timeout = timeout;
    this.recorder = recorder;
    this.threads = hooks.isEmpty() ? null : Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "lync-upgrade-hook");
      thread.setDaemon(true);
      return thread;
    });
    for (Step step : plan.steps()) {
      if (step.runsAhead()) {
        continue;
      }
      pools.computeIfAbsent(step.pool(), pool -> new ArrayList<>()).add(step);
      step.serverProcedure().ifPresent(scope -> servers.computeIfAbsent(scope, key -> new ArrayList<>()).add(step));
      domainOf(step).ifPresent(domain -> domains.computeIfAbsent(step.pool() + "/" + domain, key -> new ArrayList<>())
          .add(step));
    }
    pools.forEach((pool, steps) -> markBegun(pool, steps));
    servers.forEach((scope, steps) -> markBegun(scope, steps));
  }

  /** A pool or server whose procedure the journal shows under way is not begun again. */
  private void markBegun(Object key, List<Step> steps) {
    if (steps.stream().anyMatch(step -> recorder.status(step.id()) != StepStatus.PENDING
        && recorder.status(step.id()) != StepStatus.FAILED)) {
      begun.add(key);
    }
  }

  /** Asks the hooks before {@code step} starts; a result means stop with it. */
  Optional<StepResult> before(Step step) {
    if (hooks.isEmpty() || step.runsAhead()) {
      return Optional.empty();
    }
    List<Question> questions = new ArrayList<>();
    if (begun.add(step.pool())) {
      questions.add(new Question("before pool " + step.pool(), hook -> hook.beforePool(step.pool())));
    }
    Optional<String> domain = domainOf(step);
    if (domain.isPresent() && domains.get(step.pool() + "/" + domain.get()).get(0).equals(step)) {
      questions.add(new Question("before " + domain.get() + " of " + step.pool(),
          hook -> hook.beforeDomain(step.pool(), domain.get())));
    }
    Optional<StepScope> server = step.serverProcedure();
    if (server.isPresent() && begun.add(server.get())) {
      StepScope scope = server.get();
      questions.add(new Question("before " + scope.server(),
          hook -> hook.beforeServer(scope.pool(), scope.group(), scope.server())));
    }
    return ask(step, questions);
  }

  /** Asks the hooks after {@code step} is done, at the boundaries it closes; a result means stop with it. */
  Optional<StepResult> after(Step step) {
    if (hooks.isEmpty() || step.runsAhead()) {
      return Optional.empty();
    }
    List<Question> questions = new ArrayList<>();
    Optional<StepScope> server = step.serverProcedure();
    if (server.isPresent() && allDone(servers.get(server.get())) && ended.add(server.get())) {
      StepScope scope = server.get();
      questions.add(new Question("after " + scope.server(),
          hook -> hook.afterServer(scope.pool(), scope.group(), scope.server())));
    }
    Optional<String> domain = domainOf(step);
    String domainKey = step.pool() + "/" + domain.orElse("");
    if (domain.isPresent() && allDone(domains.get(domainKey)) && ended.add(domainKey)) {
      questions.add(new Question("after " + domain.get() + " of " + step.pool(),
          hook -> hook.afterDomain(step.pool(), domain.get())));
    }
    if (allDone(pools.get(step.pool())) && ended.add(step.pool())) {
      questions.add(new Question("after pool " + step.pool(), hook -> hook.afterPool(step.pool())));
    }
    return ask(step, questions);
  }

  private record Question(String boundary, Function<RunHooks, HookDecision> ask) {}

  private Optional<StepResult> ask(Step step, List<Question> questions) {
    for (Question question : questions) {
      for (Engine.NamedHooks hook : hooks) {
        String problem;
        try {
          Optional<String> veto = decide(hook, question).vetoReason();
          if (veto.isEmpty()) {
            continue;
          }
          String reason = "vetoed by hook '" + hook.name() + "' " + question.boundary() + ": " + veto.get();
          recorder.failed(step, reason);
          return Optional.of(new StepResult.Failed(reason, new RunOutcome.Vetoed(hook.name(), veto.get(), step.id())));
        } catch (TimeoutException e) {
          problem = "it did not answer " + question.boundary() + " within " + timeout;
        } catch (ExecutionException e) {
          problem = question.boundary() + ": " + e.getCause();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.of(new StepResult.Interrupted());
        }
        recorder.failed(step, "hook '" + hook.name() + "' failed: " + problem);
        return Optional.of(new StepResult.Failed(problem, new RunOutcome.HookFailed(hook.name(), problem, step.id())));
      }
    }
    return Optional.empty();
  }

  private HookDecision decide(Engine.NamedHooks hook, Question question)
      throws TimeoutException, ExecutionException, InterruptedException {
    Future<HookDecision> answer = threads.submit(() -> question.ask().apply(hook.hooks()));
    try {
      HookDecision decision = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (decision == null) {
        throw new ExecutionException(new NullPointerException("the hook returned no decision"));
      }
      return decision;
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw e;
    }
  }

  private boolean allDone(List<Step> steps) {
    return steps != null && steps.stream().allMatch(step -> recorder.status(step.id()).isDone());
  }

  private static Optional<String> domainOf(Step step) {
    return step.group().filter(group -> !StepScope.BACK_END.equals(group));
  }

  @Override
  public void close() {
    if (threads != null) {
      threads.shutdownNow();
    }
  }
}
