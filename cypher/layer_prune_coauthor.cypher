// Layer: drop co-author pairs whose shared works reached zero.
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.a})
MATCH (b:Researcher {id: row.b})
MATCH (a)-[e:COAUTHOR]->(b)
WHERE e.works <= 0
DELETE e
