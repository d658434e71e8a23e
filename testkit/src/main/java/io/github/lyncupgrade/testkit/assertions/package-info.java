/**
 * AssertJ assertions in domain words. Start with {@link io.github.lyncupgrade.testkit.assertions.LyncAssertions}:
 * {@code assertThat(plan)}, {@code assertThat(fake)}, {@code assertThat(report)}.
 */
package io.github.lyncupgrade.testkit.assertions;
