/** {@code SimulateSample}: plans the built-in sample deployment and simulates its upgrade, as a program of its own. */
package io.github.lyncupgrade.testkit.cli;
