/**
 * The testkit for your own tests. Start with {@link io.github.lyncupgrade.testkit.SampleTopologies} and
 * {@link io.github.lyncupgrade.testkit.Simulation}; {@link io.github.lyncupgrade.testkit.VirtualClock} is the time
 * that makes hours of procedure pass in milliseconds. The fake deployment is in {@code fake}, generators in
 * {@code gen}, assertions in {@code assertions}, the JUnit 5 extension in {@code junit}.
 */
package io.github.lyncupgrade.testkit;
