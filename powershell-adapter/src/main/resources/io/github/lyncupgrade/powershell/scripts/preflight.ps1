# lync-upgrade:preflight
param($p)
# Before anything runs: the Lync module, CsAdministrator membership (BE-1), and remoting to every server.
$module = $null -ne (Get-Module -ListAvailable -Name Lync, SkypeForBusiness)
$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
[pscustomobject]@{ Kind = 'Shell'; PSVersion = $PSVersionTable.PSVersion.ToString(); LyncModule = $module
  CsAdministrator = $principal.IsInRole('CSAdministrator') }
foreach ($server in ([string]$p.Servers).Split(',', [StringSplitOptions]::RemoveEmptyEntries)) {
  $reachable = $null -ne (Test-WSMan -ComputerName $server -ErrorAction SilentlyContinue)
  [pscustomobject]@{ Kind = 'Server'; Name = $server; Reachable = $reachable }
}
