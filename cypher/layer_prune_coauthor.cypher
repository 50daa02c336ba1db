// Layer: drop co-author pairs whose shared works reached zero.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.a})-[e:COAUTHOR]->(b:Researcher {id: row.b})
WHERE e.works <= 0
DELETE e
