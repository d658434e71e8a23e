/** The PowerShell adapter; its classes arrive with the adapter issue. */
package io.github.lyncupgrade.powershell;
