# lync-upgrade:ping
param($p)
[pscustomobject]@{ Kind = 'Pong'; PSVersion = $PSVersionTable.PSVersion.ToString(); Echo = [string]$p.Echo }
