/**
 * QuickTheories generators for property tests. Start with {@link io.github.lyncupgrade.testkit.gen.LyncGens}
 * and {@link io.github.lyncupgrade.testkit.gen.Theories} (a fixed seed, printed with any failure).
 */
package io.github.lyncupgrade.testkit.gen;
