/**
 * JUnit 5. Start with {@link io.github.lyncupgrade.testkit.junit.FakeDeploymentExtension}: a fresh fake
 * deployment per test, closed when the test ends.
 */
package io.github.lyncupgrade.testkit.junit;
