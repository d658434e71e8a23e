# lync-upgrade:cms-location
param($p)
# CR-9: where the Central Management Store is, from its service control point (a String such as
# sql01.contoso.com\rtc). Get-CsManagementStoreLocation does not exist.
[pscustomobject]@{ Kind = 'Store'; Location = __TextOrNull (Get-CsConfigurationStoreLocation) }
