# lync-upgrade:restart
param($p)
# FE-2c: restart and wait until PowerShell remoting answers again; the old remote session is gone.
$old = $global:LyncUpgradeSessions[$p.Server]
if ($old) { Remove-PSSession $old -ErrorAction SilentlyContinue; $global:LyncUpgradeSessions.Remove($p.Server) }
Restart-Computer -ComputerName $p.Server -Wait -For PowerShell -Timeout 3600 -Force
