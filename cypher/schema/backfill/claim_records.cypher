// Databases created before claims were linked to their records (README: Claims).
// First whether any Claim lacks its CLAIMS link: two counts, links first (the embedded engine
// answers this order from its table sizes in milliseconds; no row when there is no Claim). Then
// the link for each Claim without one. The fill scans every Claim, so it runs only when the check
// says so, not at every schema apply.
MATCH ()-[l:CLAIMS]->()
WITH count(l) AS links
MATCH (n:Claim)
WITH links, count(n) AS nodes
RETURN links < nodes AS needed;
MATCH (c:Claim)
OPTIONAL MATCH (c)-[l:CLAIMS]->(:Researcher)
WITH c, count(l) AS linked
WHERE linked = 0
MATCH (r:Researcher {id: c.researcher_id})
CREATE (c)-[:CLAIMS]->(r);
