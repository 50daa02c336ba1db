// Databases created before replies were linked to their invitations.
// First whether any InvitationReply lacks its REPLY_TO link: two counts, links first (the embedded
// engine answers this order from its table sizes in milliseconds; no row when there is no
// InvitationReply). Then the link for each InvitationReply without one. The fill scans every
// InvitationReply, so it runs only when the check says so, not at every schema apply.
MATCH ()-[l:REPLY_TO]->()
WITH count(l) AS links
MATCH (n:InvitationReply)
WITH links, count(n) AS nodes
RETURN links < nodes AS needed;
MATCH (x:InvitationReply)
OPTIONAL MATCH (x)-[l:REPLY_TO]->(:Invitation)
WITH x, count(l) AS linked
WHERE linked = 0
MATCH (i:Invitation {id: x.invitation_id})
CREATE (x)-[:REPLY_TO]->(i);
