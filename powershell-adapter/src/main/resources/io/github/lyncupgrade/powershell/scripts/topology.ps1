# lync-upgrade:topology
param($p)
# Discovery's one call for the topology: the published topology, as Get-CsTopology -AsXml returns it
# (what Publish-CsTopology -FileName takes). The SDK maps it with the reader --topology uses, so the
# pools, their Front Ends in topology order, upgrade domains, Back Ends, collocated stores, products
# and the Central Management Store all come from the document, and Directors and branch appliances
# are skipped by the reader's rules. The value is projected as it arrives, with its own type:
# anything but one string (lines as an array, an XmlDocument, $null) is refused, never read as empty.
$document = Get-CsTopology -AsXml
[pscustomobject]@{ Kind = 'Topology'; Document = $document }
