/**
 * Helpers core shares with the adapter only (a qualified export): {@code Durations} writes and reads
 * durations as the command and the reports show them, {@code Text} quotes untrusted text in messages.
 */
package io.github.lyncupgrade.core.internal;
