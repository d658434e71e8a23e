# lync-upgrade:restart
param($p)
# FE-2c: restart through WinRM, the protocol pre-flight checks (Restart-Computer uses DCOM unless told
# otherwise), and wait at most $p.TimeoutSeconds until PowerShell remoting answers again. The SDK
# keeps no remote session between operations, so none is left dead by the restart.
$timeout = [int]$p.TimeoutSeconds
if ($timeout -le 0) {
  throw "lync-upgrade: Restart-Computer needs a positive timeout, got '$($p.TimeoutSeconds)'"
}
Restart-Computer -ComputerName $p.Server -Protocol WSMan -Wait -For PowerShell -Timeout $timeout -Force
