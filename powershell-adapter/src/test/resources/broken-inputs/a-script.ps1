# lync-upgrade:do-not-touch
Write-Host "this script must survive"
