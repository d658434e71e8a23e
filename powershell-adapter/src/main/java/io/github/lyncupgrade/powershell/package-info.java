/**
 * Real servers through PowerShell. Start with {@link io.github.lyncupgrade.powershell.Probe} in a lab
 * (read-only: does every reply read as the SDK reads it?), then
 * {@link io.github.lyncupgrade.powershell.PowerShellDeployment}, the {@code LyncDeployment} over a
 * {@link io.github.lyncupgrade.powershell.PowerShellSession} or a {@link io.github.lyncupgrade.powershell.PowerShellSessionPool}
 * (values passed as data, one audited quoting path in {@link io.github.lyncupgrade.powershell.PowerShellQuoting});
 * {@link io.github.lyncupgrade.powershell.TopologyDiscovery}, {@link io.github.lyncupgrade.powershell.Preflight} and
 * {@link io.github.lyncupgrade.powershell.RunbookWriter} around it. Failures are
 * {@link io.github.lyncupgrade.powershell.PowerShellException}s and, for replies that do not read,
 * {@link io.github.lyncupgrade.powershell.UnreadableReplyException}.
 */
package io.github.lyncupgrade.powershell;
