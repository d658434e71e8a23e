# lync-upgrade:failover-state
param($p)
# Lync Server 2013 has no cmdlet that reports a pool's failover state directly; the SDK does not guess.
[pscustomobject]@{ Kind = 'State'; FailedOver = 'Unknown' }
