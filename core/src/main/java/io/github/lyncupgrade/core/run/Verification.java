package io.github.lyncupgrade.core.run;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.SyntheticTransactions;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.step.StepScope;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks beyond "the services run", as {@link RunHooks}: a failed check stops the run before
 * anything else starts, and resume verifies again. Write your own with {@code afterServer} and
 * {@code afterDomain}; this class offers Lync's synthetic transactions.
 */
public final class Verification {
  private Verification() {}

  /**
   * Runs {@code transactions} against the pool after each of its upgrade domains and after its
   * Back End procedure (a Standard Edition server's whole procedure): a transaction that fails
   * stops the run with what it reported, before the next domain starts.
   */
  public static RunHooks syntheticTransactions(SyntheticTransactions transactions) {
    requireNonNull(transactions, "transactions");
    return new RunHooks() {
      @Override
      public HookDecision afterDomain(Fqdn pool, String domain) {
        return check(pool, "after " + domain);
      }

      @Override
      public HookDecision afterServer(Fqdn pool, String group, Fqdn server) {
        return StepScope.BACK_END.equals(group) ? check(pool, "after the Back End procedure on " + server)
            : HookDecision.proceed();
      }

      private HookDecision check(Fqdn pool, String when) {
        List<SyntheticTransactions.Result> failed = transactions.syntheticTransactions(pool).stream()
            .filter(result -> !result.passed()).toList();
        return failed.isEmpty() ? HookDecision.proceed() : HookDecision.veto("synthetic transactions against " + pool
            + " failed " + when + ": " + failed.stream().map(result -> result.test() + ": " + result.detail())
                .collect(Collectors.joining("; ")));
      }
    };
  }
}
