// Layer: drop researcher-team counts that reached zero.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})-[m:MEMBER_OF]->(t:Team {id: row.team})
WHERE m.works <= 0
DELETE m
