// Databases created before invitations were linked to their recipients.
// First whether any Invitation lacks its SENT_TO link: two counts, links first (the embedded
// engine answers this order from its table sizes in milliseconds; no row when there is no
// Invitation). Then the link for each Invitation without one. The fill scans every Invitation, so
// it runs only when the check says so, not at every schema apply.
MATCH ()-[l:SENT_TO]->()
WITH count(l) AS links
MATCH (n:Invitation)
WITH links, count(n) AS nodes
RETURN links < nodes AS needed;
MATCH (i:Invitation)
OPTIONAL MATCH (i)-[l:SENT_TO]->(:Account)
WITH i, count(l) AS linked
WHERE linked = 0
MATCH (a:Account {id: i.recipient_id})
CREATE (i)-[:SENT_TO]->(a);
