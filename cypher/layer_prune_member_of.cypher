// Layer: drop researcher-team counts that reached zero.
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Team {id: row.team})
MATCH (r)-[m:MEMBER_OF]->(t)
WHERE m.works <= 0
DELETE m
