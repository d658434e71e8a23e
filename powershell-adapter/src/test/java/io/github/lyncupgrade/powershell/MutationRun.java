package io.github.lyncupgrade.powershell;

/**
 * Whether the tests run under the mutation profile ({@code -Pmutation} sets
 * {@code -Dlyncupgrade.mutation=true}), where each test runs again for every mutant it covers: the
 * few reliability tests that start a shell per case then run a sample of their cases. The whole
 * of each runs in the ordinary build.
 */
final class MutationRun {
  private MutationRun() {}

  static boolean active() {
    return Boolean.getBoolean("lyncupgrade.mutation");
  }
}
