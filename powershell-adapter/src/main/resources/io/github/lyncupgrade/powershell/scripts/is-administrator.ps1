# lync-upgrade:is-administrator
param($p)
# BE-1: the account that acts on the server is a member of CsAdministrator.
$session = __Open $p.Server $p
try {
  Invoke-Command -Session $session -ScriptBlock {
    $ErrorActionPreference = 'Stop'
    $principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    [pscustomobject]@{ Kind = 'Membership'; Member = $principal.IsInRole('CSAdministrator') }
  }
} finally {
  Remove-PSSession -Session $session
}
