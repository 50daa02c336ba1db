// Databases created before claims were linked to their accounts.
// First whether any Claim lacks its HOLDS link: two counts, links first (the embedded engine
// answers this order from its table sizes in milliseconds; no row when there is no Claim). Then
// the link for each Claim without one. The fill scans every Claim, so it runs only when the check
// says so, not at every schema apply.
MATCH ()-[l:HOLDS]->()
WITH count(l) AS links
MATCH (n:Claim)
WITH links, count(n) AS nodes
RETURN links < nodes AS needed;
MATCH (c:Claim)
OPTIONAL MATCH (:Account)-[l:HOLDS]->(c)
WITH c, count(l) AS held
WHERE held = 0
MATCH (a:Account {id: c.account_id})
CREATE (a)-[:HOLDS]->(c);
