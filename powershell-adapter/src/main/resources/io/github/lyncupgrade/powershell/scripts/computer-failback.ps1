# lync-upgrade:computer-failback
param($p)
# CR-3c: enable and start the patched Front End's services.
$null = Invoke-CsComputerFailBack -ComputerName $p.Server -Confirm:$false
