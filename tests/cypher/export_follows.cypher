// Every FOLLOWS relationship.
// params: none
MATCH (a:Account)-[:FOLLOWS]->(r:Researcher)
RETURN a.id AS account, r.id AS researcher
ORDER BY account, researcher
