/**
 * A faithful fake deployment. Start with {@link io.github.lyncupgrade.testkit.fake.FakeDeployment}
 * ({@code FakeDeployment.of(topology)}, or its builder with timings and faults), then
 * {@link io.github.lyncupgrade.testkit.fake.Fault} and {@link io.github.lyncupgrade.testkit.fake.FaultSchedule} to make it
 * misbehave, and {@link io.github.lyncupgrade.testkit.fake.History} to see what happened.
 */
package io.github.lyncupgrade.testkit.fake;
