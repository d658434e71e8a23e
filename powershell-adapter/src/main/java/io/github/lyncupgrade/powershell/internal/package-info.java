/**
 * The adapter's plumbing, not exported. {@code Wire} is the session protocol's framing; {@code ScriptContracts}
 * holds one {@code ScriptContract} per script (record kinds, fields and their PowerShell types) that the scripts,
 * the adapter's reading and the fake shell follow; {@code ProcessContainment} makes sure no PowerShell process
 * outlives its session (a Windows job object, else a shutdown hook).
 */
package io.github.lyncupgrade.powershell.internal;
