# lync-upgrade:ping
param($p)
[pscustomobject]@{ PSVersion = $PSVersionTable.PSVersion.ToString(); Echo = $p.Echo }
