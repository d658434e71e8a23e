# lync-upgrade:is-administrator
param($p)
# BE-1: the account that acts on the server is a member of CsAdministrator.
Invoke-Command -Session (__Session $p.Server) -ScriptBlock {
  $principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
  [pscustomobject]@{ Member = [string]$principal.IsInRole('CSAdministrator') }
} | Select-Object Member
