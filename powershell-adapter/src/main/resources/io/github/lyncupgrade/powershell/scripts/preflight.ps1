# lync-upgrade:preflight
param($p)
# Before anything runs: the Lync module, CsAdministrator membership (BE-1), and remoting to every server.
$module = [bool](Get-Module -ListAvailable -Name Lync, SkypeForBusiness)
$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
[pscustomobject]@{ Kind = 'Shell'; PSVersion = $PSVersionTable.PSVersion.ToString(); LyncModule = [string]$module
  CsAdministrator = [string]$principal.IsInRole('CSAdministrator') }
foreach ($server in ([string]$p.Servers).Split(',', [StringSplitOptions]::RemoveEmptyEntries)) {
  $reachable = [bool](Test-WSMan -ComputerName $server -ErrorAction SilentlyContinue)
  [pscustomobject]@{ Kind = 'Server'; Name = $server; Reachable = [string]$reachable }
}
