/**
 * The lync-upgrade testkit: a faithful fake Lync deployment in virtual time with fault
 * injection, built-in sample topologies, QuickTheories generators, AssertJ assertions and a
 * JUnit 5 extension, for this project's tests and its users' tests.
 */
module io.github.lyncupgrade.testkit {
  requires transitive io.github.lyncupgrade.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires transitive quicktheories;

  exports io.github.lyncupgrade.testkit;
  exports io.github.lyncupgrade.testkit.fake;
  exports io.github.lyncupgrade.testkit.gen;
  exports io.github.lyncupgrade.testkit.assertions;
  exports io.github.lyncupgrade.testkit.junit;
}
