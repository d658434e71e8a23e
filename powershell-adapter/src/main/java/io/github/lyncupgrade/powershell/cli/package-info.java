/**
 * The {@code lync-upgrade} command, not part of the library's API. Start with {@code LyncUpgradeCommand} (its
 * subcommands, one class each) and {@code Main} (exit codes: {@code ExitCodes}); {@code TopologyInput} reads every
 * {@code --topology}, {@code OptionWords} turns API messages into the command's words, {@code StopOnSignals}
 * turns Ctrl-C into a cancel at the next safe point.
 */
package io.github.lyncupgrade.powershell.cli;
